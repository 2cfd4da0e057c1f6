import type { ClockName } from './deadline.ts';

/**
 * 按时 (on time), per clock: THE definition, used by the case page (a met clock shown as met
 * or met late), the deadline report (`reports.onTime`), the dashboard, the analysis and the
 * performance review; the SQL in db/queries/reports.ts counts the same (core/test/
 * reportsMirror.test.ts proves it) and the user manual says it in words ("Analysis figures").
 *
 * A clock is read as the deadline engine keeps it (case_clocks): its due time (moved by an
 * extension or a pause, frozen once met), when it was met, when a breach was recorded.
 * - on time: met by its due time, and no breach recorded;
 * - late: met after its due time, or a breach recorded (which stays, also after an extension
 *   moved the due time), or not met and its due time has passed;
 * - running: none of these yet; not counted in a rate.
 */
export interface JudgedClock {
  due: string;
  metAt: string | null;
  breachedAt: string | null;
}

export type ClockOutcome = 'onTime' | 'late' | 'running';

export function clockOutcome(clock: JudgedClock, now: string): ClockOutcome {
  if (clock.metAt !== null && clock.metAt <= clock.due && clock.breachedAt === null) return 'onTime';
  if (clock.metAt !== null || clock.breachedAt !== null || clock.due < now) return 'late';
  return 'running';
}

export interface OnTimeRate {
  /** Clocks on time. */
  onTime: number;
  /** Clocks late (see `clockOutcome`). */
  late: number;
  /** onTime / (onTime + late), or null when no clock has come to a decision yet. */
  rate: number | null;
}

/** The on-time rate per clock over a set of clocks; running clocks are left out. */
export function onTimeRates(clocks: readonly (JudgedClock & { clock: ClockName })[], now: string): Record<ClockName, OnTimeRate> {
  const result: Record<ClockName, OnTimeRate> = {
    acknowledge: { onTime: 0, late: 0, rate: null },
    feedback: { onTime: 0, late: 0, rate: null },
    resolve: { onTime: 0, late: 0, rate: null },
  };
  for (const c of clocks) {
    const outcome = clockOutcome(c, now);
    if (outcome !== 'running') result[c.clock][outcome]++;
  }
  for (const r of Object.values(result)) r.rate = r.onTime + r.late === 0 ? null : r.onTime / (r.onTime + r.late);
  return result;
}
