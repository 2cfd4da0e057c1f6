import { addCalendarDays, localDateOf } from '../deadlines/workingCalendar.ts';

/**
 * Report periods in the desk's local calendar, as half-open UTC ranges [from, to) that the
 * store compares with received_at.
 */
export interface Range {
  from: string;
  to: string;
}

export const analysisPeriods = ['month', 'quarter', 'halfYear', 'year'] as const;
export type AnalysisPeriod = (typeof analysisPeriods)[number];

/** An analysis period: `index` is the month (1..12), quarter (1..4), half (1..2) or 1 for the year. */
export interface PeriodRef {
  kind: AnalysisPeriod;
  year: number;
  index: number;
}

const monthsOf: Record<AnalysisPeriod, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

/** The instant a local date begins. */
export function startOfLocalDate(date: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - utcOffsetMinutes * 60_000).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${pad(m)}-01`;
}

export function periodRange(p: PeriodRef, utcOffsetMinutes: number): Range {
  const months = monthsOf[p.kind];
  const firstMonth = (p.index - 1) * months + 1;
  return {
    from: startOfLocalDate(monthStart(p.year, firstMonth), utcOffsetMinutes),
    to: startOfLocalDate(monthStart(p.year, firstMonth + months), utcOffsetMinutes),
  };
}

export function isValidPeriod(p: PeriodRef): boolean {
  return Number.isInteger(p.index) && p.index >= 1 && p.index <= 12 / monthsOf[p.kind];
}

/** The period just before: March before April, Q4 of last year before Q1. */
export function previousPeriod(p: PeriodRef): PeriodRef {
  const count = 12 / monthsOf[p.kind];
  return p.index > 1 ? { ...p, index: p.index - 1 } : { ...p, year: p.year - 1, index: count };
}

export function samePeriodLastYear(p: PeriodRef): PeriodRef {
  return { ...p, year: p.year - 1 };
}

export const dashboardSpans = ['today', 'week', 'month'] as const;
export type DashboardSpan = (typeof dashboardSpans)[number];

/** Today, this week (from Monday) or this month so far, ending at the end of today. */
export function spanRange(span: DashboardSpan, now: Date, utcOffsetMinutes: number): Range {
  const today = localDateOf(now, utcOffsetMinutes);
  const to = startOfLocalDate(addCalendarDays(today, 1), utcOffsetMinutes);
  if (span === 'today') return { from: startOfLocalDate(today, utcOffsetMinutes), to };
  if (span === 'week') {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    return { from: startOfLocalDate(addCalendarDays(today, -weekday), utcOffsetMinutes), to };
  }
  return { from: startOfLocalDate(`${today.slice(0, 7)}-01`, utcOffsetMinutes), to };
}

/** The period containing a local date (for "this month" defaults). */
export function periodContaining(kind: AnalysisPeriod, date: string): PeriodRef {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { kind, year, index: Math.floor((month - 1) / monthsOf[kind]) + 1 };
}

/** More buckets than this are not filled in: a trend over years reads by month anyway. */
const maxFilledBuckets = 400;

/**
 * Every day (`2025-11-03`), week (its Monday) or month (`2025-11`) bucket a range touches, in
 * order, so a trend shows quiet days as zero instead of leaving them out; null beyond
 * `maxFilledBuckets`. The keys are those the store's grouping writes (db/queries/reports.ts).
 */
export function timeBucketKeys(range: Range, bucket: 'day' | 'week' | 'month', utcOffsetMinutes: number): string[] | null {
  const first = localDateOf(range.from, utcOffsetMinutes);
  const last = localDateOf(new Date(Date.parse(range.to) - 1), utcOffsetMinutes);
  if (last < first) return [];
  const keys: string[] = [];
  if (bucket === 'month') {
    for (let m = first.slice(0, 7); m <= last.slice(0, 7); m = monthStart(Number(m.slice(0, 4)), Number(m.slice(5, 7)) + 1).slice(0, 7)) {
      keys.push(m);
      if (keys.length > maxFilledBuckets) return null;
    }
    return keys;
  }
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = bucket === 'week' ? addCalendarDays(first, -weekday) : first;
  for (let d = start; d <= last; d = addCalendarDays(d, bucket === 'week' ? 7 : 1)) {
    keys.push(d);
    if (keys.length > maxFilledBuckets) return null;
  }
  return keys;
}
