import type { RestoreResult } from '../domain/api/backupViews.ts';
import type { InspectedBackup } from './backup/backupInspect.ts';

/**
 * What the desk around the open store offers the handlers that must replace that store: a
 * restore closes it, sets it aside and opens the backup in its place; an import reopens it so
 * the imported desk's identity is loaded. Both sign everyone out.
 */
export interface DeskShell {
  readonly dataDir: string;
  restore(backup: InspectedBackup, actor: { id: string; username: string } | null): Promise<RestoreResult>;
  reload(): Promise<void>;
  /** The backup folder a damaged store cannot tell: the one remembered beside it. */
  rememberedBackupFolder(): string | null;
}
