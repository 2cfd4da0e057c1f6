import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { openKeyed } from '../../db/cipher.ts';
import { columnsOf, dataTables, iterateRows, rowCountsOf, schemaVersionOf, settingValue } from '../../db/queries/integrity.ts';
import { fileStamp, renameDurably, syncFile } from '../backup/dataFiles.ts';
import type { JobProgress } from '../jobs/jobRegistry.ts';
import { type FileSink, fileSink, type SealedHeader } from '../keys/sealedFile.ts';
import { type CsvCell, csvLine, guardText, utf8Bom } from './csv.ts';
import { type CsvExportManifest, type ExportHeader, exportApp, exportFormat, isSecretColumn } from './exportFormat.ts';

/**
 * Writes everything the store holds (cases, events, reference data, settings, audit) from one
 * consistent snapshot: a read-only connection with its read transaction held open while every
 * table is read, so a case registered meanwhile is either wholly in the export or not at all.
 * JSON is one file; CSV is a folder with one file per table and a manifest of column types.
 * An encrypted desk's export carries every complainant, so it leaves sealed (`.enc`, see
 * sealedFile.ts): the JSON file, and each CSV file beside a plain manifest. Rows written are
 * counted against the snapshot's rows, and the desk answers other calls between batches.
 */
export async function exportStore(
  storeFile: string,
  folder: string,
  format: 'json' | 'csv',
  at: Date,
  sealing: Sealing = null,
  progress?: JobProgress,
): Promise<{ path: string; counts: Record<string, number> }> {
  const db = openKeyed(storeFile, sealing?.dataKey ?? null, { readonly: true, fileMustExist: true });
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
    const jsonName = sealing ? '.json.enc' : '.json';
    let base = path.join(folder, `complaint-desk-export-${fileStamp(at)}`);
    for (let i = 2; fs.existsSync(`${base}${jsonName}`) || fs.existsSync(base); i++)
      base = path.join(folder, `complaint-desk-export-${fileStamp(at)}-${i}`);
    const total = Object.values(rowCountsOf(db)).reduce((n, c) => n + c, 0);
    let written = 0;
    const rowWritten = async () => {
      written++;
      if (written % rowBatch === 0) await progress?.step('rows', written, total);
    };
    await progress?.step('rows', 0, total);
    const result =
      format === 'json'
        ? await writeJson(db, header, `${base}${jsonName}`, sealing, rowWritten)
        : await writeCsv(db, header, base, sealing, rowWritten);
    await progress?.step('rows', written, total);
    db.exec('COMMIT');
    return result;
  } finally {
    db.close();
  }
}

type Sealing = { dataKey: Buffer; header: SealedHeader } | null;

/** Rows between two reports of progress. */
const rowBatch = 500;

const jsonValue = (v: unknown) => (Buffer.isBuffer(v) ? { $base64: v.toString('base64') } : typeof v === 'bigint' ? Number(v) : v);

async function writeJson(db: Sqlite.Database, header: ExportHeader, file: string, sealing: Sealing, rowWritten: () => Promise<void>) {
  const temporary = `${file}.partial`;
  const sink: FileSink = fileSink(temporary, sealing);
  const counts: Record<string, number> = {};
  try {
    const head = JSON.stringify({ ...header, tables: {} });
    sink.write(head.slice(0, -2));
    for (const [ti, table] of dataTables(db).entries()) {
      const columns = columnsOf(db, table)
        .filter((c) => !isSecretColumn(table, c.name))
        .map((c) => ({ name: c.name, type: c.type }));
      sink.write(`${ti ? ',' : ''}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`);
      let n = 0;
      for (const row of iterateRows(db, table)) {
        sink.write(`${n ? ',' : ''}\n${JSON.stringify(columns.map((c) => jsonValue(row[c.name])))}`);
        n++;
        await rowWritten();
      }
      sink.write(']}');
      counts[table] = n;
    }
    sink.write('\n}}\n');
    sink.close();
  } catch (e) {
    sink.abort();
    fs.rmSync(temporary, { force: true });
    throw e;
  }
  renameDurably(temporary, file);
  return { path: file, counts };
}

const csvValue = (v: unknown): CsvCell =>
  v === null || v === undefined
    ? null
    : Buffer.isBuffer(v)
      ? guardText(v.toString('base64'))
      : typeof v === 'number'
        ? v
        : typeof v === 'bigint'
          ? Number(v)
          : guardText(String(v));

async function writeCsv(db: Sqlite.Database, header: ExportHeader, dir: string, sealing: Sealing, rowWritten: () => Promise<void>) {
  const temporary = `${dir}.partial`;
  fs.mkdirSync(temporary, { recursive: true });
  // Opened in Excel or WPS as often as imported: texts that would run as formulas are guarded.
  const manifest: CsvExportManifest = {
    ...header,
    kind: 'export-csv',
    textGuard: 'apostrophe',
    tables: {},
    ...(sealing ? { sealed: true } : {}),
  };
  const counts: Record<string, number> = {};
  for (const table of dataTables(db)) {
    const columns = columnsOf(db, table)
      .filter((c) => !isSecretColumn(table, c.name))
      .map((c) => ({ name: c.name, type: c.type }));
    const file = sealing ? `${table}.csv.enc` : `${table}.csv`;
    const sink = fileSink(path.join(temporary, file), sealing);
    let n = 0;
    try {
      sink.write(utf8Bom + csvLine(columns.map((c) => c.name)));
      for (const row of iterateRows(db, table)) {
        sink.write(csvLine(columns.map((c) => csvValue(row[c.name]))));
        n++;
        await rowWritten();
      }
      sink.close();
    } catch (e) {
      sink.abort();
      fs.rmSync(temporary, { recursive: true, force: true });
      throw e;
    }
    manifest.tables[table] = { file, columns, rows: n };
    counts[table] = n;
  }
  fs.writeFileSync(path.join(temporary, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  syncFile(path.join(temporary, 'manifest.json'));
  renameDurably(temporary, dir);
  return { path: dir, counts };
}
