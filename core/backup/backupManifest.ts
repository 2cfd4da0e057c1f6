import type { BackupTrigger } from '../../domain/api/backupViews.ts';

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
}
