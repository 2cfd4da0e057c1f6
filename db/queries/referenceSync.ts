import { type Kysely, sql } from 'kysely';
import { type Aliases, type ReferenceKind, siteSettingKeys } from '../../domain/sync/referenceRecords.ts';
import type { Database } from '../schema.ts';

/** The reference records and audit entries waiting to go up, and what this desk knows of each record (migration 15). */

/** The tables behind each kind of record, the columns that travel and how a row's key is written in SQL. */
export const referenceTables = {
  department: { table: 'departments', key: 'id', columns: ['id', 'name', 'parent_id', 'disabled', 'created_at', 'version'] },
  category: { table: 'categories', key: 'id', columns: ['id', 'name', 'parent_id', 'disabled', 'created_at', 'version'] },
  user: {
    table: 'users',
    key: 'id',
    columns: [
      'id',
      'username',
      'display_name',
      'password_hash',
      'roles',
      'department_ids',
      'disabled',
      'created_at',
      'version',
      'password_changed_at',
    ],
  },
  policy: {
    table: 'deadline_policies',
    key: "type || '|' || severity",
    columns: ['type', 'severity', 'clocks', 'version', 'updated_at', 'updated_by'],
  },
  calendarYear: { table: 'calendar_years', key: 'CAST(year AS TEXT)', columns: ['year', 'source', 'imported_at', 'imported_by'] },
  calendarDay: { table: 'calendar_days', key: 'date', columns: ['date', 'kind', 'name'] },
  localDay: { table: 'calendar_local_days', key: 'date', columns: ['date', 'kind', 'note', 'updated_at', 'updated_by'] },
  setting: { table: 'settings', key: 'key', columns: ['key', 'value', 'version', 'updated_at'] },
  alias: { table: 'ref_aliases', key: "kind || ':' || local_id", columns: ['kind', 'local_id', 'canonical_id', 'merged_at'] },
} as const satisfies Record<ReferenceKind, { table: string; key: string; columns: readonly string[] }>;

type Db = Kysely<Database>;

/** The row a record holds on this desk now, or undefined when it is gone. */
export async function readReferenceRow(db: Db, kind: ReferenceKind, key: string): Promise<Record<string, unknown> | undefined> {
  const t = referenceTables[kind];
  const result = await sql<Record<string, unknown>>`SELECT ${sql.raw(t.columns.join(', '))} FROM ${sql.table(t.table)}
    WHERE ${sql.raw(t.key)} = ${key}`.execute(db);
  return result.rows[0];
}

/** Writes a record's row as it arrived (insert or replace its columns), or deletes it. */
export async function writeReferenceRow(db: Db, kind: ReferenceKind, key: string, row: Record<string, unknown> | null): Promise<void> {
  const t = referenceTables[kind];
  if (row === null) {
    await sql`DELETE FROM ${sql.table(t.table)} WHERE ${sql.raw(t.key)} = ${key}`.execute(db);
    return;
  }
  const columns = t.columns as readonly string[];
  const values = columns.map((c) => row[c] ?? null);
  const exists = await readReferenceRow(db, kind, key);
  if (exists) {
    const sets = sql.join(columns.map((c, i) => sql`${sql.ref(c)} = ${values[i]}`));
    await sql`UPDATE ${sql.table(t.table)} SET ${sets} WHERE ${sql.raw(t.key)} = ${key}`.execute(db);
  } else {
    await sql`INSERT INTO ${sql.table(t.table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(values)})`.execute(db);
  }
}

