import { type Kysely, type RawBuilder, sql } from 'kysely';
import { caseStatuses } from '../../domain/cases/vocabulary.ts';
import type { FigureCounts } from '../../domain/reports/figures.ts';
import { satisfiedFrom } from '../../domain/reports/figures.ts';
import type { ReportGroup } from '../../domain/reports/groups.ts';
import { isOpenStatus } from '../../domain/reports/workload.ts';
import type { Database } from '../schema.ts';
import { isRepeatComplaint } from './repeatComplaint.ts';
import { storedTime } from './storedTime.ts';
import { handledHere, intakeHere } from './transferCounting.ts';

/**
 * The analysis figures' counts in SQL, mirroring domain/reports/figures.ts `countCase` predicate
 * by predicate (a test checks both against hand-computed values). The cohort is always a range
 * of received_at (indexed); groups are plain columns of `cases` or of the local date.
 */

function groupExpression(group: ReportGroup, utcOffsetMinutes: number): RawBuilder<string | null> {
  const shift = `${utcOffsetMinutes >= 0 ? '+' : ''}${utcOffsetMinutes} minutes`;
  switch (group) {
    case 'day':
      return sql`strftime('%Y-%m-%d', c.received_at, ${shift})`;
    case 'week':
      // The Monday on or before the local date.
      return sql`strftime('%Y-%m-%d', c.received_at, ${shift}, '-6 days', 'weekday 1')`;
    case 'month':
      return sql`strftime('%Y-%m', c.received_at, ${shift})`;
    case 'category':
      return sql`c.category_id`;
    case 'department':
      return sql`c.department_id`;
    case 'channel':
      return sql`c.channel`;
    case 'severity':
      return sql`c.severity`;
    case 'type':
      return sql`c.type`;
    case 'status':
      return sql`c.status`;
    case 'respondentDepartment':
      return sql`json_extract(c.respondent, '$.departmentId')`;
    case 'respondentPerson':
      return sql`json_extract(c.respondent, '$.person')`;
    case 'handler':
      return sql`c.handler_id`;
  }
}

interface CountsRow {
  [key: `k${number}`]: string | null;
  registered: number;
  complaints: number;
  accepted: number;
  declined: number;
  closed: number;
  accepted_closed: number;
  ack_decided: number;
  ack_met: number;
  feedback_decided: number;
  feedback_met: number;
  resolve_decided: number;
  resolve_met: number;
  answered: number;
  followed_up: number;
  rated: number;
  satisfied: number;
  with_finding: number;
  valid: number;
  repeats: number;
  handled_with_days: number;
  handling_days_total: number;
}

export interface CohortFilter {
  from: string;
  to: string;
  now: string;
  departmentId?: string | undefined;
}

/**
 * FigureCounts of the cases received in [from, to), per combination of several groups at once:
 * one pass over the cohort, which the caller rolls up per group (the counts are additive). With
 * no groups, one row.
 */
