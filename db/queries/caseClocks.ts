import { type Kysely, sql } from 'kysely';
import type { CaseClocksTable, Database } from '../schema.ts';
import { seqnoOf } from './caseSeqno.ts';
import { compiledOnce } from './compiledOnce.ts';
import { insertRows } from './rowInserts.ts';
import { isoTime, isoTimeOrNull, storedTime, storedTimeOrNull } from './storedTime.ts';

/** A clock of a case as the desk reads it: the case's id, instants as ISO text. */
export interface CaseClockRow {
  case_id: string;
  clock: string;
  due: string;
  met_at: string | null;
  breached_at: string | null;
  paused_since: string | null;
  provisional: number;
}

/** A clock's kind as stored: its place in this list (migration 24). */
const storedClocks = ['acknowledge', 'feedback', 'resolve'] as const;
export type StoredClock = (typeof storedClocks)[number];

export function clockOfStored(n: number): StoredClock {
  const clock = storedClocks[n];
  if (clock === undefined) throw new Error(`no clock ${n}`);
  return clock;
}

function storedClock(clock: string): number {
  const n = storedClocks.indexOf(clock as StoredClock);
  if (n < 0) throw new Error(`no clock ${clock}`);
  return n;
}

/** The stored row of a clock (keyed by the case's seqno, its kind a number, instants in epoch milliseconds). */
export function storedClockRow(caseSeqno: number, row: CaseClockRow): CaseClocksTable {
  return {
    case_seqno: caseSeqno,
    clock: storedClock(row.clock),
    due: storedTime(row.due),
    met_at: storedTimeOrNull(row.met_at),
    breached_at: storedTimeOrNull(row.breached_at),
    paused_since: storedTimeOrNull(row.paused_since),
    provisional: row.provisional,
  };
}

function clockRowOf(caseId: string, row: Omit<CaseClocksTable, 'case_seqno'>): CaseClockRow {
  return {
    case_id: caseId,
    clock: clockOfStored(row.clock),
    due: isoTime(row.due),
    met_at: isoTimeOrNull(row.met_at),
    breached_at: isoTimeOrNull(row.breached_at),
    paused_since: isoTimeOrNull(row.paused_since),
    provisional: row.provisional,
  };
}

const deleteClocks = compiledOnce((db, v: { caseId: string }) => db.deleteFrom('case_clocks').where('case_seqno', '=', seqnoOf(v.caseId)));
const storedClockColumns = ['clock', 'due', 'met_at', 'breached_at', 'paused_since', 'provisional'] as const;
/** `rows`: a JSON array of rows, each an array of the values of `storedClockColumns` in order. */
const insertClocks = compiledOnce(
  (
    _,
    v: { caseId: string; rows: string },
  ) => sql`INSERT INTO case_clocks (case_seqno, ${sql.join(storedClockColumns.map((c) => sql.ref(c)))})
    SELECT c.seqno, ${sql.join(storedClockColumns.map((_, i) => sql`json_extract(r.value, ${`$[${i}]`})`))}
    FROM cases c, json_each(${v.rows}) r WHERE c.id = ${v.caseId} ORDER BY r.key`,
);

/** Stores a case's clocks as folded from its events, replacing what was there; `fresh`: it has none yet. */
export async function writeCaseClocks(db: Kysely<Database>, caseId: string, rows: readonly CaseClockRow[], fresh = false): Promise<void> {
  if (!fresh) await deleteClocks(db, { caseId });
  if (rows.length === 0) return;
  const stored = rows.map((r) => storedClockRow(0, r));
  await insertClocks(db, { caseId, rows: JSON.stringify(stored.map((r) => storedClockColumns.map((c) => r[c]))) });
}

/** The clocks of cases stored for the first time (none to replace), many to a statement. */
export async function insertNewCaseClocks(db: Kysely<Database>, rows: readonly CaseClocksTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insertRows(db, 'case_clocks', rows.slice(i, i + 500));
}

const clocksOfCaseList = compiledOnce((db, v: { ids: string }) =>
  db
    .selectFrom(sql<{ value: string }>`json_each(${v.ids})`.as('ids'))
    .innerJoin('cases', 'cases.id', 'ids.value')
    .innerJoin('case_clocks', 'case_clocks.case_seqno', 'cases.seqno')
    .select(['cases.id', 'clock', 'due', 'met_at', 'breached_at', 'paused_since', 'provisional']),
);

/** The clocks of a page of cases: one statement, its text the same however many cases (the statement cache keeps it). */
export async function clocksOfCases(db: Kysely<Database>, caseIds: readonly string[]): Promise<CaseClockRow[]> {
  if (caseIds.length === 0) return [];
  // A case shown twice (in two sections of the inbox) is read once.
  const rows = await clocksOfCaseList(db, { ids: JSON.stringify([...new Set(caseIds)]) });
  return rows.map((r) => clockRowOf(r.id, r));
}

/**
 * Cases with a clock running past its due time (and not paused) whose breach is not recorded
 * yet. Only running clocks are looked at (the partial index on unmet clocks), so the sweep
 * stays cheap however many closed cases the store holds; a clock met late is recorded by the
 * action that meets it (core/deadlines/deadlineActions.ts deadlineFollowUps).
 */
export async function casesWithUnrecordedBreaches(db: Kysely<Database>, now: string): Promise<string[]> {
  // INDEXED BY: the sweep must read the running clocks only, never an index that also holds every
  // clock ever met, or it would read the whole history each minute.
  const { rows } = await sql<{ id: string }>`
    SELECT c.id FROM cases c WHERE c.seqno IN (
      SELECT case_seqno FROM case_clocks INDEXED BY case_clocks_running
      WHERE met_at IS NULL AND due < ${storedTime(now)} AND breached_at IS NULL AND paused_since IS NULL)`.execute(db);
  return rows.map((r) => r.id);
}

/** Cases whose deadlines were computed beyond the calendar data and are still running. */
export async function casesWithProvisionalClocks(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('seqno', 'in', (eb) =>
      eb.selectFrom('case_clocks').select('case_seqno').where('provisional', '=', 1).where('met_at', 'is', null),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Cases registered without clock rows (stores upgraded from before migration 3), after `afterSeqno`. */
export async function casesWithoutClocks(db: Kysely<Database>, afterSeqno = 0): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('seqno', '>', afterSeqno)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_clocks').select('case_seqno').whereRef('case_clocks.case_seqno', '=', 'cases.seqno'))),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Clocks of cases received in [from, to), for the on-time rates of the reports. */
export async function clocksReceivedBetween(db: Kysely<Database>, from: string, to: string) {
  const rows = await db
    .selectFrom('case_clocks')
    .innerJoin('cases', 'cases.seqno', 'case_clocks.case_seqno')
    // A duplicate merged into another case counts once, on the surviving case, as in every report.
    .leftJoin('case_report_facts', 'case_report_facts.case_seqno', 'case_clocks.case_seqno')
    .select(['case_clocks.clock', 'case_clocks.due', 'case_clocks.met_at', 'case_clocks.breached_at'])
    .where('cases.received_at', '>=', from)
    .where('cases.received_at', '<', to)
    .where((eb) => eb.or([eb('case_report_facts.merged', 'is', null), eb('case_report_facts.merged', '=', 0)]))
    .execute();
  return rows.map((r) => ({
    clock: clockOfStored(r.clock),
    due: isoTime(r.due),
    met_at: isoTimeOrNull(r.met_at),
    breached_at: isoTimeOrNull(r.breached_at),
  }));
}
