import type { Deadlines } from '../cases/events.ts';
import type { CaseStatus, Severity } from '../cases/vocabulary.ts';
import type { ClockRecord } from './caseClocks.ts';
import type { ClockName } from './deadline.ts';
import { clockOutcome } from './onTime.ts';

/** A deadline this close counts as due soon on the board and in the inbox. */
export const dueSoonMs = 48 * 3_600_000;

export type DeadlineStatus = 'overdue' | 'dueSoon' | 'onTime';

/**
 * The deadline a case is working towards now: acknowledging a registered case, the first
 * feedback until the complainant has had an answer, then resolving. A finished case has none.
 */
export function currentClock(status: CaseStatus, firstRespondedAt: string | null): ClockName | null {
  switch (status) {
    case 'registered':
      return 'acknowledge';
    case 'accepted':
    case 'investigating':
    case 'awaiting_approval':
      return firstRespondedAt ? 'resolve' : 'feedback';
    case 'responded':
      return 'resolve';
    default:
      return null;
  }
}

/** The instant of the current clock (see currentClock). */
export function currentDeadline(status: CaseStatus, deadlines: Deadlines, firstRespondedAt: string | null): string | null {
  const clock = currentClock(status, firstRespondedAt);
  return clock ? deadlines[clock] : null;
}

/**
 * `dueSoonBefore`: the desk's "warn ahead" setting as an instant (the end of the N-th working
 * day from today, computed by the core from the calendar); without it, the next 48 hours.
 */
export function deadlineStatus(dueAt: string | null, now: Date, dueSoonBefore?: string): DeadlineStatus | null {
  if (dueAt === null) return null;
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  if (dueSoonBefore !== undefined) return dueAt <= dueSoonBefore ? 'dueSoon' : 'onTime';
  return left <= dueSoonMs ? 'dueSoon' : 'onTime';
}

export type ClockStatus = 'met' | 'metLate' | 'overdue' | 'dueSoon' | 'running' | 'paused';

/**
 * Where a clock stands at `now`. `dueSoonBefore` is the instant up to which a running clock
 * counts as due soon (the end of the threshold's working day, computed by the core from the
 * calendar and the desk's setting).
 */
export function clockStatus(clock: ClockRecord, now: string, dueSoonBefore: string, pausedSince: string | null): ClockStatus {
  if (clock.metAt) return clockOutcome(clock, now) === 'onTime' ? 'met' : 'metLate';
  if (clock.due < now) return 'overdue';
  if (pausedSince) return 'paused';
  return clock.due <= dueSoonBefore ? 'dueSoon' : 'running';
}

export interface DeadlineAlert {
  level: 'overdue' | 'dueSoon' | 'paused';
  /** The most pressing clock: the earliest overdue one, else the earliest due soon. */
  clock: ClockName;
  due: string;
  /** A major or urgent case whose report/acknowledgement hours ran out before anyone acted. */
  majorUnreported: boolean;
}

/** The alert a case shows on the board, the list and its page, or null when all is on track. */
export function deadlineAlertOf(
  clocks: readonly ClockRecord[],
  severity: Severity,
  now: string,
  dueSoonBefore: string,
  pausedSince: string | null,
): DeadlineAlert | null {
  const ack = clocks.find((c) => c.clock === 'acknowledge');
  const majorUnreported = severity !== 'general' && !!ack && (ack.metAt ? ack.metAt > ack.due : ack.due < now);
  const byDue = [...clocks].sort((a, b) => a.due.localeCompare(b.due));
  const statuses = byDue.map((c) => ({ c, s: clockStatus(c, now, dueSoonBefore, pausedSince) }));
  const pick = (level: 'overdue' | 'dueSoon' | 'paused') => statuses.find((x) => x.s === level)?.c;
  for (const level of ['overdue', 'dueSoon', 'paused'] as const) {
    const c = pick(level);
    if (c) return { level, clock: c.clock, due: c.due, majorUnreported };
  }
  return majorUnreported ? { level: 'overdue', clock: 'acknowledge', due: ack?.due ?? now, majorUnreported } : null;
}

/** What a case's deadline badge speaks of: one clock, its due time and where it stands. */
export interface ShownDeadline {
  level: 'overdue' | 'dueSoon' | 'paused' | 'onTime';
  clock: ClockName | null;
  due: string;
  majorUnreported: boolean;
}

/**
 * The deadline a case's badge shows: the most pressing clock when one is overdue, due soon or
 * paused (its alert), else the clock running now. Badge and date always speak of the same
 * clock, never "due soon" beside another clock's date.
 */
export function shownDeadline(c: {
  dueAt: string | null;
  dueClock: ClockName | null;
  deadlineStatus: DeadlineStatus | null;
  deadlineAlert?: DeadlineAlert | null | undefined;
}): ShownDeadline | null {
  const alert = c.deadlineAlert;
  if (alert) return { level: alert.level, clock: alert.clock, due: alert.due, majorUnreported: alert.majorUnreported };
  if (!c.dueAt || !c.deadlineStatus) return null;
  return { level: c.deadlineStatus, clock: c.dueClock, due: c.dueAt, majorUnreported: false };
}
