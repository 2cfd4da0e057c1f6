import { type Kysely, type Selectable, sql } from 'kysely';
import { phoneLookupKey } from '../../domain/cases/phone.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import { currentDeadline } from '../../domain/deadlines/deadlineStatus.ts';
import { type Aliases, canonicalState } from '../../domain/sync/referenceRecords.ts';
import type { SearchPlan } from '../../domain/text/searchTerms.ts';
import { hashBytes } from '../eventCodec.ts';
import type { CasesTable, Database } from '../schema.ts';
import { type CaseFilter, narrowCases } from './caseFilter.ts';
import { readAliases } from './referenceSync.ts';
import { refreshReportRollup } from './reportRollups.ts';
import { insertRows } from './rowInserts.ts';
import { departmentIdsOf } from './users.ts';

export type CaseRow = Selectable<CasesTable>;

/** A case's co-departments, which the store keeps as a JSON array: parsed here, like a user's departments. */
export const coDepartmentIdsOf = (row: Pick<CaseRow, 'co_department_ids'>): string[] => departmentIdsOf(row.co_department_ids);

/** Whom a case is about (the respondent), which the store keeps as JSON: parsed here, in one place. */
export const respondentOf = (row: Pick<CaseRow, 'respondent'>): CaseState['respondent'] =>
  row.respondent ? (JSON.parse(row.respondent) as CaseState['respondent']) : null;

/** The projection's columns for a case state; the same mapping serves insert, update and rebuild. */
export function projectionColumns(state: CaseState) {
  return {
    number: state.number,
    query_code: state.queryCode,
    status: state.status,
    type: state.type,
    channel: state.channel,
    severity: state.severity,
    subject: state.subject,
    content: state.content,
    demands: state.demands,
    complainant_name: state.complainant.name,
    complainant_phone: state.complainant.phone ?? null,
    complainant_phone_key: state.complainant.phone ? phoneLookupKey(state.complainant.phone) : null,
    intake: JSON.stringify(state.intake),
    complainant: JSON.stringify(state.complainant),
    respondent: state.respondent ? JSON.stringify(state.respondent) : null,
    category_id: state.categoryId,
    department_id: state.departmentId,
    co_department_ids: JSON.stringify(state.coDepartmentIds),
    handler_id: state.handlerId,
    received_at: state.receivedAt,
    confidential: state.confidential ? 1 : 0,
    anonymous: state.anonymous ? 1 : 0,
    deadline_acknowledge: state.deadlines.acknowledge,
    deadline_feedback: state.deadlines.feedback,
    deadline_resolve: state.deadlines.resolve,
    ...handlingColumns(state),
  };
}

/** The columns of case handling (migration 5). */
function handlingColumns(state: CaseState) {
  return {
    finding: state.finding,
    proposal_state: state.proposalState,
    proposed_by: state.proposedBy,
    first_responded_at: state.firstRespondedAt,
    follow_up_count: state.followUpCount,
    last_satisfaction: state.lastSatisfaction,
    follow_up_satisfied: state.followUpSatisfied ? 1 : 0,
    explanation_accepted: state.explanationAccepted ? 1 : 0,
    closed_at: state.closedAt,
    escalated_at: state.escalatedAt,
    merged_into_id: state.mergedInto?.id ?? null,
    merged_into_number: state.mergedInto?.number ?? null,
    linked_case_ids: JSON.stringify(state.linkedCaseIds),
    due_at: currentDeadline(state.status, state.deadlines, state.firstRespondedAt),
    conflict_count: state.conflictIds.length,
    transfer: state.transfer ? JSON.stringify(state.transfer) : null,
  };
}

/**
 * Stores the projection of a new case. Its event is keyed by the seqno this returns and comes
 * next, so the case is counted in the report roll-ups after that (core/cases/eventLog.ts
 * storeNewCase), once, with its facts and clocks. `aliases`: the merged records when the caller read
 * them already.
 */