/** The wall time the migration's triggers stamp a change with, in ms. */
const wallMs = sql`CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;

/**
 * Every record of every kind this desk holds, for a desk that joins: stamped at time zero, so
 * the site's version of a record (a setting, a policy, a calendar day) wins over what this desk
 * held before it joined, and only what the site lacks is sent. A change made after joining is
 * stamped with its own time and wins as usual.
 */
export async function queueAllReferences(db: Db): Promise<number> {
  let queued = 0;
  for (const [kind, t] of Object.entries(referenceTables)) {
    if (kind === 'alias') continue;
    const where =
      kind === 'user'
        ? sql`WHERE username NOT LIKE 'remote-%'`
        : kind === 'setting'
          ? sql`WHERE key IN (${sql.join([...siteSettingKeys])})`
          : sql``;
    const result = await sql`INSERT OR IGNORE INTO sync_ref_outbox (kind, key, changed_ms)
      SELECT ${kind}, ${sql.raw(t.key)}, 0 FROM ${sql.table(t.table)} ${where}`.execute(db);
    queued += Number(result.numAffectedRows ?? 0n);
  }
  return queued;
}

/** Every audit entry: the server keeps the whole audit of the desk. */
export async function queueWholeAudit(db: Db): Promise<number> {
  const result = await sql`INSERT OR IGNORE INTO sync_audit_outbox (id) SELECT id FROM audit_log`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export const refOutboxEntry = (db: Db, kind: ReferenceKind, key: string) =>
  db.selectFrom('sync_ref_outbox').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();

/** Takes sent entries out, unless the record changed again since it was read (a newer wall time). */
export async function dropRefOutbox(db: Db, entries: readonly { kind: string; key: string; changed_ms: number }[]): Promise<void> {
  for (const e of entries) {
    await db
      .deleteFrom('sync_ref_outbox')
      .where('kind', '=', e.kind)
      .where('key', '=', e.key)
      .where('changed_ms', '<=', e.changed_ms)
      .execute();
  }
}

export const knownVersion = async (db: Db, kind: ReferenceKind, key: string) =>
  (await db.selectFrom('sync_ref_versions').select('hlc').where('kind', '=', kind).where('key', '=', key).executeTakeFirst())?.hlc;

/** Notes the version of a record this desk sent or took; `group`: the group wrote it, and the desk keeps it read-only. */
export async function setVersion(db: Db, kind: ReferenceKind, key: string, hlc: string, group = false): Promise<void> {
  const group_owned = group ? 1 : 0;
  await db
    .insertInto('sync_ref_versions')
    .values({ kind, key, hlc, group_owned })
    .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet({ hlc, group_owned }))
    .execute();
}

/** The keys of one kind of record the group owns here: read-only on this desk. */
export async function groupOwnedKeys(db: Db, kind: ReferenceKind): Promise<Set<string>> {
  const rows = await db.selectFrom('sync_ref_versions').select('key').where('kind', '=', kind).where('group_owned', '=', 1).execute();
  return new Set(rows.map((r) => r.key));
}

export const isGroupOwned = async (db: Db, kind: ReferenceKind, key: string) =>
  (await db
    .selectFrom('sync_ref_versions')
    .select('key')
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('group_owned', '=', 1)
    .executeTakeFirst()) !== undefined;

export const readRefCursor = async (db: Db) =>
  (await db.selectFrom('sync_ref_cursor').select('cursor').where('id', '=', 1).executeTakeFirst())?.cursor ?? 0;

export async function setRefCursor(db: Db, cursor: number): Promise<void> {
  await db
    .insertInto('sync_ref_cursor')
    .values({ id: 1, cursor })
    .onConflict((oc) => oc.column('id').doUpdateSet({ cursor }))
    .execute();
}

/**
 * Joining anew: nothing known of the site, nothing sent yet, no clash with a site's account.
 * Aliases stay: the read model of this desk's cases was folded through them.
 */
export async function resetReferenceSync(db: Db): Promise<void> {
  await db.deleteFrom('account_clashes').execute();
  await db.deleteFrom('sync_ref_outbox').execute();
  await db.deleteFrom('sync_ref_versions').execute();
  await db.deleteFrom('sync_audit_outbox').execute();
  await db.deleteFrom('sync_ref_cursor').execute();
}

export const auditOutboxPage = (db: Db, limit: number) =>
  db
    .selectFrom('sync_audit_outbox')
    .innerJoin('audit_log', 'audit_log.id', 'sync_audit_outbox.id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'audit_log.action', 'audit_log.target', 'audit_log.detail'])
    .orderBy('audit_log.at')
    .orderBy('audit_log.id')
    .limit(limit)
    .execute();

export async function dropAuditOutbox(db: Db, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('sync_audit_outbox')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/**
 * Entries whose audit row is gone (none should be): taken out so the outbox cannot stall on them.
 * Each waiting entry is looked up by its key, so the cost follows the outbox (empty after a
 * round), not the whole audit log.
 */
export const dropOrphanAudit = (db: Db) =>
  sql`DELETE FROM sync_audit_outbox WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = sync_audit_outbox.id)`.execute(db);

/**
 * The aliases of a store as last read, kept in memory: every case write folds its projection
 * through them, and they change only by a merge (addAlias). Keyed by the store's kysely adapter,
 * which its transactions share and a reopened store does not. `merging`: an alias was written and
 * the transaction that wrote it may still be open (or have rolled back), so a read inside a
 * transaction is not kept until a read outside one (which runs once no transaction is open on
 * the store's one connection) has seen what was committed.
 */
const keptAliases = new WeakMap<object, { aliases?: Readonly<Aliases> | undefined; merging: boolean }>();

const keptFor = (db: Db) => {
  const key = db.getExecutor().adapter;
  let kept = keptAliases.get(key);
  if (!kept) {
    kept = { merging: false };
    keptAliases.set(key, kept);
  }
  return kept;
};

/** The kept aliases are stale from now on: a merge, or the desk joining or leaving a site (whose id they carry). */
export function aliasesChanging(db: Db): void {
  const kept = keptFor(db);
  kept.aliases = undefined;
  kept.merging = true;
}

/** The store's aliases, read once and kept until the next merge (the maps are shared: never change them). */
export async function readAliases(db: Db): Promise<Aliases> {
  const kept = keptFor(db);
  if (kept.aliases) return kept.aliases;
  const rows = await db.selectFrom('ref_aliases').select(['kind', 'local_id', 'canonical_id']).execute();
  const of = (kind: string) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.local_id, r.canonical_id]));
  const site = await db.selectFrom('sync_config').select('site_id').where('id', '=', 1).executeTakeFirst();
  const aliases = { department: of('department'), category: of('category'), user: of('user'), site: site?.site_id ?? null };
  if (!db.isTransaction) kept.merging = false;
  if (!kept.merging) kept.aliases = aliases;
  return aliases;
}

/**
 * Maps this desk's record to the site's. `send`: the merge was made here, so the alias goes to
 * the site for every other desk to fold the old id too (one received from the site is not sent back).
 */
export async function addAlias(
  db: Db,
  kind: 'department' | 'category' | 'user',
  localId: string,
  canonicalId: string,
  at: string,
  send: boolean,
) {
  aliasesChanging(db);
  await db
    .insertInto('ref_aliases')
    .values({ kind, local_id: localId, canonical_id: canonicalId, merged_at: at })
    .onConflict((oc) => oc.columns(['kind', 'local_id']).doUpdateSet({ canonical_id: canonicalId }))
    .execute();
  // An earlier alias that led to the local record now leads to the site's.
  await db
    .updateTable('ref_aliases')
    .set({ canonical_id: canonicalId })
    .where('kind', '=', kind)
    .where('canonical_id', '=', localId)
    .execute();
  if (send) {
    await sql`INSERT INTO sync_ref_outbox (kind, key, changed_ms) VALUES ('alias', ${`${kind}:${localId}`}, ${wallMs})
      ON CONFLICT (kind, key) DO UPDATE SET changed_ms = excluded.changed_ms`.execute(db);
  }
}

export const isAliased = async (db: Db, kind: ReferenceKind, localId: string) =>
  (await db.selectFrom('ref_aliases').select('local_id').where('kind', '=', kind).where('local_id', '=', localId).executeTakeFirst()) !==
  undefined;
