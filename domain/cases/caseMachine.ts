import type { CaseEventType } from './events.ts';
import type { CaseStatus } from './vocabulary.ts';

/** The actions a user can take on a case; each records one event of the same meaning. */
export const caseActionTypes = ['accept', 'decline'] as const;
export type CaseActionType = (typeof caseActionTypes)[number];

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  event: CaseEventType;
}

/** DESIGN.md §5. Later issues add the rest of the lifecycle here. */
const transitions: Record<CaseActionType, Transition> = {
  accept: { from: ['registered'], to: 'accepted', event: 'accepted' },
  decline: { from: ['registered'], to: 'declined', event: 'declined' },
};

export function allowedActions(status: CaseStatus): CaseActionType[] {
  return caseActionTypes.filter((action) => transitions[action].from.includes(status));
}

export function canApply(status: CaseStatus, action: CaseActionType): boolean {
  return transitions[action].from.includes(status);
}

/** The state a case reaches by an action, or null when the action is not allowed from `status`. */
export function nextStatus(status: CaseStatus, action: CaseActionType): CaseStatus | null {
  return canApply(status, action) ? transitions[action].to : null;
}

export function eventOf(action: CaseActionType): CaseEventType {
  return transitions[action].event;
}

/** The status each event type leaves a case in, for rebuilding the projection from the log. */
export function statusAfter(event: CaseEventType): CaseStatus {
  if (event === 'registered') return 'registered';
  const transition = Object.values(transitions).find((t) => t.event === event);
  if (!transition) throw new Error(`no transition records event ${event}`);
  return transition.to;
}
