import { type RawBuilder, sql } from 'kysely';
import { satisfiedFrom } from '../../domain/reports/figures.ts';
import { isRepeatComplaint } from './repeatComplaint.ts';
import { handledHere, intakeHere } from './transferCounting.ts';

/**
 * What one case adds to the reports, as a `report_counted` row (migration 11): its keys and one
 * bit per count, computed in SQL from its projection, facts and clocks by the same predicates as
 * the cohort query in reports.ts. The roll-ups (reportRollups.ts) store it and sum it per day.
 */

/** The counts, in the order of their bit in `report_counted.flags` and their column in `report_daily`. */
export const countBits = [
  'complaints',
  'accepted',
  'declined',
  'closed',
  'accepted_closed',
  'ack_decided',
  'ack_met',
  'feedback_decided',
  'feedback_met',
  'resolve_decided',
  'resolve_met',
  'answered',
  'followed_up',
  'rated',
  'satisfied',
  'with_finding',
  'valid',
  'repeats',
  'handled_with_days',
] as const;
export type CountColumn = (typeof countBits)[number];
/** Not a count: a clock stopped late or a breach recorded (the analysis's overdue list). */
const lateBit = 20;
/** Not a count: the case was registered at another site of the group, which counts its intake. */
export const intakeElsewhereBit = 21;

export interface CountedRow {
  /** The case's seqno (migration 24): the table's rowid. */
  case_seqno: number;
  received_at: string;
  day: string;
  phone: string | null;
  confidential: number;
  respondent_user: string | null;
  counted: number;
  category: string;
  department: string;
  channel: string;
  severity: string;
  type: string;
  status: string;
  respondent_department: string;
  respondent_person: string;
  handler: string;
  flags: number;
  handling_days: number | null;
}

export const countedColumns = [
  'case_seqno',
  'received_at',
  'day',
  'phone',
  'confidential',
  'respondent_user',
  'counted',
  'category',
  'department',
  'channel',
  'severity',
  'type',
  'status',
  'respondent_department',
  'respondent_person',
  'handler',
  'flags',
  'handling_days',
] as const satisfies readonly (keyof CountedRow)[];

export const shiftOf = (utcOffsetMinutes: number) => `${utcOffsetMinutes >= 0 ? '+' : ''}${utcOffsetMinutes} minutes`;

/** The predicates of reports.ts cohortCube, each a 0/1 per case; `now`-free. */
function countPredicates(): Record<CountColumn, RawBuilder<unknown>> {
  return {
    complaints: sql`c.type = 'complaint'`,
    accepted: sql`r.accepted_at IS NOT NULL`,
    declined: sql`r.declined`,
    closed: sql`r.closed_at IS NOT NULL`,
    accepted_closed: sql`r.accepted_at IS NOT NULL AND r.closed_at IS NOT NULL`,
    // Decided by what is recorded; a clock running past its deadline is added when read.
    ack_decided: sql`ka.met_at IS NOT NULL OR ka.breached_at IS NOT NULL`,
    ack_met: sql`ka.met_at IS NOT NULL AND ka.met_at <= ka.due AND ka.breached_at IS NULL`,
    feedback_decided: sql`kf.met_at IS NOT NULL OR kf.breached_at IS NOT NULL`,
    feedback_met: sql`kf.met_at IS NOT NULL AND kf.met_at <= kf.due AND kf.breached_at IS NULL`,
    resolve_decided: sql`kr.met_at IS NOT NULL OR kr.breached_at IS NOT NULL`,
    resolve_met: sql`kr.met_at IS NOT NULL AND kr.met_at <= kr.due AND kr.breached_at IS NULL`,
    answered: sql`r.accepted_at IS NOT NULL AND r.resolve_done_at IS NOT NULL`,
    followed_up: sql`r.accepted_at IS NOT NULL AND r.resolve_done_at IS NOT NULL AND r.follow_ups > 0`,
    rated: sql`r.last_satisfaction IS NOT NULL`,
    satisfied: sql`r.last_satisfaction >= ${satisfiedFrom}`,
    with_finding: sql`c.type = 'complaint' AND r.finding IS NOT NULL`,
    valid: sql`c.type = 'complaint' AND r.finding = 'valid'`,
    repeats: isRepeatComplaint,
    handled_with_days: sql`r.closed_at IS NOT NULL AND r.handling_days IS NOT NULL`,
  };
}

/** A case's `report_counted` row computed from its projection, facts and clocks; `shift`: the desk's UTC offset as SQLite's modifier (shiftOf). */
export function countedSelect(shift: string, where: RawBuilder<unknown>) {
  const predicates = countPredicates();
  // Intake where the case was registered, handling where it is held (db/queries/transferCounting.ts).
  const bits = countBits.map(
    (name, i) => sql`((coalesce(${predicates[name]}, 0) AND ${name === 'complaints' ? intakeHere : handledHere}) << ${sql.lit(i)})`,
  );
  const late = ['ka', 'kf', 'kr'].map(
    (k) => sql`coalesce(${sql.ref(`${k}.breached_at`)} IS NOT NULL OR ${sql.ref(`${k}.met_at`)} > ${sql.ref(`${k}.due`)}, 0)`,
  );
  return sql<CountedRow>`
    SELECT c.seqno AS case_seqno, c.received_at,
      strftime('%Y-%m-%d', c.received_at, ${shift}) AS day,
      c.complainant_phone AS phone, c.confidential,
      json_extract(c.respondent, '$.userId') AS respondent_user,
      coalesce(r.merged = 0, 0) AS counted,
      coalesce(c.category_id, '') AS category, coalesce(c.department_id, '') AS department,
      c.channel, c.severity, c.type, c.status,
      coalesce(json_extract(c.respondent, '$.departmentId'), '') AS respondent_department,
      coalesce(json_extract(c.respondent, '$.person'), '') AS respondent_person,
      coalesce(c.handler_id, '') AS handler,
      (${sql.join(bits, sql` | `)}) | ((${sql.join(late, sql` OR `)}) << ${sql.lit(lateBit)})
        | ((NOT ${intakeHere}) << ${sql.lit(intakeElsewhereBit)}) AS flags,
      CASE WHEN r.closed_at IS NOT NULL THEN r.handling_days END AS handling_days
    FROM cases c LEFT JOIN case_report_facts r ON r.case_seqno = c.seqno
      LEFT JOIN case_clocks ka ON ka.case_seqno = c.seqno AND ka.clock = 0
      LEFT JOIN case_clocks kf ON kf.case_seqno = c.seqno AND kf.clock = 1
      LEFT JOIN case_clocks kr ON kr.case_seqno = c.seqno AND kr.clock = 2
    WHERE ${where}`;
}
