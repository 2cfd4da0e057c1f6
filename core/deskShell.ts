import type { RestoreResult } from '../domain/api/backupViews.ts';
import type { InspectedBackup } from './backup/backupInspect.ts';
import type { HostKeyring } from './keys/hostKeyring.ts';

/**
 * What the desk around the open store offers the handlers that must replace that store: a
 * restore closes it, sets it aside and opens the backup in its place; an import reopens it so
 * the imported desk's identity is loaded. Both sign everyone out.
 */
export interface DeskShell {
  readonly dataDir: string;
  restore(backup: InspectedBackup, actor: { id: string; username: string } | null): Promise<RestoreResult>;
  reload(): Promise<void>;
  /**
   * Runs `work` while the desk refuses every call but `jobs.status` and `desk.health`, and the
   * host's deadline sweeps and backup ticks skip (the desk's own timers find no one set up yet).
   */
  alone<T>(work: () => Promise<T>): Promise<T>;
  /** The backup folder a damaged store cannot tell: the one remembered beside it. */
  rememberedBackupFolder(): string | null;
  /** What wraps the data key on this machine; null for a desk run without encryption. */
  readonly keyring: HostKeyring | null;
  /** This desk's data key when known (also when its store is damaged), so its own backups open without the recovery key. */
  dataKey(): Buffer | null;
  /** True while the store is checked in the background after the last run ended without closing properly. */
  checkingStore(): boolean;
}
