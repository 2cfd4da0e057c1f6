import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface SearchDocuments {
  trigram: string;
  bigram: string;
}

/**
 * (Re)indexes one case; the tables are contentless, keyed by the case's rowid (`seqno`). `fresh`: a
 * case inserted in this transaction, with no documents to delete (cases are never deleted, so a
 * new seqno was never indexed).
 */
export async function indexCase(db: Kysely<Database>, seqno: number, docs: SearchDocuments, fresh = false): Promise<void> {
  if (!fresh) {
    await sql`DELETE FROM case_search_trigram WHERE rowid = ${seqno}`.execute(db);
    await sql`DELETE FROM case_search_bigram WHERE rowid = ${seqno}`.execute(db);
  }
  await sql`INSERT INTO case_search_trigram (rowid, doc) VALUES (${seqno}, ${docs.trigram})`.execute(db);
  await sql`INSERT INTO case_search_bigram (rowid, doc) VALUES (${seqno}, ${docs.bigram})`.execute(db);
}
