import { type Insertable, type Kysely, sql } from 'kysely';
import type { Dialect } from './migrations.ts';
import type { DesksTable, ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

export const findSiteByName = (db: Db, name: string) => db.selectFrom('sites').selectAll().where('name', '=', name).executeTakeFirst();
export const findSite = (db: Db, id: number) => db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSite(
  db: Db,
  name: string,
  at: string,
  volume: { perMonth: number; unit: string } | null = null,
): Promise<number> {
  const row = await db
    .insertInto('sites')
    .values({ name, created_at: at, volume_per_month: volume?.perMonth ?? null, volume_unit: volume?.unit ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const insertEnrolmentCode = (db: Db, row: { code_hash: string; site_id: number; expires_at: string; created_at: string }) =>
  db
    .insertInto('enrolment_codes')
    .values({ ...row, used_by: null })
    .execute();

export const findEnrolmentCode = (db: Db, codeHash: string) =>
  db.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();

/** Spends a code once: false when another request spent it first. */
export async function spendEnrolmentCode(db: Db, codeHash: string, deskId: string): Promise<boolean> {
  const result = await db
    .updateTable('enrolment_codes')
    .set({ used_by: deskId })
    .where('code_hash', '=', codeHash)
    .where('used_by', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const findDesk = (db: Db, id: string) => db.selectFrom('desks').selectAll().where('id', '=', id).executeTakeFirst();

/** Every prefix a desk of the group holds, revoked desks' too (their numbers stay in the cases). */
export const prefixesOfGroup = async (db: Db) => (await db.selectFrom('desks').select('prefix').distinct().execute()).map((r) => r.prefix);

/**
 * Orders the enrolments of the whole group on PostgreSQL (a transaction-long advisory lock), so
 * two desks joining two sites at once do not take one prefix. SQLite writes one transaction at a time.
 */
export async function lockPrefixes(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${prefixLockKey})`.execute(db);
}

/** The advisory lock's key: any constant no other lock of the server uses. */
const prefixLockKey = 0x5052_4546;

export const insertDesk = (db: Db, row: Insertable<DesksTable>) => db.insertInto('desks').values(row).execute();

export const revokeDesk = (db: Db, id: string, at: string) =>
  db.updateTable('desks').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();

/** Records a request's nonce; false when the desk used it before (a replay). */
export async function recordNonce(db: Db, deskId: string, nonce: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto('nonces')
    .values({ desk_id: deskId, nonce, at })
    .onConflict((oc) => oc.columns(['desk_id', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Nonces older than a request may be are no longer needed: such a request is refused by its time. */
export const forgetNonces = (db: Db, before: string) => db.deleteFrom('nonces').where('at', '<', before).execute();

export const siteOfCases = (db: Db, caseIds: readonly string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cases')
        .select(['id', 'site_id'])
        .where('id', 'in', [...caseIds])
        .execute();

/**
 * Rows a statement may carry: PostgreSQL takes at most 65,535 parameters a statement and SQLite
 * 32,766, and the widest row here has 8 columns.
 */
const rowsAStatement = 2000;

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The cases' sites, one multi-row INSERT a chunk. */
export async function insertCaseSites(db: Db, rows: readonly ServerDatabase['cases'][]): Promise<void> {
  for (const chunk of chunks(rows, rowsAStatement)) await db.insertInto('cases').values(chunk).execute();
}

export const eventsById = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('events')
        .select(['id', 'hash', 'case_id'])
        .where('id', 'in', [...ids])
        .execute();

/**
 * The (case, hash) pairs among `wanted` the server holds, one query for a whole push: the
 * (case_id, hash) index is searched for the cases and hashes named, and the pairs kept.
 */
export async function knownParents(db: Db, wanted: readonly { caseId: string; hash: string }[]): Promise<Set<string>> {
  const known = new Set<string>();
  if (wanted.length === 0) return known;
  const cases = [...new Set(wanted.map((w) => w.caseId))];
  const hashes = [...new Set(wanted.map((w) => w.hash))];
  const asked = new Set(wanted.map((w) => parentKey(w.caseId, w.hash)));
  for (const caseChunk of chunks(cases, rowsAStatement)) {
    for (const hashChunk of chunks(hashes, rowsAStatement * 4)) {
      const rows = await db
        .selectFrom('events')
        .select(['case_id', 'hash'])
        .where('case_id', 'in', caseChunk)
        .where('hash', 'in', hashChunk)
        .execute();
      for (const r of rows) if (asked.has(parentKey(r.case_id, r.hash))) known.add(parentKey(r.case_id, r.hash));
    }
  }
  return known;
}

/** How `knownParents` names a pair: a hash is 64 hex digits, so the space cannot be part of one. */
export const parentKey = (caseId: string, hash: string) => `${caseId} ${hash}`;

/**
 * The site's last sequence number, the site's row locked first thing in the push's transaction
 * on PostgreSQL: the site's writers are ordered, so numbers become visible in order and a
 * puller's cursor never skips one. NO KEY UPDATE, so rows that only reference the site (KEY
 * SHARE) do not deadlock with it.
 */
export async function lockSequence(db: Db, siteId: number, lock: boolean): Promise<number> {
  let query = db.selectFrom('sites').select('last_seq').where('id', '=', siteId);
  if (lock) query = query.forNoKeyUpdate();
  return (await query.executeTakeFirstOrThrow()).last_seq;
}

export const advanceSequence = (db: Db, siteId: number, lastSeq: number) =>
  db.updateTable('sites').set({ last_seq: lastSeq }).where('id', '=', siteId).execute();

/** The events, one multi-row INSERT a chunk. */
export async function insertEvents(db: Db, rows: readonly ServerDatabase['events'][]): Promise<void> {
  for (const chunk of chunks(rows, rowsAStatement)) await db.insertInto('events').values(chunk).execute();
}

/**
 * PostgreSQL: a pull's nonce recorded and the site's last number read in one statement, one
 * round trip to the database; `spent` is false when the desk used the nonce before (a replay).
 * The number and the site's events are written in one transaction, so a pull after it has
 * nothing to read.
 */
export async function spendNonceReadLastSeq(
  db: Db,
  nonce: { deskId: string; nonce: string; at: string },
  siteId: number,
): Promise<{ spent: boolean; lastSeq: number }> {
  const result = await sql<{ spent: number; last_seq: number }>`
    WITH spent AS (
      INSERT INTO nonces (desk_id, nonce, at) VALUES (${nonce.deskId}, ${nonce.nonce}, ${nonce.at})
      ON CONFLICT (desk_id, nonce) DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*) FROM spent) AS spent, last_seq FROM sites WHERE id = ${siteId}`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error(`site ${siteId} is not in the store`);
  return { spent: Number(row.spent) === 1, lastSeq: Number(row.last_seq) };
}
