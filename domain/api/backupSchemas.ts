import { z } from 'zod';
import { newPasswordSchema } from './accessSchemas.ts';
import { textLimits } from './limits.ts';

/** Inputs of the backup, restore, recovery and export/import methods. */

/** A path in full: `/media/usb`, `D:\\备份` or `\\\\server\\share`. */
const absolutePath = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * A folder or file named in full. A relative name would be taken from the host's working folder,
 * which means nothing to the person typing it (and its error would name that folder); a name
 * the file system cannot hold (a part over 255 bytes, a NUL) is refused at the field.
 */
const folderPath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((v) => absolutePath.test(v), { message: 'absolutePath' })
  .refine((v) => !v.includes('\0') && v.split(/[\\/]/).every((part) => new TextEncoder().encode(part).length <= 255), {
    message: 'pathName',
  });

/** A recovery key as typed (its form is checked where it is used, so the refusal names the field). */
const recoveryKeyText = z.string().trim().max(100);

export const backupConfigureInput = z.strictObject({
  folder: folderPath,
  dailyTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  keep: z.number().int().min(1).max(365),
  onQuit: z.boolean(),
});

export const backupListInput = z.strictObject({ folder: folderPath.optional() });

export const backupPathInput = z.strictObject({ path: folderPath, recoveryKey: recoveryKeyText.optional() });

export const backupRestoreInput = z.strictObject({
  path: folderPath,
  /** Needed for an encrypted backup of another desk (or of this one on a new PC). */
  recoveryKey: recoveryKeyText.optional(),
  /** The screen's explicit confirmation: a restore replaces what the desk shows. */
  confirm: z.literal(true),
});

export const recoveryRestoreInput = z.strictObject({
  path: folderPath,
  username: z.string().trim().min(1).max(textLimits.username),
  password: z.string().min(1).max(textLimits.password),
  recoveryKey: recoveryKeyText.optional(),
});

export const recoveryUnlockInput = z.strictObject({ recoveryKey: recoveryKeyText });

/** A new recovery key replaces the one in use: the screen asks first. */
export const newRecoveryKeyInput = z.strictObject({ confirm: z.literal(true) });

export const dataExportInput = z.strictObject({
  format: z.enum(['json', 'csv']),
  folder: folderPath.optional(),
});

/** The export carries no passwords: the person importing chooses the administrator's. */
export const dataImportInput = z.strictObject({
  path: folderPath,
  recoveryKey: recoveryKeyText.optional(),
  adminPassword: newPasswordSchema,
});