export async function cohortCube(
  db: Kysely<Database>,
  f: CohortFilter,
  groups: readonly ReportGroup[],
  utcOffsetMinutes: number,
): Promise<{ keys: (string | null)[]; counts: FigureCounts }[]> {
  const keyColumns =
    groups.length === 0 ? [sql`NULL AS k0`] : groups.map((g, i) => sql`${groupExpression(g, utcOffsetMinutes)} AS ${sql.ref(`k${i}`)}`);
  const groupColumns = sql.raw(keyColumns.map((_, i) => String(i + 1)).join(', '));
  const department = f.departmentId ? sql`AND c.department_id = ${f.departmentId}` : sql``;
  const nowMs = storedTime(f.now);
  const result = await sql<CountsRow>`
    SELECT ${sql.join(keyColumns)},
      total(${intakeHere}) AS registered,
      -- on time / decided: domain/deadlines/onTime.ts clockOutcome, in SQL
      total((c.type = 'complaint') AND ${intakeHere}) AS complaints,
      total((r.accepted_at IS NOT NULL) AND ${handledHere}) AS accepted,
      total((r.declined) AND ${handledHere}) AS declined,
      total((r.closed_at IS NOT NULL) AND ${handledHere}) AS closed,
      total((r.accepted_at IS NOT NULL AND r.closed_at IS NOT NULL) AND ${handledHere}) AS accepted_closed,
      total((ka.met_at IS NOT NULL OR ka.breached_at IS NOT NULL OR ka.due < ${nowMs}) AND ${handledHere}) AS ack_decided,
      total((ka.met_at IS NOT NULL AND ka.met_at <= ka.due AND ka.breached_at IS NULL) AND ${handledHere}) AS ack_met,
      total((kf.met_at IS NOT NULL OR kf.breached_at IS NOT NULL OR kf.due < ${nowMs}) AND ${handledHere}) AS feedback_decided,
      total((kf.met_at IS NOT NULL AND kf.met_at <= kf.due AND kf.breached_at IS NULL) AND ${handledHere}) AS feedback_met,
      total((kr.met_at IS NOT NULL OR kr.breached_at IS NOT NULL OR kr.due < ${nowMs}) AND ${handledHere}) AS resolve_decided,
      total((kr.met_at IS NOT NULL AND kr.met_at <= kr.due AND kr.breached_at IS NULL) AND ${handledHere}) AS resolve_met,
      total((r.accepted_at IS NOT NULL AND r.resolve_done_at IS NOT NULL) AND ${handledHere}) AS answered,
      total((r.accepted_at IS NOT NULL AND r.resolve_done_at IS NOT NULL AND r.follow_ups > 0) AND ${handledHere}) AS followed_up,
      total((r.last_satisfaction IS NOT NULL) AND ${handledHere}) AS rated,
      total((r.last_satisfaction >= ${satisfiedFrom}) AND ${handledHere}) AS satisfied,
      total((c.type = 'complaint' AND r.finding IS NOT NULL) AND ${handledHere}) AS with_finding,
      total((c.type = 'complaint' AND r.finding = 'valid') AND ${handledHere}) AS valid,
      total(${handledHere} AND ${isRepeatComplaint}) AS repeats,
      total((r.closed_at IS NOT NULL AND r.handling_days IS NOT NULL) AND ${handledHere}) AS handled_with_days,
      total(CASE WHEN r.closed_at IS NOT NULL AND ${handledHere} THEN r.handling_days END) AS handling_days_total
    FROM cases c JOIN case_report_facts r ON r.case_seqno = c.seqno
      LEFT JOIN case_clocks ka ON ka.case_seqno = c.seqno AND ka.clock = 0
      LEFT JOIN case_clocks kf ON kf.case_seqno = c.seqno AND kf.clock = 1
      LEFT JOIN case_clocks kr ON kr.case_seqno = c.seqno AND kr.clock = 2
    WHERE c.received_at >= ${f.from} AND c.received_at < ${f.to} AND r.merged = 0 ${department}
    GROUP BY ${groupColumns}
    ORDER BY registered DESC, ${groupColumns}`.execute(db);
  return result.rows.map((row) => ({
    keys: keyColumns.map((_, i) => row[`k${i}`] ?? null),
    counts: {
      registered: row.registered,
      complaints: row.complaints,
      accepted: row.accepted,
      declined: row.declined,
      closed: row.closed,
      acceptedClosed: row.accepted_closed,
      clockDecided: { acknowledge: row.ack_decided, feedback: row.feedback_decided, resolve: row.resolve_decided },
      clockMet: { acknowledge: row.ack_met, feedback: row.feedback_met, resolve: row.resolve_met },
      answered: row.answered,
      followedUp: row.followed_up,
      rated: row.rated,
      satisfied: row.satisfied,
      withFinding: row.with_finding,
      valid: row.valid,
      repeats: row.repeats,
      handledWithDays: row.handled_with_days,
      handlingDaysTotal: row.handling_days_total,
    },
  }));
}

// Listed, not negated: `status IN (...)` reads the open part of the status index only, where
// `NOT IN` scanned the whole index (every case ever closed) on each dashboard call.
const openStatusList = caseStatuses.filter(isOpenStatus);
const openStatuses = sql`c.status IN (${sql.join(openStatusList)})`;

/**
 * Open cases now, and of them the overdue (a clock still running past its deadline) and the
 * due soon (not overdue, a running clock not paused ends by `soon`), from the deadline engine's
 * clocks. Mirrors domain/reports/workload.ts.
 */
export async function openWorkload(
  db: Kysely<Database>,
  now: string,
  soon: string,
): Promise<{ open: number; overdue: number; dueSoon: number }> {
  // Every act that ends a case meets all its clocks (domain/deadlines/caseClocks.ts clockMetBy),
  // so a running clock is an open case's: overdue and due soon are read from the partial index
  // of running clocks alone, and cost what the open work costs, not the history of closed cases.
  const result = await sql<{ open: number; overdue: number; due_soon: number }>`
    WITH running AS (
      SELECT k.case_seqno,
        max(k.due < ${storedTime(now)}) AS overdue,
        max(k.paused_since IS NULL AND k.due <= ${storedTime(soon)}) AS soon
      FROM case_clocks k INDEXED BY case_clocks_running
      WHERE k.met_at IS NULL
      GROUP BY k.case_seqno
    )
    SELECT (SELECT count(*) FROM cases c WHERE ${openStatuses}) AS open,
      total(r.overdue) AS overdue,
      total(NOT r.overdue AND r.soon) AS due_soon
    FROM running r`.execute(db);
  const row = result.rows[0];
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueSoon: row?.due_soon ?? 0 };
}

/** Cases closed in [from, to), whenever they were received. */
export async function closedBetween(db: Kysely<Database>, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('case_report_facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('closed_at', '>=', storedTime(from))
    .where('closed_at', '<', storedTime(to))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
