import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

export interface SearchDocuments {
  trigram: string;
  bigram: string;
}

/** Rows of one multi-row insert: two bound values each, far under SQLite's limit. */
const indexedPerStatement = 250;

/** Indexes cases stored for the first time (no entry to replace), many to a statement. */
export async function indexNewCases(db: Kysely<Database>, cases: readonly ({ seqno: number } & SearchDocuments)[]): Promise<void> {
  for (let i = 0; i < cases.length; i += indexedPerStatement) {
    const chunk = cases.slice(i, i + indexedPerStatement);
    await sql`INSERT INTO case_search_trigram (rowid, doc) VALUES ${sql.join(chunk.map((c) => sql`(${c.seqno}, ${c.trigram})`))}`.execute(
      db,
    );
    await sql`INSERT INTO case_search_bigram (rowid, doc) VALUES ${sql.join(chunk.map((c) => sql`(${c.seqno}, ${c.bigram})`))}`.execute(db);
  }
}

const unindexTrigram = compiledOnce((_, v: { seqno: number }) => sql`DELETE FROM case_search_trigram WHERE rowid = ${v.seqno}`);
const unindexBigram = compiledOnce((_, v: { seqno: number }) => sql`DELETE FROM case_search_bigram WHERE rowid = ${v.seqno}`);
const indexTrigram = compiledOnce(
  (_, v: { seqno: number; doc: string }) => sql`INSERT INTO case_search_trigram (rowid, doc) VALUES (${v.seqno}, ${v.doc})`,
);
const indexBigram = compiledOnce(
  (_, v: { seqno: number; doc: string }) => sql`INSERT INTO case_search_bigram (rowid, doc) VALUES (${v.seqno}, ${v.doc})`,
);

/**
 * (Re)indexes one case; the tables are contentless, keyed by the case's rowid (`seqno`). `fresh`: a
 * case inserted in this transaction, with no documents to delete (cases are never deleted, so a
 * new seqno was never indexed).
 */
export async function indexCase(db: Kysely<Database>, seqno: number, docs: SearchDocuments, fresh = false): Promise<void> {
  if (!fresh) {
    await unindexTrigram(db, { seqno });
    await unindexBigram(db, { seqno });
  }
  await indexTrigram(db, { seqno, doc: docs.trigram });
  await indexBigram(db, { seqno, doc: docs.bigram });
}
