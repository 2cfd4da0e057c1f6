import { type Kysely, sql } from 'kysely';
import type { ServerDatabase, TransfersTable } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/** The sites of the group, for desks choosing where to transfer a case. */
export const listSites = (db: Db) => db.selectFrom('sites').select(['id', 'name']).orderBy('id').execute();

/**
 * A site's feed after the cursor: its own events and the events relayed to it (migration 006),
 * one ordered page. Each side is an index range cut at `limit` before the two are merged.
 */
export async function feedAfter(db: Db, siteId: number, after: number, limit: number): Promise<FeedRow[]> {
  const { rows } = await sql<{ seq: number | string; body: string; origin: number | string; desk_id: string }>`
    SELECT seq, body, origin, desk_id FROM (
      SELECT * FROM (SELECT seq, body, site_id AS origin, desk_id FROM events WHERE site_id = ${siteId} AND seq > ${after} ORDER BY seq LIMIT ${limit}) own
      UNION ALL
      SELECT * FROM (
        SELECT r.seq AS seq, e.body AS body, e.site_id AS origin, e.desk_id AS desk_id FROM relayed_events r JOIN events e ON e.id = r.event_id
        WHERE r.site_id = ${siteId} AND r.seq > ${after} ORDER BY r.seq LIMIT ${limit}
      ) relayed
    ) feed ORDER BY seq LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ seq: Number(r.seq), body: r.body, origin: Number(r.origin), deskId: r.desk_id }));
}

/** An event of a site's feed: its place, its body as it travelled, the site and desk (or console account) that wrote it. */
export interface FeedRow {
  seq: number;
  body: string;
  origin: number;
  deskId: string;
}

/** Staff names as a site's desks sent them (their user records), by id. */
export async function siteStaffNames(db: Db, siteId: number, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('reference_records')
    .select(['key', 'row'])
    .where('site_id', '=', siteId)
    .where('kind', '=', 'user')
    .where('key', 'in', [...new Set(ids)])
    .execute();
  const names = new Map<string, string>();
  for (const r of rows) {
    const name = r.row ? (JSON.parse(r.row) as { display_name?: unknown }).display_name : undefined;
    if (typeof name === 'string' && name.trim() !== '') names.set(r.key, name);
  }
  return names;
}

/** Of `caseIds`, the cases `siteId` transferred to another site: its desks may still add what they recorded before they knew. */
export async function casesHandedOnBy(db: Db, caseIds: readonly string[], siteId: number): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('transfers')
    .select('case_id')
    .where('case_id', 'in', [...caseIds])
    .where('from_site', '=', siteId)
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

export const insertTransfers = (db: Db, rows: readonly TransfersTable[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('transfers')
        .values([...rows])
        .execute()
        .then(() => undefined);

/** Every event of a case the server holds, with the site that received it. */
export const eventsOfCase = (db: Db, caseId: string) =>
  db.selectFrom('events').select(['id', 'site_id', 'body']).where('case_id', '=', caseId).execute();

/** The events of a case relayed to a site already. */
export async function relayedOfCase(db: Db, caseId: string, siteId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('relayed_events')
    .select('event_id')
    .where('case_id', '=', caseId)
    .where('site_id', '=', siteId)
    .execute();
  return new Set(rows.map((r) => r.event_id));
}

export const insertRelays = (db: Db, rows: readonly ServerDatabase['relayed_events'][]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('relayed_events')
        .values([...rows])
        .execute()
        .then(() => undefined);

export const moveCaseTo = (db: Db, caseId: string, siteId: number) =>
  db.updateTable('cases').set({ site_id: siteId }).where('id', '=', caseId).execute();

/** A site's evidence rows among `shas`, to be copied to the site a case moves to. */
export const evidenceRowsOf = (db: Db, siteId: number, shas: readonly string[]) =>
  shas.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('evidence')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('sha256', 'in', [...shas])
        .execute();
