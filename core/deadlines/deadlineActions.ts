import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import type { extendAction, pauseAction, resumeAction } from '../../domain/api/deadlineSchemas.ts';
import type { CaseEvent, CaseEventData } from '../../domain/cases/events.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import { breachesDue, foldCaseClocks, runningClocks } from '../../domain/deadlines/caseClocks.ts';
import { departmentCountOf, replayDeadlines, sameDeadlines } from '../../domain/deadlines/caseDeadlines.ts';
import { extendDeadlines, shiftForPause } from '../../domain/deadlines/deadline.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import { loadSettings } from '../settings.ts';
import { deskTimeOf } from './deskTime.ts';
import { policyFor } from './policies.ts';

export type DeadlineAction = z.output<typeof extendAction> | z.output<typeof pauseAction> | z.output<typeof resumeAction>;

/**
 * The event a deadline action records. An extension is granted once per case, by a
 * supervisor, and moves the promised dates; a pause stops the clocks until the case resumes.
 */
export async function deadlineActionEvent(
  ctx: DeskContext,
  trx: Kysely<Database>,
  args: { action: DeadlineAction; state: CaseState; history: readonly CaseEvent[] },
): Promise<CaseEventData> {
  const { action, state } = args;
  const time = await deskTimeOf(ctx, trx);
  const running = runningClocks(foldCaseClocks(args.history).clocks);
  switch (action.type) {
    case 'extend': {
      // Who may extend, and only once, is decided by the case rules (caseRules.ts) before this.
      const moved = extendDeadlines(state.deadlines, action.workingDays, time);
      // Clocks already met keep the date they were met against.
      const deadlines = { ...moved };
      if (!running.includes('feedback')) deadlines.feedback = state.deadlines.feedback;
      if (!running.includes('resolve')) deadlines.resolve = state.deadlines.resolve;
      if (!running.includes('feedback') && !running.includes('resolve')) {
        throw new DeskError('conflict', { key: 'deadlines:errors.nothingToExtend' });
      }
      return {
        type: 'extended',
        payload: { workingDays: action.workingDays, reason: action.reason, deadlines, previous: state.deadlines },
      };
    }
    case 'pause':
      return { type: 'paused', payload: { reason: action.reason, pausedAt: ctx.now().toISOString() } };
    case 'resume':
      if (!state.pausedSince) throw new DeskError('invalid_transition', { key: 'deadlines:errors.notPaused' });
      return resumption(ctx, trx, state, args.history, { reason: action.reason });
  }
}

/** The clocks run again from now: the running ones move by the time the pause took. */
async function resumption(
  ctx: DeskContext,
  trx: Kysely<Database>,
  state: CaseState,
  history: readonly CaseEvent[],
  why: { reason?: string | undefined; trigger?: 'contacted' },
): Promise<CaseEventData> {
  const pausedAt = state.pausedSince ?? ctx.now().toISOString();
  const { profile } = await loadSettings(trx);
  const policy = await policyFor(trx, profile, state.type, state.severity);
  const time = await deskTimeOf(ctx, trx);
  const running = runningClocks(foldCaseClocks(history).clocks);
  const resumedAt = ctx.now().toISOString();
  const deadlines = shiftForPause(state.deadlines, policy, { pausedAt, resumedAt }, running, time);
  return { type: 'resumed', payload: { ...why, resumedAt, deadlines, previous: state.deadlines } };
}

/**
 * What an action means for the deadlines besides itself: a new severity or a new number of
 * departments gives new deadlines, recorded as their own event so the history says so.
 */
export async function deadlineFollowUps(
  ctx: DeskContext,
  trx: Kysely<Database>,
  before: CaseState,
  after: CaseState,
  events: readonly CaseEvent[],
): Promise<CaseEventData[]> {
  // A clock this action met after its deadline: the breach is recorded now, not at the next sweep.
  const folded = foldCaseClocks(events);
  const late: CaseEventData[] = breachesDue(folded.clocks, ctx.now().toISOString(), folded.pausedSince)
    .filter((c) => c.metAt)
    .map((c) => ({ type: 'deadlineBreached', payload: { clock: c.clock, due: c.due, metAt: c.metAt ?? undefined } }));
  // The awaited thing arrived: a contact with the complainant recorded while paused resumes the clock.
  if (after.pausedSince && events.at(-1)?.type === 'contacted') {
    return [...late, await resumption(ctx, trx, after, events, { trigger: 'contacted' })];
  }
  const severityChanged = before.severity !== after.severity;
  const departmentsChanged = departmentCountOf(before) !== departmentCountOf(after);
  if (!severityChanged && !departmentsChanged) return late;
  return [...late, ...(await recomputation(ctx, trx, after, events, severityChanged ? 'severity' : 'departments'))];
}

/** New deadlines for a case under today's policy and calendar, as an event, or nothing when they are the same. */
export async function recomputation(
  ctx: DeskContext,
  trx: Kysely<Database>,
  state: CaseState,
  events: readonly CaseEvent[],
  reason: 'severity' | 'departments' | 'calendar',
): Promise<CaseEventData[]> {
  const { profile } = await loadSettings(trx);
  const policy = await policyFor(trx, profile, state.type, state.severity);
  const time = await deskTimeOf(ctx, trx);
  const deadlines = replayDeadlines(
    { receivedAt: state.receivedAt, policy, departmentCount: departmentCountOf(state), events, current: state.deadlines },
    time,
  );
  if (sameDeadlines(deadlines, state.deadlines)) return [];
  return [{ type: 'deadlinesRecomputed', payload: { reason, deadlines, previous: state.deadlines } }];
}
