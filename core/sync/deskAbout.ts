import type { Kysely } from 'kysely';
import { readSettings } from '../../db/queries/settings.ts';
import { countOutbox } from '../../db/queries/sync.ts';
import type { Database } from '../../db/schema.ts';
import { syncHeaders } from '../../domain/sync/protocol.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { backupSettingKeys, type StoredBackupRun } from '../backup/backupConfig.ts';

/** What a desk tells the server about itself with each signed request, for the group console's desks list. */
export interface DeskAbout {
  version: string;
  /** When its last good backup was made, or null before the first. */
  lastBackupAt: string | null;
  /** Case events not yet pushed. */
  eventsWaiting: number;
}

export async function readDeskAbout(db: Kysely<Database>): Promise<DeskAbout> {
  const lastGood = (await readSettings(db)).get(backupSettingKeys.lastGood) as StoredBackupRun | undefined;
  return { version: packageJson.version, lastBackupAt: lastGood?.at ?? null, eventsWaiting: await countOutbox(db) };
}

export function aboutHeaders(about: DeskAbout): Record<string, string> {
  const headers: Record<string, string> = {
    [syncHeaders.version]: about.version,
    [syncHeaders.waiting]: String(about.eventsWaiting),
  };
  if (about.lastBackupAt) headers[syncHeaders.backupAt] = about.lastBackupAt;
  return headers;
}
