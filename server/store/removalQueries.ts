import type { Kysely } from 'kysely';
import { attachmentsOf } from '../../domain/retention/redactPayload.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/** The removals of a site and the evidence they deleted (server migration 8). */

/** The site's last removal sequence number (the caller holds the site's lock). */
export async function lastRemovalSeq(db: Db, siteId: number): Promise<number> {
  const row = await db
    .selectFrom('removals')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export const heldRemoval = (db: Db, siteId: number, caseId: string) =>
  db.selectFrom('removals').select('kinds').where('site_id', '=', siteId).where('case_id', '=', caseId).executeTakeFirst();

export const putRemoval = (db: Db, row: ServerDatabase['removals']) =>
  db
    .insertInto('removals')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['site_id', 'case_id']).doUpdateSet({
        kinds: row.kinds,
        at: row.at,
        removed_by: row.removed_by,
        reason: row.reason,
        desk_id: row.desk_id,
        seq: row.seq,
        received_at: row.received_at,
      }),
    )
    .execute();

export const removalsAfter = (db: Db, siteId: number, after: number, limit: number) =>
  db
    .selectFrom('removals')
    .select(['seq', 'case_id', 'kinds', 'at', 'removed_by', 'reason'])
    .where('site_id', '=', siteId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();

/** The evidence files the case's events name, read from the events as they travelled. */
export async function filesOfCase(db: Db, siteId: number, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('events').select('body').where('case_id', '=', caseId).where('site_id', '=', siteId).execute();
  const files = new Set<string>();
  for (const r of rows) {
    try {
      const event = JSON.parse(r.body) as { type?: unknown; payload?: unknown };
      if (event.type !== 'registered' && event.type !== 'attachmentsAdded') continue;
      const payload: unknown = typeof event.payload === 'string' ? JSON.parse(event.payload) : null;
      if (payload && typeof payload === 'object') for (const sha of attachmentsOf(payload as Record<string, unknown>)) files.add(sha);
    } catch {
      // An event the server verified before taking it always parses; one that does not names no file.
    }
  }
  return [...files];
}

/**
 * Of the case's files, those whose bytes may go: uploaded for this case, or for a case of the
 * site whose evidence was removed too. A file another living case sent stays (the same photo
 * in two complaints): that case still names it.
 */
export async function removableFiles(db: Db, siteId: number, caseId: string, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await db
    .selectFrom('evidence')
    .leftJoin('removals', (j) => j.onRef('removals.site_id', '=', 'evidence.site_id').onRef('removals.case_id', '=', 'evidence.case_id'))
    .select(['evidence.sha256', 'evidence.case_id', 'removals.kinds'])
    .where('evidence.site_id', '=', siteId)
    .where('evidence.sha256', 'in', [...files])
    .where('evidence.removed_at', 'is', null)
    .execute();
  return rows.filter((r) => r.case_id === caseId || (r.kinds ?? '').includes('"evidence"')).map((r) => r.sha256);
}

/** The bytes gone from the row (PostgreSQL keeps them there), the row kept with the time of the removal. */
export async function markEvidenceRemoved(db: Db, siteId: number, sha256s: readonly string[], at: string): Promise<void> {
  if (sha256s.length === 0) return;
  await db
    .updateTable('evidence')
    .set({ content: null, removed_at: at })
    .where('site_id', '=', siteId)
    .where('sha256', 'in', [...sha256s])
    .execute();
}
