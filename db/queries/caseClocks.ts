import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { insertRows } from './rowInserts.ts';

export interface CaseClockRow {
  case_id: string;
  clock: string;
  due: string;
  met_at: string | null;
  breached_at: string | null;
  paused_since: string | null;
  provisional: number;
}

/** Stores a case's clocks as folded from its events, replacing what was there; `fresh`: it has none yet. */
export async function writeCaseClocks(db: Kysely<Database>, caseId: string, rows: readonly CaseClockRow[], fresh = false): Promise<void> {
  if (!fresh) await db.deleteFrom('case_clocks').where('case_id', '=', caseId).execute();
  if (rows.length > 0)
    await db
      .insertInto('case_clocks')
      .values([...rows])
      .execute();
}

/** The clocks of cases stored for the first time (none to replace), many to a statement. */
export async function insertNewCaseClocks(db: Kysely<Database>, rows: readonly CaseClockRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insertRows(db, 'case_clocks', rows.slice(i, i + 500));
}

export async function clocksOfCases(db: Kysely<Database>, caseIds: readonly string[]): Promise<CaseClockRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_clocks')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .execute();
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
  const { rows } = await sql<{ case_id: string }>`
    SELECT DISTINCT case_id FROM case_clocks INDEXED BY case_clocks_running
    WHERE met_at IS NULL AND due < ${now} AND breached_at IS NULL AND paused_since IS NULL`.execute(db);
  return rows.map((r) => r.case_id);
}

/** Cases whose deadlines were computed beyond the calendar data and are still running. */
export async function casesWithProvisionalClocks(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('case_clocks')
    .select('case_id')
    .distinct()
    .where('provisional', '=', 1)
    .where('met_at', 'is', null)
    .execute();
  return rows.map((r) => r.case_id);
}

/** Cases registered without clock rows (stores upgraded from before migration 3), after `afterSeqno`. */
export async function casesWithoutClocks(db: Kysely<Database>, afterSeqno = 0): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('seqno', '>', afterSeqno)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_clocks').select('case_id').whereRef('case_clocks.case_id', '=', 'cases.id'))),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Clocks of cases received in [from, to), for the on-time rates of the reports. */
export async function clocksReceivedBetween(db: Kysely<Database>, from: string, to: string) {
  return (
    db
      .selectFrom('case_clocks')
      .innerJoin('cases', 'cases.id', 'case_clocks.case_id')
      // A duplicate merged into another case counts once, on the surviving case, as in every report.
      .leftJoin('case_report_facts', 'case_report_facts.case_id', 'case_clocks.case_id')
      .select(['case_clocks.clock', 'case_clocks.due', 'case_clocks.met_at', 'case_clocks.breached_at'])
      .where('cases.received_at', '>=', from)
      .where('cases.received_at', '<', to)
      .where((eb) => eb.or([eb('case_report_facts.merged', 'is', null), eb('case_report_facts.merged', '=', 0)]))
      .execute()
  );
}
