import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { SyncConfigTable } from '../syncSchema.ts';
import { compiledOnce } from './compiledOnce.ts';
import { aliasesChanging } from './referenceSync.ts';

/** The desk's sync row (migration 14) and its outbox. */

export type SyncConfigRow = Selectable<SyncConfigTable>;

const syncConfig = compiledOnce((db) => db.selectFrom('sync_config').selectAll().where('id', '=', 1));

export async function readSyncConfig(db: Kysely<Database>): Promise<SyncConfigRow | undefined> {
  return (await syncConfig(db, {}))[0];
}

export async function insertSyncConfig(
  db: Kysely<Database>,
  row: Omit<SyncConfigRow, 'id' | 'pull_cursor' | 'last_sync_at' | 'last_error' | 'offline_since' | 'receiving' | 'removal_cursor'>,
): Promise<void> {
  aliasesChanging(db);
  await db
    .insertInto('sync_config')
    .values({ id: 1, ...row })
    .execute();
}

export async function deleteSyncConfig(db: Kysely<Database>): Promise<void> {
  aliasesChanging(db);
  await db.deleteFrom('sync_outbox').execute();
  await db.deleteFrom('sync_config').execute();
}

export async function updateSyncConfig(
  db: Kysely<Database>,
  change: Partial<Pick<SyncConfigRow, 'pull_cursor' | 'last_sync_at' | 'last_error' | 'offline_since' | 'receiving' | 'removal_cursor'>>,
): Promise<void> {
  await db.updateTable('sync_config').set(change).where('id', '=', 1).execute();
}

/** Puts every event of the log in the outbox: a desk that joins takes its history with it. */
export async function queueWholeLog(db: Kysely<Database>): Promise<number> {
  const result = await sql`INSERT OR IGNORE INTO sync_outbox (pos) SELECT pos FROM case_events`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function countOutbox(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What waits to go up, by kind (see `SyncWaiting`). */
export interface OutboxCounts {
  events: number;
  records: number;
  audit: number;
  files: number;
}

/**
 * Everything the server has not acknowledged yet: case events, reference records, audit
 * entries and evidence files. An account whose name clashes with the site's is left out: it
 * waits for an administrator (who sees the clash), not for the network.
 */
export async function countWaiting(db: Kysely<Database>): Promise<OutboxCounts> {
  const result = await sql<OutboxCounts>`SELECT
    (SELECT count(*) FROM sync_outbox) AS events,
    (SELECT count(*) FROM sync_ref_outbox o
      WHERE NOT (o.kind = 'user' AND o.key IN (SELECT local_id FROM account_clashes)))
      + (SELECT count(*) FROM sync_removal_outbox) AS records,
    (SELECT count(*) FROM sync_audit_outbox) AS audit,
    (SELECT count(*) FROM evidence_outbox) AS files`.execute(db);
  const row = result.rows[0];
  return {
    events: Number(row?.events ?? 0),
    records: Number(row?.records ?? 0),
    audit: Number(row?.audit ?? 0),
    files: Number(row?.files ?? 0),
  };
}

/** The first `limit` places waiting, in log order: a case's events after the events they name. */
export async function outboxPage(db: Kysely<Database>, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('sync_outbox').select('pos').orderBy('pos').limit(limit).execute();
  return rows.map((r) => r.pos);
}

export async function dropFromOutbox(db: Kysely<Database>, positions: readonly number[]): Promise<void> {
  for (let i = 0; i < positions.length; i += 500) {
    await db
      .deleteFrom('sync_outbox')
      .where('pos', 'in', positions.slice(i, i + 500))
      .execute();
  }
}

/** The group's sites as the server last listed them (migration 19), this desk's own among them. */
export const readGroupSites = (db: Kysely<Database>) => db.selectFrom('group_sites').select(['id', 'name']).orderBy('name').execute();

/** The server's new list replaces the old one: a site it no longer lists is no longer offered. */
export async function replaceGroupSites(db: Kysely<Database>, sites: readonly { id: string; name: string }[], at: string): Promise<void> {
  await db.deleteFrom('group_sites').execute();
  if (sites.length > 0)
    await db
      .insertInto('group_sites')
      .values(sites.map((s) => ({ id: s.id, name: s.name, listed_at: at })))
      .execute();
}
