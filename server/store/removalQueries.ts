import type { Kysely } from 'kysely';
import { attachmentsOf } from '../../domain/retention/redactPayload.ts';
import type { RemovalKind } from '../../domain/retention/retentionRules.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { redactWireEvent } from '../../domain/sync/redactedEvents.ts';
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

/** The kinds the site removed of each case (a case under the site that holds it), for the cases that have any. */
export async function removedKindsOf(db: Db, cases: readonly { caseId: string; siteId: number }[]): Promise<Map<string, RemovalKind[]>> {
  const out = new Map<string, RemovalKind[]>();
  const siteOf = new Map(cases.map((c) => [c.caseId, c.siteId]));
  const ids = [...siteOf.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('removals')
      .select(['site_id', 'case_id', 'kinds'])
      .where('case_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) if (siteOf.get(r.case_id) === r.site_id) out.set(r.case_id, JSON.parse(r.kinds) as RemovalKind[]);
  }
  return out;
}

/**
 * Takes the kinds out of the case's held events as the desk that removed them did: each body
 * rewritten with the redacted payload and the kinds marked, its hash (and so the DAG) as it was.
 * Answers how many bodies changed.
 */
export async function redactCaseEvents(db: Db, caseId: string, kinds: readonly RemovalKind[]): Promise<number> {
  const rows = await db.selectFrom('events').select(['id', 'body']).where('case_id', '=', caseId).execute();
  let changed = 0;
  for (const r of rows) {
    const event = JSON.parse(r.body) as WireEvent;
    const redacted = redactWireEvent(event, kinds);
    if (redacted === event) continue;
    await db
      .updateTable('events')
      .set({ body: JSON.stringify(redacted) })
      .where('id', '=', r.id)
      .execute();
    changed++;
  }
  return changed;
}
