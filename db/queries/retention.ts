import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** A record type's latest finishing days that make its personal data and its evidence due (inclusive). */
export interface DueCutoffs {
  type: string;
  personalData: string;
  evidence: string;
}

/** A finished case still holding something, as the retention index has it. */
export interface RetentionCandidate {
  seqno: number;
  id: string;
  number: string;
  type: string;
  updated_at: string;
  removed_kinds: number;
}

/**
 * The finished cases still holding something, from `cases_retention` (migration 21), named: the
 * planner would otherwise take the status index, every finished case. Its WHERE is repeated as
 * written there, the statuses inlined (a bound parameter would not match the partial index);
 * SQLite refuses the statement rather than read another way if the two ever differ.
 */
const fromRetentionIndex = (finished: readonly string[]) =>
  sql`FROM cases INDEXED BY cases_retention
    WHERE cases.status IN (${sql.join(finished.map((s) => sql.lit(s)))}) AND cases.removed_kinds <> 3`;

const candidateColumns = sql`cases.seqno, cases.id, cases.number, cases.type, cases.updated_at, cases.removed_kinds`;

/** The finished cases with personal data or evidence due under `cutoffs`, by the bits of `removed_kinds`. */
function dueTerms(cutoffs: readonly DueCutoffs[]) {
  const latest = cutoffs.reduce((m, c) => [m, c.personalData, c.evidence].reduce((a, b) => (a > b ? a : b)), '');
  const perType = cutoffs.map(
    (c) =>
      sql`(cases.type = ${c.type} AND ((cases.updated_at <= ${c.personalData} AND (cases.removed_kinds & 2) = 0) OR (cases.updated_at <= ${c.evidence} AND (cases.removed_kinds & 1) = 0)))`,
  );
  return sql`cases.updated_at <= ${latest} AND (${perType.length > 0 ? sql.join(perType, sql` OR `) : sql`0`})`;
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * How many finished cases have something due under `cutoffs`: ranges of `cases_retention`, a month
 * of finishing days each, with `pause` between them. A million finished cases are a count of about
 * half a second; a month of them is a few milliseconds, and the desk answers in between.
 */
export async function countDueCases(
  db: Kysely<Database>,
  finished: readonly string[],
  cutoffs: readonly DueCutoffs[],
  pause: () => Promise<void>,
): Promise<number> {
  const latest = cutoffs.reduce((m, c) => [m, c.personalData, c.evidence].reduce((a, b) => (a > b ? a : b)), '');
  const { rows } = await sql<{ first: string | null }>`SELECT min(cases.updated_at) AS first ${fromRetentionIndex(finished)}`.execute(db);
  const first = rows[0]?.first;
  if (!first || first > latest) return 0;
  let total = 0;
  for (let month = first.slice(0, 7); month <= latest.slice(0, 7); month = nextMonth(month)) {
    const { rows: counted } = await sql<{ n: number }>`SELECT count(*) AS n ${fromRetentionIndex(finished)}
      AND cases.updated_at >= ${month} AND cases.updated_at < ${nextMonth(month)} AND ${dueTerms(cutoffs)}`.execute(db);
    total += Number(counted[0]?.n ?? 0);
    await pause();
  }
  return total;
}

/**
 * The finished cases with something due under `cutoffs`, the longest finished first, after
 * `after` (the last of the previous page): read in the order of `cases_retention`.
 */
export async function dueCasesPage(
  db: Kysely<Database>,
  finished: readonly string[],
  cutoffs: readonly DueCutoffs[],
  after: { updatedAt: string; seqno: number } | null,
  limit: number,
): Promise<RetentionCandidate[]> {
  const past = after
    ? sql`AND cases.updated_at >= ${after.updatedAt} AND (cases.updated_at > ${after.updatedAt} OR cases.seqno > ${after.seqno})`
    : sql``;
  const { rows } = await sql<RetentionCandidate>`SELECT ${candidateColumns} ${fromRetentionIndex(finished)}
    AND ${dueTerms(cutoffs)} ${past} ORDER BY cases.updated_at, cases.seqno LIMIT ${limit}`.execute(db);
  return rows;
}

/** The finished cases of `type`, finished in (`from`, `to`], still holding the kind of data `bit` stands for. */
export async function retentionCandidatesBetween(
  db: Kysely<Database>,
  finished: readonly string[],
  type: string,
  bit: 1 | 2,
  from: string,
  to: string,
): Promise<RetentionCandidate[]> {
  const { rows } = await sql<RetentionCandidate>`SELECT ${candidateColumns} ${fromRetentionIndex(finished)}
    AND cases.updated_at > ${from} AND cases.updated_at <= ${to} AND cases.type = ${type} AND (cases.removed_kinds & ${sql.lit(bit)}) = 0`.execute(
    db,
  );
  return rows;
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

/** Whether an event of a case other than the one numbered `seqno` still names the file: then it stays. */
export async function fileUsedElsewhere(db: Kysely<Database>, sha256: string, seqno: number): Promise<boolean> {
  const row = await db
    .selectFrom('evidence_refs')
    .select('seqno')
    .where('sha256', '=', sha256)
    .where('seqno', '<>', seqno)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The evidence files the events of the case numbered `seqno` name, as `evidence_refs` keeps them. */
export async function filesNamedBy(db: Kysely<Database>, seqno: number): Promise<string[]> {
  return (await db.selectFrom('evidence_refs').select('sha256').where('seqno', '=', seqno).execute()).map((r) => r.sha256);
}

/** Forgets the files a case named, once its evidence is taken out of its events. */
export async function forgetFilesOf(db: Kysely<Database>, seqno: number): Promise<void> {
  await db.deleteFrom('evidence_refs').where('seqno', '=', seqno).execute();
}
