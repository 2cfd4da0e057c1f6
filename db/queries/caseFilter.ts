import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { type CaseViewerScope, scopeToViewer } from './caseScope.ts';
import { storedTime } from './storedTime.ts';

/**
 * The one filter of cases behind `cases.list`, `cases.browse`, the board and the inbox, so a
 * filter means the same on every screen:
 * - `departmentId`: the cases the department takes part in, as lead or co-department (what its
 *   staff see and work on);
 * - `dueBy`: open cases whose current deadline falls at or before the instant, so "due within
 *   N working days" includes a deadline at the end of the N-th day.
 */
export interface CaseFilter {
  statuses?: readonly string[] | undefined;
  handlerId?: string | undefined;
  departmentId?: string | undefined;
  categoryId?: string | undefined;
  severity?: string | undefined;
  channel?: string | undefined;
  type?: string | undefined;
  respondentDepartmentId?: string | undefined;
  respondentPerson?: string | undefined;
  /** Open with a clock running past its deadline at this instant (see domain/reports/workload.ts). */
  overdueAt?: string | undefined;
  /** Cases whose current deadline is at or before this instant. */
  dueBy?: string | undefined;
  /** Cases whose current deadline is at or after this instant. */
  dueFrom?: string | undefined;
  awaitingFollowUp?: boolean | undefined;
  /** Registered at or after this instant. */
  from?: string | undefined;
  /** Registered before this instant. */
  to?: string | undefined;
  /** Who is looking: recusal and department scope (db/queries/caseScope.ts). */
  viewer?: CaseViewerScope | undefined;
}

type CasesQuery<O> = SelectQueryBuilder<Database, 'cases', O>;

/** Narrows a query of `cases` by the filter, indexed columns first. */
export function narrowCases<O>(query: CasesQuery<O>, f: CaseFilter): CasesQuery<O> {
  let q = f.viewer ? scopeToViewer(query, f.viewer) : query;
  const statuses = f.statuses;
  if (statuses?.length === 1) q = q.where('status', '=', statuses[0] ?? '');
  else if (statuses && statuses.length > 1) q = q.where('status', 'in', statuses);
  if (f.handlerId) q = q.where('handler_id', '=', f.handlerId);
  if (f.departmentId) {
    // Lead or co-department, from the table the projection keeps (migration 11): one department's
    // open cases are a range of its index, where the JSON of co-departments had to be read for
    // every case. With the statuses in it, a board reads only its columns' part.
    const dep = f.departmentId;
    q = q.where('seqno', 'in', (eb) => {
      const mine = eb.selectFrom('case_departments').select('case_seqno').where('department_id', '=', dep);
      return statuses && statuses.length > 0 ? mine.where('status', 'in', statuses) : mine;
    });
  }
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.respondentDepartmentId) q = q.where(sql`json_extract(respondent, '$.departmentId')`, '=', f.respondentDepartmentId);
  if (f.respondentPerson) q = q.where(sql`json_extract(respondent, '$.person')`, '=', f.respondentPerson);
  if (f.overdueAt) {
    const at = f.overdueAt;
    q = q
      .where('status', 'not in', ['declined', 'closed', 'archived'])
      .where(
        sql<boolean>`EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_seqno = cases.seqno AND k.met_at IS NULL AND k.due < ${storedTime(at)})`,
      );
  }
  if (f.dueBy) q = q.where('due_at', 'is not', null).where('due_at', '<=', f.dueBy);
  if (f.dueFrom) q = q.where('due_at', '>=', f.dueFrom);
  if (f.awaitingFollowUp) q = q.where('status', '=', 'responded').where('follow_up_satisfied', '=', 0);
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  return q;
}
