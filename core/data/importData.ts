import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { openKeyed } from '../../db/cipher.ts';
import { latestSchemaVersion } from '../../db/migrate.ts';
import {
  clearTable,
  columnsOf,
  countRows,
  dataTables,
  foreignKeyProblems,
  rebuildSearchIndex,
  recountRemovedKinds,
  rowInserter,
} from '../../db/queries/integrity.ts';
import { passwordWeakness } from '../../domain/access/passwordStrength.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { DeskError, invalidField } from '../deskError.ts';
import { verifyChains } from '../integrity/verifyChains.ts';
import type { JobProgress } from '../jobs/jobRegistry.ts';
import { readSealable } from '../keys/sealedFile.ts';
import { CsvError, parseCsv, unguardText } from './csv.ts';
import {
  type CsvExportManifest,
  type EncodedBytes,
  type ExportColumn,
  exportApp,
  isSecretColumn,
  type JsonExport,
  secretColumns,
} from './exportFormat.ts';

interface TableData {
  columns: ExportColumn[];
  rows: Iterable<unknown[]>;
}

interface LoadedTable {
  /** The rows the export says the table holds, known before its file is read. */
  rows: number;
  load: () => TableData;
}

interface LoadedExport {
  schemaVersion: number;
  tables: Map<string, LoadedTable>;
}

const refuse = (key: string, values: Record<string, string | number> = {}) =>
  new DeskError('invalid_input', { key: `backup:import.${key}`, values }, { path: { key: `backup:import.${key}`, values } });

type ExportKeys = Parameters<typeof readSealable>[1];

/** The text of an export file, opened with the keys at hand when it is sealed; a key problem is the recovery key field's. */
function exportText(file: string, keys: ExportKeys): string {
  const read = readSealable(file, keys);
  // The recovery key is stretched once (scrypt), not once per table file.
  if (read.ok && read.dataKey) keys.dataKey = read.dataKey;
  if (read.ok) return read.text;
  if (read.problem === 'damaged') throw refuse('notExport', { path: file });
  const ref = { key: `backup:refused.${read.problem}` };
  throw new DeskError('invalid_input', ref, { recoveryKey: ref });
}

/** Reads a JSON export file, or a CSV export folder (or its manifest); sealed ones with the keys given. */
export function loadExport(target: string, given: ExportKeys = { dataKey: null, recoveryKey: null }): LoadedExport {
  const keys = { ...given };
  const resolved = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw refuse('notFound', { path: resolved });
  }
  const dir = stat.isDirectory() ? resolved : path.basename(resolved) === 'manifest.json' ? path.dirname(resolved) : null;
  if (dir) return loadCsvExport(dir, keys);
  let parsed: Partial<JsonExport>;
  const text = exportText(resolved, keys);
  try {
    parsed = JSON.parse(text) as Partial<JsonExport>;
  } catch {
    throw refuse('notExport', { path: resolved });
  }
  if (parsed.app !== exportApp || parsed.kind !== 'export' || typeof parsed.schemaVersion !== 'number' || !parsed.tables) {
    throw refuse('notExport', { path: resolved });
  }
  const tables = new Map<string, LoadedTable>();
  for (const [name, t] of Object.entries(parsed.tables)) {
    tables.set(name, {
      rows: t.rows.length,
      load: () => ({
        columns: t.columns,
        rows: t.rows.map((r) =>
          r.map((v) => (v !== null && typeof v === 'object' && '$base64' in v ? Buffer.from((v as EncodedBytes).$base64, 'base64') : v)),
        ),
      }),
    });
  }
  return { schemaVersion: parsed.schemaVersion, tables };
}

function loadCsvExport(dir: string, keys: ExportKeys): LoadedExport {
  let manifest: Partial<CsvExportManifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Partial<CsvExportManifest>;
  } catch {
    throw refuse('notExport', { path: dir });
  }
  if (manifest.app !== exportApp || manifest.kind !== 'export-csv' || typeof manifest.schemaVersion !== 'number' || !manifest.tables) {
    throw refuse('notExport', { path: dir });
  }
  // A sealed export's key problem shows before anything is loaded.
  const first = Object.values(manifest.tables)[0];
  if (manifest.sealed && first) exportText(path.join(dir, path.basename(first.file)), keys);
  const tables = new Map<string, LoadedTable>();
  for (const [name, t] of Object.entries(manifest.tables)) {
    const load = () => {
      let rows: (string | null)[][];
      try {
        rows = parseCsv(exportText(path.join(dir, path.basename(t.file)), keys));
      } catch (e) {
        if (e instanceof DeskError) throw e;
        throw e instanceof CsvError ? refuse('badCsv', { file: t.file }) : refuse('notExport', { path: dir });
      }
      const [head, ...body] = rows;
      if (!head || head.join(',') !== t.columns.map((c) => c.name).join(',') || body.length !== t.rows) {
        throw refuse('badCsv', { file: t.file });
      }
      const read =
        manifest.textGuard === 'apostrophe'
          ? (cell: string | null) => (cell === null ? null : unguardText(cell))
          : (cell: string | null) => cell;
      return { columns: t.columns, rows: body.map((r) => r.map((cell, i) => fromCsv(read(cell), t.columns[i]?.type ?? 'TEXT'))) };
    };
    tables.set(name, { rows: t.rows, load });
  }
  return { schemaVersion: manifest.schemaVersion, tables };
}

function fromCsv(cell: string | null, type: string): unknown {
  if (cell === null) return null;
  if (type === 'INTEGER' || type === 'INT') return Number(cell);
  if (type === 'REAL') return Number(cell);
  if (type === 'BLOB') return Buffer.from(cell, 'base64');
  return cell;
}

