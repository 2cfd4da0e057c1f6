import type { CaseEventData, CaseEventType } from './events.ts';
import { type CaseStatus, isSatisfied } from './vocabulary.ts';

/** The actions a user can take on a case; each records one event of the same meaning. */
export const caseActionTypes = [
  'accept',
  'decline',
  'resolveOnSpot',
  'redirect',
  'assign',
  'startInvestigation',
  'note',
  'contact',
  'propose',
  'approve',
  'sendBack',
  'respond',
  'followUp',
  'close',
  'review',
  'escalate',
  'correct',
  'archive',
  'link',
  'merge',
  'extend',
  'pause',
  'resume',
  'transfer',
] as const;
export type CaseActionType = (typeof caseActionTypes)[number];

/** A case is being worked on: counted on the board, watched by the deadlines. */
export const openStatuses = ['registered', 'accepted', 'investigating', 'awaiting_approval', 'responded'] as const satisfies CaseStatus[];
const handling = ['accepted', 'investigating', 'awaiting_approval', 'responded'] as const satisfies CaseStatus[];
const notSealed = ['registered', 'declined', ...handling, 'closed'] as const satisfies CaseStatus[];

/** `same`: the action records a fact and leaves the state as it was. */
type Target = CaseStatus | 'same' | 'byFollowUp';

interface Transition {
  from: readonly CaseStatus[];
  to: Target;
  event: CaseEventType;
}

/** The case state machine as data: from which states each action may be taken and where it leads. */
export const transitions: Readonly<Record<CaseActionType, Transition>> = {
  accept: { from: ['registered'], to: 'accepted', event: 'accepted' },
  decline: { from: ['registered'], to: 'declined', event: 'declined' },
  // Closed at the desk: the complainant accepted what was done there and then.
  resolveOnSpot: { from: ['registered'], to: 'closed', event: 'resolvedOnSpot' },
  // Not handled here: the complainant is given written guidance on where to go instead.
  redirect: { from: ['registered'], to: 'declined', event: 'redirected' },
  assign: { from: handling, to: 'same', event: 'assigned' },
  startInvestigation: { from: ['accepted'], to: 'investigating', event: 'investigationStarted' },
  note: { from: notSealed, to: 'same', event: 'noted' },
  contact: { from: ['registered', ...handling], to: 'same', event: 'contacted' },
  propose: { from: ['investigating'], to: 'awaiting_approval', event: 'proposed' },
  approve: { from: ['awaiting_approval'], to: 'same', event: 'approved' },
  sendBack: { from: ['awaiting_approval'], to: 'investigating', event: 'sentBack' },
  respond: { from: ['investigating', 'awaiting_approval'], to: 'responded', event: 'responded' },
  // A satisfied visit (or an accepted explanation) leaves the case ready to close; otherwise back to work.
  followUp: { from: ['responded'], to: 'byFollowUp', event: 'followedUp' },
  close: { from: ['responded'], to: 'closed', event: 'closed' },
  review: { from: ['closed'], to: 'investigating', event: 'reviewOpened' },
  escalate: { from: ['registered', ...handling], to: 'same', event: 'escalated' },
  correct: { from: notSealed, to: 'same', event: 'corrected' },
  archive: { from: ['closed'], to: 'archived', event: 'archived' },
  link: { from: notSealed, to: 'same', event: 'linked' },
  merge: { from: ['registered', 'accepted', 'investigating'], to: 'closed', event: 'merged' },
  // Deadline actions (issue 5): only while the clocks run; they move deadlines, not the state.
  extend: { from: openStatuses, to: 'same', event: 'extended' },
  pause: { from: openStatuses, to: 'same', event: 'paused' },
  resume: { from: openStatuses, to: 'same', event: 'resumed' },
  // To another site of the group (转办): it waits there to be accepted by one of its departments.
  transfer: { from: openStatuses, to: 'registered', event: 'transferred' },
};

export function allowedActions(status: CaseStatus): CaseActionType[] {
  return caseActionTypes.filter((action) => transitions[action].from.includes(status));
}

export function canApply(status: CaseStatus, action: CaseActionType): boolean {
  return transitions[action].from.includes(status);
}

/**
 * The state a case reaches by an action, or null when the action is not allowed from `status`.
 * A follow-up's outcome depends on the rating; it is named here as the satisfied outcome.
 */
export function nextStatus(status: CaseStatus, action: CaseActionType): CaseStatus | null {
  if (!canApply(status, action)) return null;
  const to = transitions[action].to;
  return to === 'same' || to === 'byFollowUp' ? status : to;
}

/** The status an event leaves a case in, for folding the log into the projection. */
export function statusAfter(status: CaseStatus, event: CaseEventData): CaseStatus {
  if (event.type === 'registered') return 'registered';
  // Recorded by the desk itself (deadline sweep, recomputation), never by an action.
  if (event.type === 'deadlinesRecomputed' || event.type === 'deadlineBreached') return status;
  // Facts recorded beside the lifecycle: a merged duplicate, evidence added later.
  if (event.type === 'duplicateMerged' || event.type === 'attachmentsAdded') return status;
  const transition = Object.values(transitions).find((t) => t.event === event.type);
  if (!transition) throw new Error(`no transition records event ${event.type}`);
  if (transition.to === 'same') return status;
  if (transition.to === 'byFollowUp') {
    const p = event.type === 'followedUp' ? event.payload : null;
    // Not satisfied sends the case back to work, unless the complainant accepted the explanation.
    return p && !isSatisfied(p.satisfaction) && !p.explanationAccepted ? 'investigating' : status;
  }
  return transition.to;
}

/** Facts recorded beside the lifecycle: true whatever else happened concurrently. */
const facts: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  'noted',
  'contacted',
  'linked',
  'duplicateMerged',
  'attachmentsAdded',
  'corrected',
  'escalated',
  'deadlineBreached',
  'deadlinesRecomputed',
]);

/** A fact (or the registration): true whatever else happened concurrently. */
export const isFact = (type: CaseEventType) => type === 'registered' || facts.has(type);

/**
 * Whether an event recorded on another desk, without seeing what was folded before it, is
 * still possible in the state it now meets. Facts always are; a transition is when its state
 * still allows it; a second approval of one proposal, or a send-back of an approved one, is not.
 */
export function stillPossible(status: CaseStatus, proposalState: 'pending' | 'approved' | null, event: CaseEventData): boolean {
  if (isFact(event.type)) return true;
  // An approved proposal is neither approved again nor sent back by someone who had not seen the approval.
  if ((event.type === 'approved' || event.type === 'sentBack') && proposalState === 'approved') return false;
  const transition = Object.values(transitions).find((t) => t.event === event.type);
  return transition ? transition.from.includes(status) : true;
}
