import { type Kysely, sql } from 'kysely';
import { majorSeverities } from '../../domain/reports/analysisLists.ts';
import { caseSpan } from '../eventCodec.ts';
import type { Database } from '../schema.ts';
import { wholeMonths } from './reportPhones.ts';
import { rollupOffset } from './reportRollups.ts';
import { storedTime } from './storedTime.ts';

/** Lists for the analysis: repeat complainants, major and overdue cases, names of ids. */

/**
 * Complainants (by phone) with more than one complaint received in the range, the most first.
 * Cases that name `viewerId` as the person complained about are left out (回避): nobody learns
 * from a report who complained about them. `confidential` is 1 when any of the cases is.
 */
export async function repeatComplainants(
  db: Kysely<Database>,
  range: { from: string; to: string },
  limit: number,
  viewerId: string,
): Promise<RepeatRow[]> {
  const latest = sql`FROM cases l WHERE l.complainant_phone = t.phone AND l.received_at < ${range.to}
        AND coalesce(json_extract(l.respondent, '$.userId'), '') != ${viewerId} ORDER BY l.received_at DESC LIMIT 1`;
  // Once the roll-ups are counted: the kept counts per phone and month (reportPhones.ts) for the
  // period's whole local months, only of phones with more than one complaint in all, and the
  // period's complaints before and after them from report_counted's narrow rows. A phone with a
  // case in the period naming the viewer is counted from its own cases instead (the kept counts
  // cannot take out one viewer's). From the cases before the roll-ups.
  const offset = await rollupOffset(db);
  const top = offset !== null ? keptRepeatPhones(range, viewerId, limit, offset) : casesRepeatPhones(range, viewerId, limit);
  const result = await sql<RepeatRow>`
    WITH t AS (${top})
    SELECT t.phone, t.cases, t.confidential,
      (SELECT l.complainant_name ${latest}) AS name,
      (SELECT l.id ${latest}) AS latest_id,
      (SELECT l.number ${latest}) AS latest_number
    FROM t ORDER BY t.cases DESC, t.latest_at DESC, t.phone`.execute(db);
  return result.rows;
}

/** The period's phones with more than one complaint, from the kept counts: phone, cases, latest_at, confidential. */
function keptRepeatPhones(range: { from: string; to: string }, viewerId: string, limit: number, utcOffsetMinutes: number) {
  const { fromMonth, toMonth, start, end } = wholeMonths(range.from, range.to, utcOffsetMinutes);
  const edge = (from: string, to: string) => sql`SELECT phone, 1 AS cases, confidential, received_at AS latest_at
    FROM report_counted INDEXED BY report_counted_phone
    WHERE received_at >= ${from} AND received_at < ${to} AND phone IS NOT NULL AND type = 'complaint' AND phone NOT IN recused`;
  return sql`WITH recused AS (SELECT complainant_phone FROM cases
      WHERE json_extract(respondent, '$.userId') = ${viewerId} AND complainant_phone IS NOT NULL AND type = 'complaint'
        AND received_at >= ${range.from} AND received_at < ${range.to})
    SELECT phone, sum(cases) AS cases, max(latest_at) AS latest_at, max(confidential > 0) AS confidential
    FROM (
      SELECT phone, cases, confidential, latest_at FROM report_phone_month INDEXED BY report_phone_month_repeating
        WHERE repeating = 1 AND month >= ${fromMonth} AND month < ${toMonth} AND phone NOT IN recused
      UNION ALL ${edge(range.from, start)}
      UNION ALL ${edge(end, range.to)}
      UNION ALL SELECT phone, 1, confidential, received_at FROM report_counted INDEXED BY report_counted_by_phone
        WHERE phone IN recused AND type = 'complaint' AND received_at >= ${range.from} AND received_at < ${range.to}
          AND coalesce(respondent_user, '') != ${viewerId})
    GROUP BY phone HAVING sum(cases) > 1 ORDER BY cases DESC, latest_at DESC, phone LIMIT ${limit}`;
}

/** The same from the cases, before the roll-ups are counted. */
function casesRepeatPhones(range: { from: string; to: string }, viewerId: string, limit: number) {
  return sql`SELECT c.complainant_phone AS phone, count(*) AS cases, max(c.received_at) AS latest_at, max(c.confidential) AS confidential
    FROM cases c
    WHERE c.received_at >= ${range.from} AND c.received_at < ${range.to}
      AND c.complainant_phone IS NOT NULL AND c.type = 'complaint'
      AND coalesce(json_extract(c.respondent, '$.userId'), '') != ${viewerId}
    GROUP BY c.complainant_phone HAVING count(*) > 1 ORDER BY cases DESC, latest_at DESC, phone LIMIT ${limit}`;
}

