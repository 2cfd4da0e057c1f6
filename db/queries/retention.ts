import { type Kysely, sql } from 'kysely';
import { caseRange } from '../eventCodec.ts';
import type { Database } from '../schema.ts';

/** Finished cases after `afterSeqno`, a page at a time, with the kinds of data already removed. */
export async function finishedCasesAfter(db: Kysely<Database>, finished: readonly string[], afterSeqno: number, limit: number) {
  const rows = await db
    .selectFrom('cases')
    .leftJoin('case_removals', 'case_removals.case_id', 'cases.id')
    .select(['cases.seqno', 'cases.id', 'cases.number', 'cases.type', 'cases.status', 'cases.updated_at'])
    .select(sql<string | null>`group_concat(case_removals.kind)`.as('removed'))
    .where('cases.status', 'in', finished)
    .where('cases.seqno', '>', afterSeqno)
    .groupBy('cases.seqno')
    .orderBy('cases.seqno')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, removed: r.removed ? r.removed.split(',') : [] }));
}

/** One case's stored events: place and payload text, for taking data out of them. */
export function storedPayloadsOf(db: Kysely<Database>, seqno: number) {
  const { from, to } = caseRange(seqno);
  return db
    .selectFrom('case_events')
    .select(['pos', 'type', 'payload'])
    .where('pos', '>=', from)
    .where('pos', '<', to)
    .orderBy('pos')
    .execute();
}

/** Keeps the event's hash (once: a second removal keeps the first original), then rewrites its payload. */
export async function redactStoredEvent(db: Kysely<Database>, pos: number, hash: string, payload: string): Promise<void> {
  await db
    .insertInto('event_redactions')
    .values({ pos, hash })
    .onConflict((oc) => oc.column('pos').doNothing())
    .execute();
  await db.updateTable('case_events').set({ payload }).where('pos', '=', pos).execute();
}

/** The hashes of pulled events that came redacted, at their places (written with the events, in their transaction). */
export async function keepRedactedHashes(db: Kysely<Database>, kept: readonly { pos: number; hash: string }[]): Promise<void> {
  for (const k of kept) {
    await db
      .insertInto('event_redactions')
      .values(k)
      .onConflict((oc) => oc.column('pos').doNothing())
      .execute();
  }
}

export async function insertRemoval(
  db: Kysely<Database>,
  row: { case_id: string; kind: string; removed_at: string; removed_by: string; reason: string; files: number },
): Promise<void> {
  await db.insertInto('case_removals').values(row).execute();
}

/** Whether an event outside the case numbered `seqno` still refers to the file: then it stays. */
export async function fileUsedElsewhere(db: Kysely<Database>, sha256: string, seqno: number): Promise<boolean> {
  const { from, to } = caseRange(seqno);
  const row = await db
    .selectFrom('case_events')
    .select('pos')
    .where((eb) => eb.or([eb('pos', '<', from), eb('pos', '>=', to)]))
    .where('payload', 'like', `%${sha256}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
