import type { Kysely, Selectable } from 'kysely';
import type { ReportFacts } from '../../domain/reports/caseFacts.ts';
import type { CaseReportFactsTable, Database } from '../schema.ts';
import { insertRows } from './rowInserts.ts';

export type ReportFactsRow = Selectable<CaseReportFactsTable>;

export function factsOfRow(row: ReportFactsRow): ReportFacts {
  return {
    acceptedAt: row.accepted_at,
    declined: row.declined === 1,
    clockDoneAt: { acknowledge: row.ack_done_at, feedback: row.feedback_done_at, resolve: row.resolve_done_at },
    breached: { acknowledge: row.ack_breached === 1, feedback: row.feedback_breached === 1, resolve: row.resolve_breached === 1 },
    finding: row.finding as ReportFacts['finding'],
    closedAt: row.closed_at,
    followUps: row.follow_ups,
    lastSatisfaction: row.last_satisfaction,
    merged: row.merged === 1,
  };
}

/** The stored row of a case's report facts (also written by the bench's bulk writer). */
export function reportFactsRow(caseId: string, f: ReportFacts, handlingDays: number | null): CaseReportFactsTable {
  return {
    case_id: caseId,
    accepted_at: f.acceptedAt,
    declined: f.declined ? 1 : 0,
    ack_done_at: f.clockDoneAt.acknowledge,
    feedback_done_at: f.clockDoneAt.feedback,
    resolve_done_at: f.clockDoneAt.resolve,
    ack_breached: f.breached.acknowledge ? 1 : 0,
    feedback_breached: f.breached.feedback ? 1 : 0,
    resolve_breached: f.breached.resolve ? 1 : 0,
    finding: f.finding,
    closed_at: f.closedAt,
    follow_ups: f.followUps,
    last_satisfaction: f.lastSatisfaction,
    handling_days: handlingDays,
    merged: f.merged ? 1 : 0,
  };
}

export function findReportFacts(db: Kysely<Database>, caseId: string): Promise<ReportFactsRow | undefined> {
  return db.selectFrom('case_report_facts').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function saveReportFacts(db: Kysely<Database>, caseId: string, facts: ReportFacts, handlingDays: number | null) {
  const row = reportFactsRow(caseId, facts, handlingDays);
  const { case_id: _, ...rest } = row;
  await db
    .insertInto('case_report_facts')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doUpdateSet(rest))
    .execute();
}

/** The facts of cases stored for the first time (none to replace), many to a statement. */
export async function insertNewReportFacts(db: Kysely<Database>, rows: readonly CaseReportFactsTable[]): Promise<void> {
  // Twenty-odd columns a row: 400 rows stay under SQLite's limit on bound values.
  for (let i = 0; i < rows.length; i += 400) await insertRows(db, 'case_report_facts', rows.slice(i, i + 400));
}

/** Cases whose facts were never folded (a store from before migration 7), after `afterSeqno`. */
export async function casesWithoutFacts(
  db: Kysely<Database>,
  limit: number,
  afterSeqno = 0,
): Promise<{ id: string; received_at: string }[]> {
  return db
    .selectFrom('cases')
    .leftJoin('case_report_facts', 'case_report_facts.case_id', 'cases.id')
    .select(['cases.id', 'cases.received_at'])
    .where('cases.seqno', '>', afterSeqno)
    .where('case_report_facts.case_id', 'is', null)
    .limit(limit)
    .execute();
}
