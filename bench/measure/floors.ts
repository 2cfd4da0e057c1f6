import Sqlite from 'better-sqlite3';

/**
 * The physical floors: the same work as the core, done with raw better-sqlite3 prepared
 * statements on a connection configured like the store's (WAL, synchronous=FULL).
 */
export function openRaw(file: string, options: { readonly?: boolean } = {}): Sqlite.Database {
  const sqlite = new Sqlite(file, { readonly: options.readonly ?? false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

type Row = Record<string, unknown>;

/**
 * Re-inserts copies of cases the core registered (their `cases` row, `registered` event and
 * both search documents) with one prepared statement per table, one transaction per case.
 */
export function rawRegistrations(sqlite: Sqlite.Database, caseIds: readonly string[]) {
  const caseRow = sqlite.prepare('SELECT * FROM cases WHERE id = ?');
  const eventRow = sqlite.prepare('SELECT * FROM case_events WHERE case_id = ? AND seq = 1');
  const copies = caseIds.map((id, i) => {
    const c = { ...(caseRow.get(id) as Row) };
    const e = { ...(eventRow.get(id) as Row) };
    delete c.seqno;
    const copyId = `${id}-floor-${i}`;
    c.id = copyId;
    c.number = `${String(c.number)}-F${i}`;
    e.id = `${String(e.id)}-floor-${i}`;
    e.case_id = copyId;
    return { c, e };
  });
  const caseColumns = Object.keys(copies[0]?.c ?? {});
  const eventColumns = Object.keys(copies[0]?.e ?? {});
  const insertEvent = sqlite.prepare(
    `INSERT INTO case_events (${eventColumns.join(',')}) VALUES (${eventColumns.map((k) => `@${k}`).join(',')})`,
  );
  const insertCase = sqlite.prepare(`INSERT INTO cases (${caseColumns.join(',')}) VALUES (${caseColumns.map((k) => `@${k}`).join(',')})`);
  const insertTrigram = sqlite.prepare('INSERT INTO case_search_trigram (rowid, doc) VALUES (?, ?)');
  const insertBigram = sqlite.prepare('INSERT INTO case_search_bigram (rowid, doc) VALUES (?, ?)');
  const one = sqlite.transaction((copy: { c: Row; e: Row }, docs: { trigram: string; bigram: string }) => {
    insertEvent.run(copy.e);
    const seqno = insertCase.run(copy.c).lastInsertRowid;
    insertTrigram.run(seqno, docs.trigram);
    insertBigram.run(seqno, docs.bigram);
  });
  return { copies, insert: one };
}
