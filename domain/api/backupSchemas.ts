import { z } from 'zod';
import { textLimits } from './limits.ts';

/** Inputs of the backup, restore, recovery and export/import methods. */

const folderPath = z.string().trim().min(1).max(1000);

export const backupConfigureInput = z.strictObject({
  folder: folderPath,
  dailyTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  keep: z.number().int().min(1).max(365),
  onQuit: z.boolean(),
});

export const backupListInput = z.strictObject({ folder: folderPath.optional() });

export const backupPathInput = z.strictObject({ path: folderPath });

export const backupRestoreInput = z.strictObject({
  path: folderPath,
  /** The screen's explicit confirmation: a restore replaces what the desk shows. */
  confirm: z.literal(true),
});

export const recoveryRestoreInput = z.strictObject({
  path: folderPath,
  username: z.string().trim().min(1).max(textLimits.username),
  password: z.string().min(1).max(textLimits.password),
});

export const dataExportInput = z.strictObject({
  format: z.enum(['json', 'csv']),
  folder: folderPath.optional(),
});

export const dataImportInput = z.strictObject({ path: folderPath });
