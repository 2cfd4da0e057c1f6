import type Sqlite from 'better-sqlite3';
import type { StoredEventRow } from '../eventCodec.ts';
import { rolesOf } from './users.ts';

/**
 * Checks and whole-store reads on a raw connection: backups, restores, export and import work
 * on files that are not (or not yet) the desk's open store, so they cannot go through kysely's
 * typed tables. Table names come from the store's own catalogue, never from a caller.
 */

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `PRAGMA quick_check`: the page and record structure, without comparing indexes to tables. */
export function quickCheck(db: Sqlite.Database): string[] {
  return (db.pragma('quick_check') as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));
}

/** `PRAGMA integrity_check`: everything quick_check does, plus every index against its table. */
export function integrityCheck(db: Sqlite.Database): string[] {
  return (db.pragma('integrity_check') as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));
}

export function schemaVersionOf(db: Sqlite.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Tables the store keeps from its cases by itself (triggers, the report roll-ups, which case names which evidence file):
 * like the search index, counted again on import rather than carried in an export.
 */
const keptTables = new Set([
  'case_departments',
  'case_status_counts',
  'evidence_refs',
  'report_counted',
  'report_daily',
  'report_phone_month',
  'report_rollup_state',
]);

/** The ordinary tables of the store (no virtual tables, their shadow tables, SQLite's own or the kept ones). */
export function dataTables(db: Sqlite.Database): string[] {
  const rows = db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; type: string }[];
  return rows
    .filter((r) => r.type === 'table' && !r.name.startsWith('sqlite_') && !keptTables.has(r.name))
    .map((r) => r.name)
    .sort();
}

export function rowCountsOf(db: Sqlite.Database): Record<string, number> {
  return Object.fromEntries(
    dataTables(db).map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM ${quoted(t)}`)
        .pluck()
        .get() as number,
    ]),
  );
}

export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}

export function columnsOf(db: Sqlite.Database, table: string): ColumnInfo[] {
  const rows = db.prepare('SELECT name, type, "notnull" AS nn, dflt_value AS dflt FROM pragma_table_info(?)').all(table) as {
    name: string;
    type: string;
    nn: number;
    dflt: string | null;
  }[];
  return rows.map((r) => ({ name: r.name, type: r.type.toUpperCase(), notNull: r.nn === 1, hasDefault: r.dflt !== null }));
}

/** Every row of a table in a stable order (rowid, or the primary key of a WITHOUT ROWID table). */
export function iterateRows(db: Sqlite.Database, table: string): IterableIterator<Record<string, unknown>> {
  const withoutRowid = db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?").pluck().get(table) === 1;
  const order = withoutRowid ? '' : ' ORDER BY rowid';
  return db.prepare(`SELECT * FROM ${quoted(table)}${order}`).iterate() as IterableIterator<Record<string, unknown>>;
}

export function rowInserter(db: Sqlite.Database, table: string, columns: readonly string[]) {
  const statement = db.prepare(
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return (values: unknown[]) => statement.run(...values);
}

/**
 * Sets each case's `removed_kinds` (migration 21) from its tombstones again: an export written
 * before the column brings the tombstones without it.
 */
export function recountRemovedKinds(db: Sqlite.Database): void {
  db.exec(`UPDATE cases SET removed_kinds = (
    SELECT coalesce(sum(DISTINCT CASE r.kind WHEN 'evidence' THEN 1 WHEN 'personalData' THEN 2 ELSE 0 END), 0)
    FROM case_removals r WHERE r.case_id = cases.id
  )`);
}

/** Makes a copied store self-contained: one file, no -wal or -shm beside it. */
export function switchToRollbackJournal(db: Sqlite.Database): void {
  db.pragma('journal_mode = DELETE');
}

/** Every stored case event in log order, with the names of its parties (db/eventCodec.ts decodes them). */
export function iterateStoredEvents(db: Sqlite.Database): IterableIterator<StoredEventRow> {
  return db
    .prepare(
      `SELECT e.pos, e.id, e.dag, e.parents, e.type, e.payload, a.name AS actor_name, d.name AS device_name, e.at, e.lead, e.tick, r.hash AS kept_hash
       FROM case_events e JOIN event_parties a ON a.n = e.actor JOIN event_parties d ON d.n = e.device
       LEFT JOIN event_redactions r ON r.pos = e.pos ORDER BY e.pos`,
    )
    .iterate() as IterableIterator<StoredEventRow>;
}

export function caseHeads(db: Sqlite.Database): { seqno: number; id: string; number: string; last_seq: number; heads: Buffer }[] {
  return db.prepare('SELECT seqno, id, number, last_seq, heads FROM cases').all() as {
    seqno: number;
    id: string;
    number: string;
    last_seq: number;
    heads: Buffer;
  }[];
}

/** Users who may restore a backup: enabled administrators, read from the backup itself. */
export function enabledAdmin(db: Sqlite.Database, username: string): { id: string; passwordHash: string } | null {
  const row = db.prepare('SELECT id, password_hash, roles FROM users WHERE username = ? COLLATE NOCASE AND disabled = 0').get(username) as
    | { id: string; password_hash: string; roles: string }
    | undefined;
  if (!row) return null;
  return rolesOf(row.roles).includes('admin') ? { id: row.id, passwordHash: row.password_hash } : null;
}

export function settingValue(db: Sqlite.Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export interface SearchDocs {
  trigram: string;
  bigram: string;
}

/** Rebuilds the contentless search indexes of every case from the projection (after an import). */
export function rebuildSearchIndex(db: Sqlite.Database, docsOf: (texts: (string | null)[]) => SearchDocs): number {
  db.exec('DELETE FROM case_search_trigram; DELETE FROM case_search_bigram;');
  const trigram = db.prepare('INSERT INTO case_search_trigram (rowid, doc) VALUES (?, ?)');
  const bigram = db.prepare('INSERT INTO case_search_bigram (rowid, doc) VALUES (?, ?)');
  let n = 0;
  // Read first: better-sqlite3 cannot write on a connection while it iterates a query.
  const rows = db.prepare('SELECT seqno, number, complainant_name, complainant_phone, subject, content FROM cases').all() as Array<{
    seqno: number;
    number: string;
    complainant_name: string;
    complainant_phone: string | null;
    subject: string;
    content: string;
  }>;
  for (const r of rows) {
    const docs = docsOf([r.number, r.complainant_name, r.complainant_phone, r.subject, r.content]);
    trigram.run(r.seqno, docs.trigram);
    bigram.run(r.seqno, docs.bigram);
    n++;
  }
  return n;
}

/** Rows that point at a missing row, after an import with foreign keys deferred. */
export function foreignKeyProblems(db: Sqlite.Database): { table: string; parent: string }[] {
  return (db.pragma('foreign_key_check') as { table: string; parent: string }[]).map((r) => ({ table: r.table, parent: r.parent }));
}

/** Empties a table; false when the table refuses (the append-only logs keep their rows). */
export function clearTable(db: Sqlite.Database, table: string): boolean {
  try {
    db.prepare(`DELETE FROM ${quoted(table)}`).run();
    return true;
  } catch {
    return false;
  }
}

export function countRows(db: Sqlite.Database, table: string): number {
  return db
    .prepare(`SELECT count(*) FROM ${quoted(table)}`)
    .pluck()
    .get() as number;
}
