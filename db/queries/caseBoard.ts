import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { openStatuses } from '../../domain/cases/caseMachine.ts';
import type { SearchPlan } from '../../domain/text/searchTerms.ts';
import type { Database } from '../schema.ts';
import { type CaseFilter, narrowCases } from './caseFilter.ts';
import type { CaseRow } from './cases.ts';

/** The board's, the list's and the inbox's queries: each narrows by indexed columns first. */

/** The shared filter (db/queries/caseFilter.ts) and a search, matched through the index's rowids. */
export interface BoardFilter extends CaseFilter {
  search?: SearchPlan | undefined;
}

type CasesQuery<O> = SelectQueryBuilder<Database, 'cases', O>;

/** A filter and, for counting a few cases found otherwise, their seqnos. */
type NarrowFilter = BoardFilter & { seqnos?: readonly number[] };

function narrow<O>(query: CasesQuery<O>, f: NarrowFilter): CasesQuery<O> {
  let q = narrowCases(query, f);
  if (f.seqnos) q = q.where('seqno', 'in', f.seqnos.length > 0 ? f.seqnos : [-1]);
  const plan = f.search;
  if (!plan || plan.index === 'none') return q;
  const matches =
    plan.index === 'trigram'
      ? sql<number>`(SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH ${plan.match})`
      : sql<number>`(SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH ${plan.match})`;
  return q.where('seqno', 'in', matches);
}

async function countRowsByStatus(db: Kysely<Database>, f: NarrowFilter): Promise<Map<string, number>> {
  const rows = await narrow(db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]), f)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Whether the filter asks for no more than statuses and, at most, one department. */
function statusesAndDepartmentOnly(f: BoardFilter): boolean {
  const { statuses, departmentId, viewer, ...rest } = f;
  return !Object.values(rest).some((v) => v !== undefined && v !== false);
}

/**
 * The cases of a filter per status, every case counted, the viewer's recusal left aside: from the
 * kept counts per status or the case–department table (migration 11) when the filter asks for
 * statuses and a department at most, else from the filter's index (a board's deadline filters
 * are a range of `cases_status_due`, counted without reading a case).
 */
async function countEveryCase(db: Kysely<Database>, f: BoardFilter): Promise<Map<string, number>> {
  if (!statusesAndDepartmentOnly(f)) return countRowsByStatus(db, { ...f, viewer: undefined });
  const statuses = f.statuses && f.statuses.length > 0 ? f.statuses : undefined;
  const rows = f.departmentId
    ? await db
        .selectFrom('case_departments')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('department_id', '=', f.departmentId)
        .$if(statuses !== undefined, (q) => q.where('status', 'in', statuses ?? []))
        .groupBy('status')
        .execute()
    : await db
        .selectFrom('case_status_counts')
        .select(['status', 'n'])
        .$if(statuses !== undefined, (q) => q.where('status', 'in', statuses ?? []))
        .execute();
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.status, Number(r.n)]));
}

/**
 * The number of cases per status a filter matches, as the board shows them. The viewer's
 * recusal (cases naming them as the person complained about) is the one condition that needs a
 * case's row: every case is counted without it, less the few cases that name the viewer, found
 * through their index and counted with the same filter. A viewer limited to departments, or a
 * search, is counted row by row.
 */
export async function countByStatus(db: Kysely<Database>, f: BoardFilter): Promise<Map<string, number>> {
  const viewer = f.viewer;
  if ((f.search && f.search.index !== 'none') || (viewer && (viewer.departmentIds !== undefined || viewer.searchLimits !== undefined))) {
    return countRowsByStatus(db, f);
  }
  const counts = await countEveryCase(db, f);
  if (!viewer) return counts;
  const recused = await recusedCases(db, viewer.userId, f.statuses);
  if (recused.length === 0) return counts;
  const withoutViewer = { ...f, viewer: undefined };
  for (const [status, n] of await countRowsByStatus(db, { ...withoutViewer, seqnos: recused })) {
    const left = (counts.get(status) ?? 0) - n;
    if (left > 0) counts.set(status, left);
    else counts.delete(status);
  }
  return counts;
}

