import { randomBytes } from 'node:crypto';
import { formatRecoveryKey, parseRecoveryKey, recoveryKeyBytes } from '../../domain/keys/recoveryKey.ts';
import type { InspectedBackup } from '../backup/backupInspect.ts';
import type { BackupEncryption } from '../backup/backupManifest.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { HostKeyring } from './hostKeyring.ts';
import { readKeysFile, writeKeysFile } from './keysFile.ts';
import { keyIdOf, unwrapWithRecovery, wrapForRecovery } from './sealing.ts';
import { newKeysFile } from './storeKey.ts';

/** What a backup's manifest records about the key its store and files are encrypted with. */
export function backupEncryptionOf(dataDir: string, dataKey: Buffer): BackupEncryption {
  const keys = readKeysFile(dataDir);
  return { keyId: keyIdOf(dataKey), recovery: keys?.recovery ?? null, recoveryCreatedAt: keys?.recoveryCreatedAt ?? null };
}

/**
 * A new recovery key for the desk's data key: shown once, never stored. Only its wrapping of
 * the data key is kept (in the key file and in every backup from now on); an earlier recovery
 * key keeps opening the backups written before.
 */
export function issueRecoveryKey(dataDir: string, dataKey: Buffer, at: string): string {
  const keys = readKeysFile(dataDir);
  if (!keys) throw new DeskError('store_error', { key: 'backup:keys.notEncrypted' });
  const recoveryKey = randomBytes(recoveryKeyBytes);
  writeKeysFile(dataDir, { ...keys, recovery: wrapForRecovery(dataKey, recoveryKey), recoveryCreatedAt: at });
  return formatRecoveryKey(recoveryKey);
}

/** The recovery key typed into a form, or the refusal next to its field. */
export function recoveryKeyOf(text: string | undefined): Uint8Array | null {
  if (text === undefined || text.trim() === '') return null;
  const bytes = parseRecoveryKey(text);
  if (!bytes) throw invalidField('recoveryKey', 'backup:keys.field.recoveryKeyFormat');
  return bytes;
}

/**
 * Opens a desk whose key file this machine's keyring cannot read (a new keyring, another
 * key file, a reinstalled system) with the recovery key: the data key is unwrapped and wrapped
 * again by the keyring at hand, so the next start needs no recovery key.
 */
export function unlockWithRecoveryKey(dataDir: string, keyring: HostKeyring | null, text: string): void {
  const recoveryKey = recoveryKeyOf(text);
  if (!recoveryKey) throw invalidField('recoveryKey', 'backup:keys.field.recoveryKeyFormat');
  const keys = readKeysFile(dataDir);
  if (!keys) throw new DeskError('store_error', { key: 'backup:keys.locked.keysMissing' });
  if (!keys.recovery) throw invalidField('recoveryKey', 'backup:keys.field.noRecoveryKey');
  const dataKey = unwrapWithRecovery(keys.recovery, recoveryKey);
  if (!dataKey || keyIdOf(dataKey) !== keys.keyId) throw invalidField('recoveryKey', 'backup:keys.field.recoveryKeyWrong');
  if (!keyring) throw new DeskError('store_error', { key: 'backup:keys.locked.noKeyring' });
  writeKeysFile(dataDir, { ...keys, host: { kind: keyring.kind, wrapped: keyring.wrap(dataKey) } });
}

/**
 * After a backup was copied into the data directory: the key file that opens it (its data
 * key wrapped by this machine's keyring, and the backup's recovery wrapping). A plain backup
 * gets none, and is encrypted on the next start when the desk has a keyring.
 */
export function placeBackupKeys(dataDir: string, backup: InspectedBackup, keyring: HostKeyring | null): void {
  if (!backup.dataKey) return;
  if (!keyring) throw new DeskError('store_error', { key: 'backup:keys.locked.noKeyring' });
  writeKeysFile(dataDir, { ...newKeysFile(backup.dataKey, keyring, backup.recovery), recoveryCreatedAt: backup.recoveryCreatedAt });
}
