import type { Kysely, Selectable } from 'kysely';
import { emptyFacts, type ReportFacts } from '../../domain/reports/caseFacts.ts';
import type { CaseReportFactsTable, Database } from '../schema.ts';
import { seqnoOf } from './caseSeqno.ts';
import { compiledOnce } from './compiledOnce.ts';
import { insertRows } from './rowInserts.ts';
import { isoTimeOrNull, storedTimeOrNull } from './storedTime.ts';

export type ReportFactsRow = Selectable<CaseReportFactsTable>;

export function factsOfRow(row: ReportFactsRow): ReportFacts {
  return {
    acceptedAt: isoTimeOrNull(row.accepted_at),
    declined: row.declined === 1,
    clockDoneAt: {
      acknowledge: isoTimeOrNull(row.ack_done_at),
      feedback: isoTimeOrNull(row.feedback_done_at),
      resolve: isoTimeOrNull(row.resolve_done_at),
    },
    breached: { acknowledge: row.ack_breached === 1, feedback: row.feedback_breached === 1, resolve: row.resolve_breached === 1 },
    finding: row.finding as ReportFacts['finding'],
    closedAt: isoTimeOrNull(row.closed_at),
    followUps: row.follow_ups,
    lastSatisfaction: row.last_satisfaction,
    merged: row.merged === 1,
  };
}

/** The stored row of a case's report facts (also written by the bench's bulk writer). */
export function reportFactsRow(caseSeqno: number, f: ReportFacts, handlingDays: number | null): CaseReportFactsTable {
  return {
    case_seqno: caseSeqno,
    accepted_at: storedTimeOrNull(f.acceptedAt),
    declined: f.declined ? 1 : 0,
    ack_done_at: storedTimeOrNull(f.clockDoneAt.acknowledge),
    feedback_done_at: storedTimeOrNull(f.clockDoneAt.feedback),
    resolve_done_at: storedTimeOrNull(f.clockDoneAt.resolve),
    ack_breached: f.breached.acknowledge ? 1 : 0,
    feedback_breached: f.breached.feedback ? 1 : 0,
    resolve_breached: f.breached.resolve ? 1 : 0,
    finding: f.finding,
    closed_at: storedTimeOrNull(f.closedAt),
    follow_ups: f.followUps,
    last_satisfaction: f.lastSatisfaction,
    handling_days: handlingDays,
    merged: f.merged ? 1 : 0,
  };
}

const factsOfCase = compiledOnce((db, v: { caseId: string }) =>
  db.selectFrom('case_report_facts').selectAll().where('case_seqno', '=', seqnoOf(v.caseId)),
);

export async function findReportFacts(db: Kysely<Database>, caseId: string): Promise<ReportFactsRow | undefined> {
  return (await factsOfCase(db, { caseId }))[0];
}

type FactsColumns = Omit<CaseReportFactsTable, 'case_seqno'>;
const factsColumns = Object.keys(reportFactsRow(0, emptyFacts(), null)).filter((c) => c !== 'case_seqno') as (keyof FactsColumns)[];
const upsertFacts = compiledOnce((db, v: FactsColumns & { caseId: string }) => {
  const columns = Object.fromEntries(factsColumns.map((c) => [c, v[c]])) as FactsColumns;
  return db
    .insertInto('case_report_facts')
    .values({ ...columns, case_seqno: seqnoOf(v.caseId) })
    .onConflict((oc) => oc.column('case_seqno').doUpdateSet(columns));
});

export async function saveReportFacts(db: Kysely<Database>, caseId: string, facts: ReportFacts, handlingDays: number | null) {
  await upsertFacts(db, { ...reportFactsRow(0, facts, handlingDays), caseId });
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
    .leftJoin('case_report_facts', 'case_report_facts.case_seqno', 'cases.seqno')
    .select(['cases.id', 'cases.received_at'])
    .where('cases.seqno', '>', afterSeqno)
    .where('case_report_facts.case_seqno', 'is', null)
    .limit(limit)
    .execute();
}
