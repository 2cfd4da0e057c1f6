import type { Kysely } from 'kysely';
import { rebuildReportRollups, rollupOffset } from '../../db/queries/reportRollups.ts';
import type { Database } from '../../db/schema.ts';
import { loadSettings } from '../settings.ts';

/**
 * Counts the report roll-ups from the cases when they are missing or were counted under another
 * UTC offset (a store from before them, a bulk load): one transaction, once. Until then the
 * reports read the cases themselves, so they are never wrong, only slower.
 */
export async function ensureReportRollups(db: Kysely<Database>, at: string): Promise<boolean> {
  const { utcOffsetMinutes } = await loadSettings(db);
  if ((await rollupOffset(db)) === utcOffsetMinutes) return false;
  await db.transaction().execute((trx) => rebuildReportRollups(trx, utcOffsetMinutes, at));
  return true;
}
