/** What the backup, restore and export methods answer. */

export type BackupTrigger = 'manual' | 'scheduled' | 'quit';

export interface BackupConfig {
  folder: string;
  dailyTime: string;
  keep: number;
  onQuit: boolean;
  /** True while no folder has been chosen and the default beside the data is used. */
  isDefaultFolder: boolean;
}

export interface BackupRun {
  at: string;
  ok: boolean;
  trigger: BackupTrigger;
  /** The generation written (a folder), when it was. */
  path: string | null;
  bytes: number;
  durationMs: number;
  cases: number;
  /** Why it failed, in the caller's language. */
  error: string | null;
}

export interface BackupStatus {
  config: BackupConfig;
  last: BackupRun | null;
  lastGood: BackupRun | null;
  overdue: boolean;
  running: boolean;
  nextAt: string;
}

export interface BackupEntry {
  path: string;
  name: string;
  createdAt: string | null;
  orgName: string | null;
  schemaVersion: number;
  bytes: number;
  counts: Record<string, number>;
  /** Files beside the store (attachments) in the backup. */
  files: number;
  valid: boolean;
  /** Its store and files are encrypted. */
  encrypted: boolean;
  /** Encrypted under another desk's key (or this desk's, which is not at hand): the recovery key opens it. */
  needsRecoveryKey: boolean;
  /** Why it cannot be restored, in the caller's language. */
  problem: string | null;
}

export type DeskHealth =
  | {
      state: 'ok';
      initialized: boolean;
      /** The store is being checked in the background: the last run ended without closing properly. */
      checking: boolean;
    }
  | {
      state: 'damaged' | 'tooNew' | 'unavailable' | 'locked';
      /** What happened and what to do, in the caller's language. */
      message: string;
      detail: string;
      backupFolder: string | null;
    };

export interface RestoreResult {
  /** Where the store that was replaced now lies (it is never deleted). */
  setAsidePath: string | null;
  restoredFrom: string;
  cases: number;
}

export interface ExportResult {
  path: string;
  counts: Record<string, number>;
}

export interface ImportResult {
  counts: Record<string, number>;
  cases: number;
  events: number;
  /** The administrator who signs in with the password chosen at the import; the other accounts need a reset. */
  administrator: string;
}

/** Encryption at rest, as the backup page shows it to an administrator. */
export interface EncryptionStatus {
  encrypted: boolean;
  /** What wraps the data key on this machine. */
  keyring: 'safeStorage' | 'keyFile' | 'environment' | null;
  /** When the recovery key in use was made; null when none was ever made (make one now). */
  recoveryKeyCreatedAt: string | null;
}
