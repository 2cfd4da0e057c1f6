import type { Deadlines, ExtendedPayload, PausedPayload, ResumedPayload } from '../cases/events.ts';
import { foldCaseClocks, runningClocks } from './caseClocks.ts';
import { clockNames, computeDeadlines, type DeadlinePolicy, type DeskTime, extendDeadlines, shiftForPause } from './deadline.ts';

interface StoredEvent {
  type: string;
  at: string;
  payload: unknown;
}

/** How many departments handle a case: the lead one and those working with it. */
export function departmentCountOf(state: { departmentId: string | null; coDepartmentIds: readonly string[] }): number {
  return (state.departmentId ? 1 : 0) + state.coDepartmentIds.filter((d) => d !== state.departmentId).length;
}

/**
 * A case's deadlines computed afresh from its receipt (for a new severity, a new number of
 * departments, or a new calendar), then moved by its extension and its pauses in the order
 * they happened. Clocks already met keep the due time they were met against.
 */
export function replayDeadlines(
  input: { receivedAt: string; policy: DeadlinePolicy; departmentCount: number; events: readonly StoredEvent[]; current: Deadlines },
  time: DeskTime,
): Deadlines {
  const running = runningClocks(foldCaseClocks(input.events).clocks);
  let d = computeDeadlines(input.receivedAt, input.policy, time, input.departmentCount);
  let pausedAt: string | null = null;
  for (const e of input.events) {
    if (e.type === 'extended') d = extendDeadlines(d, (e.payload as ExtendedPayload).workingDays, time);
    if (e.type === 'paused') pausedAt = (e.payload as PausedPayload).pausedAt;
    if (e.type === 'resumed' && pausedAt) {
      d = shiftForPause(d, input.policy, { pausedAt, resumedAt: (e.payload as ResumedPayload).resumedAt }, running, time);
      pausedAt = null;
    }
  }
  const result: Deadlines = { acknowledge: d.acknowledge, feedback: d.feedback, resolve: d.resolve };
  for (const clock of clockNames) if (!running.includes(clock)) result[clock] = input.current[clock];
  if (d.provisional) result.provisional = true;
  return result;
}

export function sameDeadlines(a: Deadlines, b: Deadlines): boolean {
  return clockNames.every((c) => a[c] === b[c]) && !!a.provisional === !!b.provisional;
}