export interface RepeatRow {
  phone: string;
  name: string;
  cases: number;
  confidential: number;
  latest_id: string;
  latest_number: string;
}

export interface CaseLineRow {
  id: string;
  number: string;
  subject: string;
  severity: string;
  status: string;
  department_id: string | null;
  received_at: string;
}

export function majorCases(db: Kysely<Database>, range: { from: string; to: string }, limit: number): Promise<CaseLineRow[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'number', 'subject', 'severity', 'status', 'department_id', 'received_at'])
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .where('severity', 'in', [...majorSeverities])
    .where('merged_into_id', 'is', null)
    .orderBy('received_at')
    .limit(limit)
    .execute();
}

export interface OverdueRow extends CaseLineRow {
  ack_late: number;
  feedback_late: number;
  resolve_late: number;
}

/**
 * Cases of the cohort that missed a clock: stopped after the deadline, a recorded breach, or
 * still running past it at `now`. The negation of the on-time predicate in reports.ts.
 */
export async function overdueCases(
  db: Kysely<Database>,
  range: { from: string; to: string },
  now: string,
  limit: number,
): Promise<OverdueRow[]> {
  const nowMs = storedTime(now);
  // Once the roll-ups are counted, only the candidates are looked at: cases with a clock stopped
  // late or a breach recorded (their flag, indexed), and clocks running past their deadline
  // with no breach recorded yet. Before, every case of the period.
  const candidates =
    (await rollupOffset(db)) !== null
      ? sql`AND c.seqno IN (
        SELECT * FROM (SELECT case_seqno FROM report_counted INDEXED BY report_counted_late
          WHERE flags & 1048576 AND received_at >= ${range.from} AND received_at < ${range.to} AND counted = 1
          ORDER BY received_at LIMIT ${limit})
        UNION
        SELECT k.case_seqno FROM case_clocks k INDEXED BY case_clocks_running
          WHERE k.met_at IS NULL AND k.breached_at IS NULL AND k.due < ${nowMs})`
      : sql``;
  const result = await sql<OverdueRow>`
    SELECT * FROM (
      SELECT c.id, c.number, c.subject, c.severity, c.status, c.department_id, c.received_at,
        coalesce(ka.breached_at IS NOT NULL OR ka.met_at > ka.due OR (ka.met_at IS NULL AND ka.due < ${nowMs}), 0) AS ack_late,
        coalesce(kf.breached_at IS NOT NULL OR kf.met_at > kf.due OR (kf.met_at IS NULL AND kf.due < ${nowMs}), 0) AS feedback_late,
        coalesce(kr.breached_at IS NOT NULL OR kr.met_at > kr.due OR (kr.met_at IS NULL AND kr.due < ${nowMs}), 0) AS resolve_late
      FROM cases c JOIN case_report_facts r ON r.case_seqno = c.seqno
        LEFT JOIN case_clocks ka ON ka.case_seqno = c.seqno AND ka.clock = 0
        LEFT JOIN case_clocks kf ON kf.case_seqno = c.seqno AND kf.clock = 1
        LEFT JOIN case_clocks kr ON kr.case_seqno = c.seqno AND kr.clock = 2
      WHERE c.received_at >= ${range.from} AND c.received_at < ${range.to} AND r.merged = 0 ${candidates}
    ) WHERE ack_late OR feedback_late OR resolve_late
    ORDER BY received_at
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The latest reason recorded on each case (any event whose payload has a `reason`). */
export async function latestReasons(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const result = await sql<{ case_id: string; reason: string }>`
    SELECT c.id AS case_id, json_extract(e.payload, '$.reason') AS reason
    FROM cases c JOIN case_events e ON e.pos >= c.seqno * ${caseSpan} AND e.pos < (c.seqno + 1) * ${caseSpan}
    WHERE c.id IN (${sql.join([...caseIds])}) AND json_extract(e.payload, '$.reason') IS NOT NULL
    ORDER BY e.pos`.execute(db);
  const rows = result.rows;
  const reasons = new Map<string, string>();
  for (const r of rows) reasons.set(r.case_id, r.reason);
  return reasons;
}

export async function namesOf(db: Kysely<Database>, table: 'departments' | 'categories', ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
