import type { Deadlines } from '../cases/events.ts';
import { type ClockName, clockNames } from './deadline.ts';

/**
 * Which events meet which clock: acknowledging is deciding whether
 * to accept (or, for a major case, reporting it); first feedback is the first contact with
 * the complainant about the matter; resolving is the reply. A decision at the desk that
 * answers the complainant there and then (declined, redirected with guidance, resolved on
 * the spot) meets all three. The reports read the same list (domain/reports/caseFacts.ts).
 */
const deskAnswers = ['declined', 'redirected', 'resolvedOnSpot'] as const;
export const clockMetBy: Record<ClockName, readonly string[]> = {
  acknowledge: ['accepted', ...deskAnswers, 'escalated', 'contacted', 'responded', 'closed', 'merged'],
  feedback: [...deskAnswers, 'contacted', 'responded', 'closed', 'merged'],
  resolve: [...deskAnswers, 'responded', 'closed', 'merged'],
};

/** Events whose payload carries the case's new deadlines. */
const carriesDeadlines = new Set(['registered', 'extended', 'resumed', 'deadlinesRecomputed']);

export interface ClockRecord {
  clock: ClockName;
  due: string;
  metAt: string | null;
  breachedAt: string | null;
}

export interface CaseClocks {
  clocks: ClockRecord[];
  provisional: boolean;
  pausedSince: string | null;
  extended: boolean;
}

interface StoredEvent {
  type: string;
  at: string;
  payload: unknown;
}

/**
 * The clocks of a case folded from its history: the due time of each (frozen once the clock
 * is met, so a later extension or pause never rewrites whether it was met on time), when it
 * was met, and when a breach was recorded.
 */
export function foldCaseClocks(events: readonly StoredEvent[]): CaseClocks {
  const clocks = new Map<ClockName, ClockRecord>();
  let provisional = false;
  let pausedSince: string | null = null;
  let extended = false;
  for (const e of events) {
    const payload = e.payload as { deadlines?: Deadlines; clock?: ClockName; pausedAt?: string };
    if (carriesDeadlines.has(e.type) && payload.deadlines) {
      provisional = payload.deadlines.provisional === true;
      for (const clock of clockNames) {
        const record = clocks.get(clock);
        if (!record) clocks.set(clock, { clock, due: payload.deadlines[clock], metAt: null, breachedAt: null });
        else if (!record.metAt) record.due = payload.deadlines[clock];
      }
    }
    if (e.type === 'extended') extended = true;
    if (e.type === 'paused') pausedSince = payload.pausedAt ?? e.at;
    if (e.type === 'resumed') pausedSince = null;
    if (e.type === 'deadlineBreached' && payload.clock) {
      const record = clocks.get(payload.clock);
      if (record && !record.breachedAt) record.breachedAt = e.at;
    }
    for (const clock of clockNames) {
      const record = clocks.get(clock);
      if (record && !record.metAt && clockMetBy[clock].includes(e.type)) record.metAt = e.at;
    }
  }
  return { clocks: clockNames.flatMap((c) => clocks.get(c) ?? []), provisional, pausedSince, extended };
}

/** Clocks still running: not met yet. */
export function runningClocks(clocks: readonly ClockRecord[]): ClockName[] {
  return clocks.filter((c) => !c.metAt).map((c) => c.clock);
}

/**
 * Clocks whose breach should now be recorded: due before `now` and not met in time, with no
 * breach recorded yet. A clock met late (the desk was switched off at the due time) is a
 * breach too; a paused case records no new breach until it resumes.
 */
export function breachesDue(clocks: readonly ClockRecord[], now: string, pausedSince: string | null): ClockRecord[] {
  return clocks.filter((c) => {
    if (c.breachedAt) return false;
    if (c.metAt) return c.metAt > c.due;
    return !pausedSince && c.due < now;
  });
}
