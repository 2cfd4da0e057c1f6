import type { Kysely } from 'kysely';
import type { CountedRow } from '../../db/queries/reportCounted.ts';
import { pendingLateClocks, type RollupRow, rollupSums } from '../../db/queries/reportRollupSums.ts';
import { type RollupDimension, rollupOffset } from '../../db/queries/reportRollups.ts';
import { type CohortFilter, cohortCube } from '../../db/queries/reports.ts';
import type { Database } from '../../db/schema.ts';
import { addCalendarDays, localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import type { Clock } from '../../domain/reports/caseFacts.ts';
import { addCounts, type FigureCounts, zeroCounts } from '../../domain/reports/figures.ts';
import type { ReportGroup } from '../../domain/reports/groups.ts';
import { type Range, startOfLocalDate } from '../../domain/reports/periods.ts';

/** A cohort's counts in all, and per key of each group asked for. */
export interface GroupCounts {
  total: FigureCounts;
  perGroup: Map<ReportGroup, Map<string | null, FigureCounts>>;
}

const timeGroups = new Set<ReportGroup>(['day', 'week', 'month']);

/** The local day's key in a time group: the day, the Monday on or before it, its month. */
function timeKey(group: ReportGroup, day: string): string {
  if (group === 'month') return day.slice(0, 7);
  if (group === 'week') return addCalendarDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  return day;
}

function addTo(perGroup: GroupCounts['perGroup'], group: ReportGroup, key: string | null, counts: FigureCounts) {
  const keys = perGroup.get(group) ?? new Map<string | null, FigureCounts>();
  perGroup.set(group, keys);
  keys.set(key, addCounts(keys.get(key) ?? zeroCounts(), counts));
}

/** Today's query: one pass over the cohort's cases (cohortCube), rolled up per group. */
export async function cubeGroupCounts(
  db: Kysely<Database>,
  f: CohortFilter,
  groups: readonly ReportGroup[],
  utcOffsetMinutes: number,
): Promise<GroupCounts> {
  const cube = await cohortCube(db, f, groups, utcOffsetMinutes);
  const total = zeroCounts();
  const perGroup: GroupCounts['perGroup'] = new Map(groups.map((g) => [g, new Map()]));
  for (const row of cube) {
    addCounts(total, row.counts);
    for (const [i, group] of groups.entries()) addTo(perGroup, group, row.keys[i] ?? null, row.counts);
  }
  return { total, perGroup };
}

const countsOfRollup = (c: RollupRow['counts']): FigureCounts => ({
  registered: c.registered,
  complaints: c.complaints,
  accepted: c.accepted,
  declined: c.declined,
  closed: c.closed,
  acceptedClosed: c.accepted_closed,
  clockDecided: { acknowledge: c.ack_decided, feedback: c.feedback_decided, resolve: c.resolve_decided },
  clockMet: { acknowledge: c.ack_met, feedback: c.feedback_met, resolve: c.resolve_met },
  answered: c.answered,
  followedUp: c.followed_up,
  rated: c.rated,
  satisfied: c.satisfied,
  withFinding: c.with_finding,
  valid: c.valid,
  repeats: c.repeats,
  handledWithDays: c.handled_with_days,
  handlingDaysTotal: c.handling_days_total,
});

/** The key a kept case row has in a non-time group. */
function keyOf(row: CountedRow, group: Exclude<RollupDimension, 'all'>): string | null {
  const column = {
    category: row.category,
    department: row.department,
    channel: row.channel,
    severity: row.severity,
    type: row.type,
    status: row.status,
    respondentDepartment: row.respondent_department,
    respondentPerson: row.respondent_person,
    handler: row.handler,
  }[group];
  return column === '' ? null : column;
}

/**
 * The counts of the cases received in `range`: its whole local days from the roll-ups (plus the
 * clocks running past their deadline as of `now`, which no event has decided yet), its partial
 * days at either end from the cases themselves. The same counts as cubeGroupCounts over the
 * whole range (core/test/reportRollups.test.ts); that is also the way when the roll-ups are not
 * built for this UTC offset, or one department's cases are asked for.
 */
export async function cohortGroupCounts(
  db: Kysely<Database>,
  range: Range,
  now: string,
  groups: readonly ReportGroup[],
  utcOffsetMinutes: number,
  departmentId?: string,
): Promise<GroupCounts> {
  const whole = { fromDay: localDateOf(range.from, utcOffsetMinutes), toDay: localDateOf(range.to, utcOffsetMinutes) };
  if (startOfLocalDate(whole.fromDay, utcOffsetMinutes) < range.from) whole.fromDay = addCalendarDays(whole.fromDay, 1);
  const middle = { from: startOfLocalDate(whole.fromDay, utcOffsetMinutes), to: startOfLocalDate(whole.toDay, utcOffsetMinutes) };
  if (departmentId || middle.from >= middle.to || (await rollupOffset(db)) !== utcOffsetMinutes) {
    return cubeGroupCounts(db, { ...range, now, departmentId }, groups, utcOffsetMinutes);
  }
  const result: GroupCounts = { total: zeroCounts(), perGroup: new Map(groups.map((g) => [g, new Map()])) };
  const edges = [
    { from: range.from, to: middle.from },
    { from: middle.to, to: range.to },
  ].filter((e) => e.from < e.to);
  for (const edge of edges) {
    const part = await cubeGroupCounts(db, { ...edge, now }, groups, utcOffsetMinutes);
    addCounts(result.total, part.total);
    for (const [group, keys] of part.perGroup) for (const [key, counts] of keys) addTo(result.perGroup, group, key, counts);
  }
  const keyed = groups.filter((g): g is Exclude<RollupDimension, 'all'> & ReportGroup => !timeGroups.has(g));
  for (const row of await rollupSums(db, whole.fromDay, whole.toDay, ['all', ...keyed])) {
    const counts = countsOfRollup(row.counts);
    if (row.dimension === 'all') {
      addCounts(result.total, counts);
      for (const group of groups) if (timeGroups.has(group) && row.day) addTo(result.perGroup, group, timeKey(group, row.day), counts);
    } else addTo(result.perGroup, row.dimension as ReportGroup, row.key, counts);
  }
  // A clock past its deadline with no breach recorded yet is decided (late) as of now.
  for (const late of await pendingLateClocks(db, middle.from, middle.to, now)) {
    const counts = zeroCounts();
    counts.clockDecided[late.clock as Clock] = 1;
    addCounts(result.total, counts);
    for (const group of groups) {
      const key = timeGroups.has(group) ? timeKey(group, late.day) : keyOf(late, group as Exclude<RollupDimension, 'all'>);
      addTo(result.perGroup, group, key, counts);
    }
  }
  return result;
}