export interface ImportOutcome {
  counts: Record<string, number>;
  cases: number;
  events: number;
  /** The administrator given the new password; every other account waits for a reset. */
  administrator: string;
}

/** The password the person importing chose for the export's administrator, and its hash. */
export interface ImportAdministrator {
  password: string;
  passwordHash: string;
  at: string;
}

/**
 * The export's first administrator (by creation, still enabled) signs in with the password
 * chosen at the import; the accounts came without theirs (secretColumns).
 */
function giveAdministratorPassword(db: Sqlite.Database, administrator: ImportAdministrator): string {
  const admin = db
    .prepare(
      "SELECT id, username FROM users WHERE disabled = 0 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin') ORDER BY created_at, rowid LIMIT 1",
    )
    .get() as { id: string; username: string } | undefined;
  if (!admin) throw refuse('noAdministrator');
  if (passwordWeakness(administrator.password, admin.username) === 'containsUsername') {
    throw invalidField('adminPassword', 'field.passwordContainsUsername');
  }
  db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(
    administrator.passwordHash,
    administrator.at,
    admin.id,
  );
  return admin.username;
}

/** Rows written between two reports of progress (each report may let other calls in). */
const rowBatch = 500;

/**
 * Loads an export into the (empty) store in `file`, all or nothing: each table emptied of what
 * a fresh store seeds and filled with the export's rows, foreign keys checked at the end, the
 * search index rebuilt, and every case's hash chain verified; any problem rolls it all back.
 *
 * It writes through its own connection, in one transaction held open while it reports rows
 * written and lets other calls in between batches: better-sqlite3's transactions cannot span
 * an await, but a BEGIN and a COMMIT of our own can. WAL keeps the desk's connection on the
 * empty store it had until the COMMIT, so nothing half-imported is ever read; the caller keeps
 * other writers away meanwhile (they would wait for this transaction's lock).
 */
export async function importInto(
  file: string,
  key: Buffer | null,
  loaded: LoadedExport,
  administrator: ImportAdministrator,
  progress?: JobProgress,
): Promise<ImportOutcome> {
  const db = openKeyed(file, key, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('synchronous = FULL');
    const latest = latestSchemaVersion();
    if (loaded.schemaVersion > latest) throw refuse('tooNew', { version: loaded.schemaVersion, latest });
    const targetTables = new Set(dataTables(db));
    for (const name of loaded.tables.keys()) if (!targetTables.has(name)) throw refuse('unknownTable', { table: name });
    const total = [...loaded.tables.values()].reduce((n, t) => n + t.rows, 0);
    db.exec('BEGIN IMMEDIATE');
    try {
      const outcome = await fill(db, loaded, administrator, total, progress);
      db.exec('COMMIT');
      return outcome;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  } finally {
    db.close();
  }
}

async function fill(
  db: Sqlite.Database,
  loaded: LoadedExport,
  administrator: ImportAdministrator,
  total: number,
  progress?: JobProgress,
): Promise<ImportOutcome> {
  db.pragma('defer_foreign_keys = ON');
  const counts: Record<string, number> = {};
  let written = 0;
  await progress?.step('importRows', 0, total);
  for (const [table, { load }] of loaded.tables) {
    const data = load();
    const target = columnsOf(db, table);
    // An older export's password hashes are not taken either: every import is the same.
    const secrets = Object.entries(secretColumns[table] ?? {});
    const present = new Set([...data.columns.map((c) => c.name), ...secrets.map(([name]) => name)]);
    const lacking = target.find((c) => c.notNull && !c.hasDefault && !present.has(c.name));
    if (lacking) throw refuse('missingColumn', { table, column: lacking.name });
    const known = new Set(target.map((c) => c.name));
    const picks = data.columns.map((c, i) => ({ name: c.name, i })).filter((c) => known.has(c.name) && !isSecretColumn(table, c.name));
    clearTable(db, table);
    const insert = rowInserter(db, table, [...picks.map((p) => p.name), ...secrets.map(([name]) => name)]);
    const fills = secrets.map(([, value]) => value);
    let n = 0;
    for (const row of data.rows) {
      try {
        insert([...picks.map((p) => row[p.i] ?? null), ...fills]);
      } catch (e) {
        throw refuse('badRow', { table, row: n + 1, detail: e instanceof Error ? e.message : String(e) });
      }
      n++;
      written++;
      if (written % rowBatch === 0) await progress?.step('importRows', written, total);
    }
    counts[table] = n;
  }
  // Every row is in: what remains (references, search index, chains) is checked against all of them.
  await progress?.step('importCheck', written, total);
  const dangling = foreignKeyProblems(db);
  if (dangling[0]) throw refuse('brokenReferences', { table: dangling[0].table, parent: dangling[0].parent });
  rebuildSearchIndex(db, (texts) => ({ trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) }));
  recountRemovedKinds(db);
  // The roll-ups did not see these rows arrive: the reopened desk counts them (ensureReportRollups).
  db.exec('DELETE FROM report_rollup_state; DELETE FROM report_counted; DELETE FROM report_daily; DELETE FROM report_phone_month;');
  const chains = verifyChains(db);
  const broken = chains.problems[0];
  if (broken) throw refuse('brokenChain', { number: broken.caseNumber ?? broken.caseId, seq: broken.seq ?? 0 });
  return { counts, cases: countRows(db, 'cases'), events: chains.events, administrator: giveAdministratorPassword(db, administrator) };
}