/** The cases naming `userId` as the person complained about, in these statuses: from their index. */
async function recusedCases(db: Kysely<Database>, userId: string, statuses: readonly string[] | undefined): Promise<number[]> {
  let q = db.selectFrom('cases').select('seqno').where(sql`json_extract(respondent, '$.userId')`, '=', userId);
  if (statuses && statuses.length > 0) q = q.where('status', 'in', statuses);
  return (await q.execute()).map((r) => r.seqno);
}

/**
 * A column's first cards: the most pressing deadline first. Columns are open statuses, whose
 * due_at is never NULL (currentDeadline), so no NULLS-LAST term: (status, due_at, seqno) then
 * serves the order and the query stops after `limit` cards instead of sorting the whole column.
 */
export function boardCards(db: Kysely<Database>, status: string, f: BoardFilter, limit: number): Promise<CaseRow[]> {
  return narrow(db.selectFrom('cases').selectAll(), { ...f, statuses: [status] })
    .orderBy('due_at')
    .orderBy('seqno')
    .limit(limit)
    .execute();
}

export type BrowseSort = 'newest' | 'oldest' | 'due';

/** Keyset pagination: the cursor is the last row's sort key, so page 2,000 costs what page 1 does. */
export interface BrowseCursor {
  due?: string | null;
  seqno: number;
}

/** Whether every status asked for is open: such cases always have a deadline (currentDeadline). */
const openOnly = (statuses: readonly string[] | undefined): statuses is readonly string[] =>
  statuses !== undefined && statuses.length > 0 && statuses.every((st) => (openStatuses as readonly string[]).includes(st));

export function browseCases(
  db: Kysely<Database>,
  f: BoardFilter,
  sort: BrowseSort,
  after: BrowseCursor | undefined,
  limit: number,
): Promise<CaseRow[]> {
  if (sort === 'due' && openOnly(f.statuses)) return browseOpenByDue(db, f, f.statuses, after, limit);
  let q = narrow(db.selectFrom('cases').selectAll(), f);
  if (sort === 'newest') {
    if (after) q = q.where('seqno', '<', after.seqno);
    q = q.orderBy('seqno', 'desc');
  } else if (sort === 'oldest') {
    if (after) q = q.where('seqno', '>', after.seqno);
    q = q.orderBy('seqno', 'asc');
  } else {
    // Finished cases (no deadline) sort last; '~' sorts after every ISO timestamp.
    const key = sql<string>`coalesce(due_at, '~')`;
    if (after) {
      const due = after.due ?? '~';
      q = q.where((eb) => eb.or([eb(key, '>', due), eb.and([eb(key, '=', due), eb('seqno', '>', after.seqno)])]));
    }
    q = q.orderBy(key).orderBy('seqno');
  }
  return q.limit(limit).execute();
}

/**
 * Open cases by deadline: the same rows and order as the general query (no NULL deadline to sort
 * last), read in the order of an index and stopped after `limit`, where the general query sorted
 * every open case: one status is a range of cases_status_due (status, due_at, seqno); several
 * walk the partial index cases_due (due_at, then the rowid, which is seqno), the statuses
 * matched with a unary plus so that SQLite does not read each status's range and sort them. A
 * department's cases are found through its own table first, as by the general query.
 */
function browseOpenByDue(
  db: Kysely<Database>,
  f: BoardFilter,
  statuses: readonly string[],
  after: BrowseCursor | undefined,
  limit: number,
): Promise<CaseRow[]> {
  // A cursor past every deadline (a finished case's) has nothing open after it.
  if (after && (after.due === null || after.due === undefined)) return Promise.resolve([]);
  const walk = statuses.length > 1 && !f.departmentId;
  let q = narrow(db.selectFrom('cases').selectAll(), walk ? { ...f, statuses: undefined } : f);
  if (walk) q = q.where(sql`+status`, 'in', statuses);
  q = q.where('due_at', 'is not', null);
  if (after) q = q.where(sql`(due_at, seqno)`, '>', sql`(${after.due}, ${after.seqno})`);
  return q.orderBy('due_at').orderBy('seqno').limit(limit).execute();
}

