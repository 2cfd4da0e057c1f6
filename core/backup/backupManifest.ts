import type { BackupTrigger } from '../../domain/api/backupViews.ts';
import type { RecoveryWrap } from '../keys/sealing.ts';

export const backupApp = 'complaint-desk';
export const manifestFileName = 'manifest.json';
export const backupStoreFileName = 'desk.sqlite';
/** Inside a generation, the data directory's other folders are copied under this one. */
export const backupFilesDirName = 'files';
export const generationPrefix = 'desk-backup-';

/** Written last into each generation: what it holds and how it was verified. */
export interface BackupManifest {
  app: typeof backupApp;
  format: 1;
  createdAt: string;
  trigger: BackupTrigger;
  deviceId: string;
  orgName: string | null;
  schemaVersion: number;
  counts: Record<string, number>;
  store: { bytes: number; sha256: string };
  files: { path: string; bytes: number; sha256: string }[];
  verified: { integrityCheck: 'ok'; countsMatch: true };
  /**
   * Present when the store and files are encrypted: which desk key opens them, and that key
   * sealed under the recovery key, so a new PC restores with the recovery key alone.
   */
  encryption?: BackupEncryption;
}

export interface BackupEncryption {
  keyId: string;
  recovery: RecoveryWrap | null;
  recoveryCreatedAt: string | null;
}