export async function insertCase(
  db: Kysely<Database>,
  row: { id: string; registeredBy: string; at: string; updatedAt?: string; lastSeq: number; heads: readonly string[] },
  folded: CaseState,
  aliases?: Aliases,
): Promise<number> {
  // Records merged into the site's (domain/sync/referenceRecords.ts): the read model names the site's id.
  const state = canonicalState(folded, aliases ?? (await readAliases(db)));
  const [inserted] = await insertRows<{ seqno: number }>(
    db,
    'cases',
    [
      {
        id: row.id,
        registered_by: row.registeredBy,
        created_at: row.at,
        updated_at: row.updatedAt ?? row.at,
        last_seq: row.lastSeq,
        heads: hashBytes(row.heads),
        ...projectionColumns(state),
      },
    ],
    'seqno',
  );
  if (!inserted) throw new Error(`case ${row.id} was not stored`);
  return inserted.seqno;
}

/**
 * Stores the new projection of a case (and, from it, the case's share of the report roll-ups:
 * the event's facts and clocks are written before), guarded by the sequence the caller read: a concurrent
 * writer that got there first makes this update touch no row, and the caller retries nothing
 * silently but fails.
 */
export async function updateCase(
  db: Kysely<Database>,
  id: string,
  expectedSeq: number,
  next: { at: string; lastSeq: number; heads: readonly string[] },
  folded: CaseState,
): Promise<boolean> {
  const state = canonicalState(folded, await readAliases(db));
  // A case keeps the number it was stored with: one received beside a case of the same number
  // (another site's, transferred here) keeps its mark of the clash (core/sync/receiveEvents.ts).
  const { number: _stored, ...columns } = projectionColumns(state);
  const result = await db
    .updateTable('cases')
    .set({ updated_at: next.at, last_seq: next.lastSeq, heads: hashBytes(next.heads), ...columns })
    .where('id', '=', id)
    .where('last_seq', '=', expectedSeq)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await refreshReportRollup(db, id);
  return true;
}

/** The rows of the cases of `ids` this store holds, by id: what a pulled page folds them from. */
export async function casesByIds(db: Kysely<Database>, ids: readonly string[]) {
  const found = new Map<string, { id: string; seqno: number; registered_by: string; updated_at: string; last_seq: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'seqno', 'registered_by', 'updated_at', 'last_seq'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** Which case holds each of `numbers` (a number is unique in the store). */
export async function numberHolders(db: Kysely<Database>, numbers: readonly string[]): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  const wanted = [...new Set(numbers)].filter((n) => n !== '');
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'number'])
      .where('number', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) held.set(r.number, r.id);
  }
  return held;
}

export function findCase(db: Kysely<Database>, by: { id: string } | { number: string }): Promise<CaseRow | undefined> {
  const query = db.selectFrom('cases').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('number', '=', by.number)).executeTakeFirst();
}

/** The list's filter: the shared one (db/queries/caseFilter.ts), a search, and a page newest first. */
export interface ListFilter extends CaseFilter {
  search?: SearchPlan | undefined;
  /** Newest first: only cases registered before this rowid. */
  beforeSeqno?: number | undefined;
  limit: number;
}

export function listCases(db: Kysely<Database>, f: ListFilter): Promise<CaseRow[]> {
  let query = narrowCases(db.selectFrom('cases'), f);
  if (f.beforeSeqno !== undefined) query = query.where('seqno', '<', f.beforeSeqno);
  const plan = f.search;
  if (!plan || plan.index === 'none') return query.selectAll().orderBy('seqno', 'desc').limit(f.limit).execute();
  // Joined, not `seqno IN (SELECT rowid ...)`: FTS5 hands out its matches newest first and the
  // page stops after `limit` rows, where the subquery first collected every match (bench/results:
  // 40× the raw FTS5 query at 100k cases for a common two-character word).
  const table = plan.index === 'trigram' ? 'case_search_trigram' : 'case_search_bigram';
  return (
    query
      // Both search tables have the same shape; the cast only names one of them for the type checker.
      .innerJoin(`${table} as s` as 'case_search_trigram as s', 's.rowid', 'cases.seqno')
      .selectAll('cases')
      .where(sql<boolean>`${sql.ref(`s.${table}`)} MATCH ${plan.match}`)
      .orderBy('s.rowid', 'desc')
      .limit(f.limit)
      .execute()
  );
}