/** A list's total: exact, or at least `n` when counting further would cost a scan of the store. */
export interface CaseTotal {
  n: number;
  atLeast: boolean;
}

/** Filters the kept counts per status answer: statuses at most, seen by someone not limited to departments. */
function keptCountsServe(f: BoardFilter): boolean {
  const { statuses, viewer, ...rest } = f;
  const narrowed = Object.values(rest).some((v) => v !== undefined && v !== false);
  return !narrowed && (!viewer || (viewer.departmentIds === undefined && viewer.searchLimits === undefined));
}

/**
 * The number of cases a filter matches. Statuses alone (the whole list, open cases) come from the
 * counts kept per status (migration 11), less the cases the viewer may not see as the person
 * complained about (an index of those): nothing is counted. One department's cases come from its
 * part of the case–department table, counted per status as the board counts them. Any other
 * filter counts at most `cap` + 1 matching rows, and says "at least" past that.
 */
export async function countCases(db: Kysely<Database>, f: BoardFilter, cap: number): Promise<CaseTotal> {
  const viewerCountable = !f.viewer || (f.viewer.departmentIds === undefined && f.viewer.searchLimits === undefined);
  if (f.departmentId && viewerCountable && statusesAndDepartmentOnly(f)) {
    let n = 0;
    for (const count of (await countByStatus(db, f)).values()) n += count;
    return { n, atLeast: false };
  }
  if (keptCountsServe(f)) {
    let kept = db.selectFrom('case_status_counts').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n'));
    if (f.statuses && f.statuses.length > 0) kept = kept.where('status', 'in', f.statuses);
    const total = Number((await kept.executeTakeFirstOrThrow()).n);
    if (!f.viewer) return { n: total, atLeast: false };
    let recused = db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql`json_extract(respondent, '$.userId')`, '=', f.viewer.userId);
    if (f.statuses && f.statuses.length > 0) recused = recused.where('status', 'in', f.statuses);
    return { n: total - Number((await recused.executeTakeFirstOrThrow()).n), atLeast: false };
  }
  const matching = narrow(db.selectFrom('cases').select(sql<number>`1`.as('one')), f).limit(cap + 1);
  const row = await db
    .selectFrom(matching.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > cap ? { n: cap, atLeast: true } : { n, atLeast: false };
}

/** Earlier cases of the same complainant, recognised by the phone number. */
export function casesOfPhone(db: Kysely<Database>, phone: string, exceptId: string, limit: number): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('complainant_phone', '=', phone)
    .where('id', '!=', exceptId)
    .orderBy('seqno', 'desc')
    .limit(limit)
    .execute();
}

export function casesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
}

export function casesInPage(db: Kysely<Database>, afterSeqno: number, limit: number): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('seqno', '>', afterSeqno).orderBy('seqno').limit(limit).execute();
}

/** Proposals waiting for this approver: by severity (major ones go to a director), not their own. */
export function pendingApprovals(db: Kysely<Database>, severities: readonly string[], exceptProposer: string, limit: number) {
  if (severities.length === 0) return Promise.resolve([] as CaseRow[]);
  return db
    .selectFrom('cases')
    .selectAll()
    .where('status', '=', 'awaiting_approval')
    .where('proposal_state', '=', 'pending')
    .where('severity', 'in', severities)
    .where((eb) => eb.or([eb('proposed_by', 'is', null), eb('proposed_by', '!=', exceptProposer)]))
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** Cases holding an act set aside as a conflict, latest change first (the partial index of migration 14). */
export function casesInConflict(db: Kysely<Database>, limit: number) {
  return db.selectFrom('cases').selectAll().where('conflict_count', '>', 0).orderBy('updated_at', 'desc').limit(limit).execute();
}

export function escalatedOpen(db: Kysely<Database>, openStatuses: readonly string[], limit: number) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'in', openStatuses)
    .where('escalated_at', 'is not', null)
    .orderBy('escalated_at', 'desc')
    .limit(limit)
    .execute();
}
