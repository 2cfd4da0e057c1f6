import type { Kysely } from 'kysely';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

export const findSiteByName = (db: Db, name: string) => db.selectFrom('sites').selectAll().where('name', '=', name).executeTakeFirst();
export const findSite = (db: Db, id: number) => db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSite(db: Db, name: string, at: string): Promise<number> {
  const row = await db.insertInto('sites').values({ name, created_at: at }).returning('id').executeTakeFirstOrThrow();
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
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const findDesk = (db: Db, id: string) => db.selectFrom('desks').selectAll().where('id', '=', id).executeTakeFirst();

export const prefixesOfSite = async (db: Db, siteId: number) =>
  (await db.selectFrom('desks').select('prefix').where('site_id', '=', siteId).execute()).map((r) => r.prefix);

export const insertDesk = (db: Db, row: ServerDatabase['desks']) => db.insertInto('desks').values(row).execute();

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

export const insertCaseSite = (db: Db, id: string, siteId: number) => db.insertInto('cases').values({ id, site_id: siteId }).execute();

export const eventsById = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('events')
        .select(['id', 'hash', 'case_id'])
        .where('id', 'in', [...ids])
        .execute();

/** The hashes among `hashes` the case already holds. */
export const knownHashes = async (db: Db, caseId: string, hashes: readonly string[]) =>
  hashes.length === 0
    ? []
    : (
        await db
          .selectFrom('events')
          .select('hash')
          .where('case_id', '=', caseId)
          .where('hash', 'in', [...hashes])
          .execute()
      ).map((r) => r.hash);

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

export const insertEvents = (db: Db, rows: ServerDatabase['events'][]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('events')
        .values(rows)
        .execute()
        .then(() => undefined);

export const eventsAfter = (db: Db, siteId: number, after: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['seq', 'body'])
    .where('site_id', '=', siteId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
