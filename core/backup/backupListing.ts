import fs from 'node:fs';
import path from 'node:path';
import { openKeyed } from '../../db/cipher.ts';
import { enabledAdmin } from '../../db/queries/integrity.ts';
import type { BackupEntry } from '../../domain/api/backupViews.ts';
import { verifyPassword } from '../auth/password.ts';
import { DeskError, invalidField } from '../deskError.ts';
import { translatorFor } from '../translate.ts';
import { type BackupKeys, type InspectedBackup, type Inspection, inspectBackup } from './backupInspect.ts';
import { generationPrefix, manifestFileName } from './backupManifest.ts';
import { asStorageError } from './storageErrors.ts';

export function entryOf(target: string, inspection: Inspection, locale: string | undefined): BackupEntry {
  const b: Partial<InspectedBackup> = inspection.backup;
  const t = translatorFor(locale);
  return {
    path: path.resolve(target),
    name: path.basename(target),
    createdAt: b.createdAt ?? null,
    orgName: b.orgName ?? null,
    schemaVersion: b.schemaVersion ?? 0,
    bytes: b.bytes ?? 0,
    counts: b.counts ?? {},
    files: b.files ?? 0,
    valid: inspection.ok,
    encrypted: Boolean(b.manifest?.encryption),
    needsRecoveryKey: b.locked === true,
    problem: inspection.ok ? null : t(inspection.problem.key, inspection.problem.values ?? {}),
  };
}

/** The generations in a backup folder, newest first, each checked quickly (a restore checks thoroughly). */
export async function listBackups(
  folder: string,
  locale: string | undefined,
  keys: BackupKeys | undefined = undefined,
): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isDirectory() && (d.name.startsWith(generationPrefix) || fs.existsSync(path.join(folder, d.name, manifestFileName))))
      .map((d) => d.name);
  } catch (e) {
    // Not there (a USB stick unplugged, a mistyped name) is the field's problem, not the store's.
    // Said next to the field, in the same words (is the USB drive plugged in?), as a 4xx.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG')
      throw invalidField('folder', 'backup:storage.folderMissing', { path: folder });
    throw asStorageError(e, folder);
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const target = path.join(folder, name);
    entries.push(entryOf(target, await inspectBackup(target, { thorough: false, keys }), locale));
  }
  return entries.sort((a, b) => (b.createdAt ?? b.name).localeCompare(a.createdAt ?? a.name));
}

/** A backup that passed the thorough inspection, or the refusal with the reason in the caller's words. */
export async function restorableBackup(target: string, keys: BackupKeys): Promise<InspectedBackup> {
  const inspection = await inspectBackup(target, { thorough: true, keys });
  if (!inspection.ok) {
    // A missing or wrong recovery key is the recovery key field's problem, not the path's.
    const field = recoveryKeyProblems.some((k) => inspection.problem.key.endsWith(k)) ? 'recoveryKey' : 'path';
    throw new DeskError('invalid_input', inspection.problem, { [field]: inspection.problem });
  }
  return inspection.backup;
}

const recoveryKeyProblems = ['.needsRecoveryKey', '.wrongRecoveryKey', '.noRecoveryKey'];

/**
 * Who may restore when nobody can sign in (the store is damaged, or this is a new PC): an
 * enabled administrator of the backup being restored, checked against the backup's own users.
 */
export async function checkBackupAdmin(
  backup: InspectedBackup,
  username: string,
  password: string,
): Promise<{ id: string; username: string }> {
  const db = openKeyed(backup.storeFile, backup.dataKey, { readonly: true, fileMustExist: true });
  let admin: ReturnType<typeof enabledAdmin>;
  try {
    admin = enabledAdmin(db, username);
  } finally {
    db.close();
  }
  if (!admin || !(await verifyPassword(password, admin.passwordHash))) {
    throw new DeskError('unauthenticated', { key: 'backup:refused.notBackupAdmin' });
  }
  return { id: admin.id, username };
}
