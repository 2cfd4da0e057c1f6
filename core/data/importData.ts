import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { latestSchemaVersion } from '../../db/migrate.ts';
import {
  clearTable,
  columnsOf,
  countRows,
  dataTables,
  foreignKeyProblems,
  rebuildSearchIndex,
  rowInserter,
} from '../../db/queries/integrity.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { DeskError } from '../deskError.ts';
import { verifyChains } from '../integrity/verifyChains.ts';
import { CsvError, parseCsv } from './csv.ts';
import { type CsvExportManifest, type EncodedBytes, type ExportColumn, exportApp, type JsonExport } from './exportFormat.ts';

interface TableData {
  columns: ExportColumn[];
  rows: Iterable<unknown[]>;
}

interface LoadedExport {
  schemaVersion: number;
  tables: Map<string, () => TableData>;
}

const refuse = (key: string, values: Record<string, string | number> = {}) =>
  new DeskError('invalid_input', { key: `backup:import.${key}`, values }, { path: { key: `backup:import.${key}`, values } });

/** Reads a JSON export file, or a CSV export folder (or its manifest). */
export function loadExport(target: string): LoadedExport {
  const resolved = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw refuse('notFound', { path: resolved });
  }
  const dir = stat.isDirectory() ? resolved : path.basename(resolved) === 'manifest.json' ? path.dirname(resolved) : null;
  if (dir) return loadCsvExport(dir);
  let parsed: Partial<JsonExport>;
  try {
    parsed = JSON.parse(fs.readFileSync(resolved, 'utf8')) as Partial<JsonExport>;
  } catch {
    throw refuse('notExport', { path: resolved });
  }
  if (parsed.app !== exportApp || parsed.kind !== 'export' || typeof parsed.schemaVersion !== 'number' || !parsed.tables) {
    throw refuse('notExport', { path: resolved });
  }
  const tables = new Map<string, () => TableData>();
  for (const [name, t] of Object.entries(parsed.tables)) {
    tables.set(name, () => ({
      columns: t.columns,
      rows: t.rows.map((r) =>
        r.map((v) => (v !== null && typeof v === 'object' && '$base64' in v ? Buffer.from((v as EncodedBytes).$base64, 'base64') : v)),
      ),
    }));
  }
  return { schemaVersion: parsed.schemaVersion, tables };
}

function loadCsvExport(dir: string): LoadedExport {
  let manifest: Partial<CsvExportManifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Partial<CsvExportManifest>;
  } catch {
    throw refuse('notExport', { path: dir });
  }
  if (manifest.app !== exportApp || manifest.kind !== 'export-csv' || typeof manifest.schemaVersion !== 'number' || !manifest.tables) {
    throw refuse('notExport', { path: dir });
  }
  const tables = new Map<string, () => TableData>();
  for (const [name, t] of Object.entries(manifest.tables)) {
    tables.set(name, () => {
      let rows: (string | null)[][];
      try {
        rows = parseCsv(fs.readFileSync(path.join(dir, path.basename(t.file)), 'utf8'));
      } catch (e) {
        throw e instanceof CsvError ? refuse('badCsv', { file: t.file }) : refuse('notExport', { path: dir });
      }
      const [head, ...body] = rows;
      if (!head || head.join(',') !== t.columns.map((c) => c.name).join(',') || body.length !== t.rows) {
        throw refuse('badCsv', { file: t.file });
      }
      return { columns: t.columns, rows: body.map((r) => r.map((cell, i) => fromCsv(cell, t.columns[i]?.type ?? 'TEXT'))) };
    });
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
}

/**
 * Loads an export into this (empty) store in one transaction: each table emptied of what a
 * fresh store seeds and filled with the export's rows, foreign keys checked at the end, the
 * search index rebuilt, and every case's hash chain verified. Any problem rolls it all back.
 */
export function importInto(db: Sqlite.Database, loaded: LoadedExport): ImportOutcome {
  const latest = latestSchemaVersion();
  if (loaded.schemaVersion > latest) throw refuse('tooNew', { version: loaded.schemaVersion, latest });
  const targetTables = new Set(dataTables(db));
  for (const name of loaded.tables.keys()) if (!targetTables.has(name)) throw refuse('unknownTable', { table: name });

  return db.transaction((): ImportOutcome => {
    db.pragma('defer_foreign_keys = ON');
    const counts: Record<string, number> = {};
    for (const [table, load] of loaded.tables) {
      const data = load();
      const target = columnsOf(db, table);
      const present = new Set(data.columns.map((c) => c.name));
      const lacking = target.find((c) => c.notNull && !c.hasDefault && !present.has(c.name));
      if (lacking) throw refuse('missingColumn', { table, column: lacking.name });
      const known = new Set(target.map((c) => c.name));
      const picks = data.columns.map((c, i) => ({ name: c.name, i })).filter((c) => known.has(c.name));
      clearTable(db, table);
      const insert = rowInserter(
        db,
        table,
        picks.map((p) => p.name),
      );
      let n = 0;
      for (const row of data.rows) {
        try {
          insert(picks.map((p) => row[p.i] ?? null));
        } catch (e) {
          throw refuse('badRow', { table, row: n + 1, detail: e instanceof Error ? e.message : String(e) });
        }
        n++;
      }
      counts[table] = n;
    }
    const dangling = foreignKeyProblems(db);
    if (dangling[0]) throw refuse('brokenReferences', { table: dangling[0].table, parent: dangling[0].parent });
    rebuildSearchIndex(db, (texts) => ({ trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) }));
    const chains = verifyChains(db);
    const broken = chains.problems[0];
    if (broken) throw refuse('brokenChain', { number: broken.caseNumber ?? broken.caseId, seq: broken.seq ?? 0 });
    return { counts, cases: countRows(db, 'cases'), events: chains.events };
  })();
}
