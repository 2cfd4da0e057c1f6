import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { columnsOf, dataTables, iterateRows, schemaVersionOf, settingValue } from '../../db/queries/integrity.ts';
import { fileStamp, syncFile } from '../backup/dataFiles.ts';
import { type CsvCell, csvLine, utf8Bom } from './csv.ts';
import { type CsvExportManifest, type ExportHeader, exportApp, exportFormat } from './exportFormat.ts';

/**
 * Writes everything the store holds (cases, events, reference data, settings, audit) from one
 * consistent snapshot: a read-only connection with its read transaction held open while every
 * table is read, so a case registered meanwhile is either wholly in the export or not at all.
 * JSON is one file; CSV is a folder with one file per table and a manifest of column types.
 */
export function exportStore(
  storeFile: string,
  folder: string,
  format: 'json' | 'csv',
  at: Date,
): { path: string; counts: Record<string, number> } {
  const db = new Sqlite(storeFile, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    const header: ExportHeader = {
      app: exportApp,
      kind: format === 'json' ? 'export' : 'export-csv',
      format: exportFormat,
      schemaVersion: schemaVersionOf(db),
      exportedAt: at.toISOString(),
      orgName: (settingValue(db, 'org.name') as string | undefined) ?? null,
      deviceId: (settingValue(db, 'device.id') as string | undefined) ?? null,
    };
    let base = path.join(folder, `complaint-desk-export-${fileStamp(at)}`);
    for (let i = 2; fs.existsSync(`${base}.json`) || fs.existsSync(base); i++)
      base = path.join(folder, `complaint-desk-export-${fileStamp(at)}-${i}`);
    const result = format === 'json' ? writeJson(db, header, `${base}.json`) : writeCsv(db, header, base);
    db.exec('COMMIT');
    return result;
  } finally {
    db.close();
  }
}

const jsonValue = (v: unknown) => (Buffer.isBuffer(v) ? { $base64: v.toString('base64') } : typeof v === 'bigint' ? Number(v) : v);

function writeJson(db: Sqlite.Database, header: ExportHeader, file: string) {
  const temporary = `${file}.partial`;
  const fd = fs.openSync(temporary, 'w');
  const counts: Record<string, number> = {};
  try {
    const head = JSON.stringify({ ...header, tables: {} });
    fs.writeSync(fd, head.slice(0, -2));
    dataTables(db).forEach((table, ti) => {
      const columns = columnsOf(db, table).map((c) => ({ name: c.name, type: c.type }));
      fs.writeSync(fd, `${ti ? ',' : ''}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`);
      let n = 0;
      for (const row of iterateRows(db, table)) {
        fs.writeSync(fd, `${n ? ',' : ''}\n${JSON.stringify(columns.map((c) => jsonValue(row[c.name])))}`);
        n++;
      }
      fs.writeSync(fd, ']}');
      counts[table] = n;
    });
    fs.writeSync(fd, '\n}}\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  return { path: file, counts };
}

const csvValue = (v: unknown): CsvCell =>
  v === null || v === undefined
    ? null
    : Buffer.isBuffer(v)
      ? v.toString('base64')
      : typeof v === 'number'
        ? v
        : typeof v === 'bigint'
          ? Number(v)
          : String(v);

function writeCsv(db: Sqlite.Database, header: ExportHeader, dir: string) {
  const temporary = `${dir}.partial`;
  fs.mkdirSync(temporary, { recursive: true });
  const manifest: CsvExportManifest = { ...header, kind: 'export-csv', tables: {} };
  const counts: Record<string, number> = {};
  for (const table of dataTables(db)) {
    const columns = columnsOf(db, table).map((c) => ({ name: c.name, type: c.type }));
    const file = `${table}.csv`;
    const fd = fs.openSync(path.join(temporary, file), 'w');
    let n = 0;
    try {
      fs.writeSync(fd, utf8Bom + csvLine(columns.map((c) => c.name)));
      for (const row of iterateRows(db, table)) {
        fs.writeSync(fd, csvLine(columns.map((c) => csvValue(row[c.name]))));
        n++;
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    manifest.tables[table] = { file, columns, rows: n };
    counts[table] = n;
  }
  fs.writeFileSync(path.join(temporary, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  syncFile(path.join(temporary, 'manifest.json'));
  fs.renameSync(temporary, dir);
  return { path: dir, counts };
}
