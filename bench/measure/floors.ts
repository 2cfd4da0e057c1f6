import Sqlite from 'better-sqlite3';
import { caseSpan } from '../../db/eventCodec.ts';
import { phoneLookupKey } from '../../domain/cases/phone.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import type { Rng } from '../data/rng.ts';

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
 * Re-inserts a copy of a case the core registered (its `cases` row, `registered` event and
 * both search documents) with one prepared statement per table, in one transaction.
 *
 * The copy carries the complainant's name and phone and the texts of a case already in the store,
 * picked by `rng`: a new complainant, as the core registers. A copy keeping the core's own would
 * find the index pages of that phone, that name and those words just read by the core, and at 1M
 * cases, where much of the file is not in memory, it read fewer pages from disk than the core did.
 */
export function rawRegistration(sqlite: Sqlite.Database, rng: Rng) {
  const caseRow = sqlite.prepare('SELECT * FROM cases WHERE id = ?');
  const eventRow = sqlite.prepare('SELECT e.* FROM cases c JOIN case_events e ON e.pos = c.seqno * ? + 1 WHERE c.id = ?');
  const statements = new Map<string, Sqlite.Statement>();
  const insertInto = (table: string, row: Row) => {
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map((k) => `@${k}`).join(',')})`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.run(row);
  };
  const donorRow = sqlite.prepare(
    'SELECT complainant_name, complainant_phone, complainant, subject, content FROM cases WHERE seqno >= ? ORDER BY seqno LIMIT 1',
  );
  // Complainants are taken from cases stored before the run: the pages of the core's new cases, and of the copies, were read just now.
  const storedCases = (sqlite.prepare('SELECT max(seqno) AS n FROM cases').get() as { n: number | null }).n ?? 0;
  const insertTrigram = sqlite.prepare('INSERT INTO case_search_trigram (rowid, doc) VALUES (?, ?)');
  const insertBigram = sqlite.prepare('INSERT INTO case_search_bigram (rowid, doc) VALUES (?, ?)');
  const insert = sqlite.transaction((copy: Copy) => {
    const seqno = Number(insertInto('cases', copy.c).lastInsertRowid);
    insertInto('case_events', { ...copy.e, pos: seqno * caseSpan + 1 });
    insertTrigram.run(seqno, copy.docs.trigram);
    insertBigram.run(seqno, copy.docs.bigram);
  });
  return {
    /** The rows to insert, read and tokenised before the clock starts: the floor is the writing. */
    copyOf(id: string, i: number): Copy {
      const c = { ...(caseRow.get(id) as Row) };
      const e = { ...(eventRow.get(caseSpan, id) as Row) };
      delete c.seqno;
      const copyId = `${id}-floor-${i}`;
      c.id = copyId;
      c.number = `${String(c.number)}-F${i}`;
      const donor = donorRow.get(1 + rng.int(Math.max(storedCases, 1))) as Row | undefined;
      if (donor) {
        Object.assign(c, donor);
        c.complainant_phone_key = typeof donor.complainant_phone === 'string' ? phoneLookupKey(donor.complainant_phone) : null;
      }
      const eventId = Buffer.from(e.id as Buffer);
      eventId.writeUInt32BE(i, 12);
      e.id = eventId;
      const texts = [c.number, c.complainant_name, c.complainant_phone, c.subject, c.content] as (string | null)[];
      return { c, e, docs: { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) } };
    },
    insert,
  };
}

export interface Copy {
  c: Row;
  e: Row;
  docs: { trigram: string; bigram: string };
}
