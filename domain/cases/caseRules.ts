import { type CaseActionType, canApply, caseActionTypes } from './caseMachine.ts';
import type { CaseState } from './projection.ts';
import type { Role } from './vocabulary.ts';

/** The signed-in user as the case rules see them. */
export interface CaseActor {
  id: string;
  roles: readonly Role[];
  departmentIds: readonly string[];
}

export interface RuleContext {
  now: Date;
  /** How long after closing a complainant may still ask for a review (复核), in calendar days. */
  reviewWindowDays: number;
}

/** Why an action is refused: a message key (namespace `handling`) and the envelope code to answer. */
export interface Refusal {
  code: 'invalid_transition' | 'forbidden';
  key: string;
  values?: Record<string, string | number>;
}

/** Options of an action that change who may take it. */
export interface ActionOptions {
  /** close: a supervisor closes without the follow-up the finding asks for. */
  override?: boolean | undefined;
}

const has = (actor: CaseActor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
const isSupervisor = (actor: CaseActor) => has(actor, 'supervisor', 'director');
const inLeadDepartment = (actor: CaseActor, state: CaseState) =>
  state.departmentId !== null && actor.departmentIds.includes(state.departmentId);
const inAnyDepartment = (actor: CaseActor, state: CaseState) =>
  inLeadDepartment(actor, state) || state.coDepartmentIds.some((d) => actor.departmentIds.includes(d));
/** The case's handler, or a handler of its lead department (a colleague covering). */
const worksCase = (actor: CaseActor, state: CaseState) =>
  state.handlerId === actor.id || (has(actor, 'handler') && inLeadDepartment(actor, state));
/** Everyone with a part in the case: desk staff, supervisors and the departments it was routed to. */
const involved = (actor: CaseActor, state: CaseState) =>
  has(actor, 'receptionist', 'supervisor', 'director') || worksCase(actor, state) || inAnyDepartment(actor, state);
const desk = (actor: CaseActor) => has(actor, 'receptionist', 'supervisor', 'director');

/** Who may take each action, by role and by their relation to the case. */
const who: Record<CaseActionType, (actor: CaseActor, state: CaseState) => boolean> = {
  accept: desk,
  decline: desk,
  resolveOnSpot: desk,
  redirect: desk,
  assign: isSupervisor,
  startInvestigation: (a, s) => worksCase(a, s) || isSupervisor(a),
  note: involved,
  contact: involved,
  propose: (a, s) => worksCase(a, s) || isSupervisor(a),
  // A major case's resolution needs a director (分管领导); others a supervisor or a director.
  approve: (a, s) => (s.severity === 'major' ? has(a, 'director') : isSupervisor(a)),
  sendBack: (a, s) => (s.severity === 'major' ? has(a, 'director') : isSupervisor(a)),
  respond: (a, s) => worksCase(a, s) || isSupervisor(a),
  // Follow-up visits are made by the desk, not by the department that handled the case.
  followUp: desk,
  close: desk,
  review: desk,
  escalate: involved,
  correct: desk,
  archive: isSupervisor,
  link: involved,
  merge: desk,
  // One extension per case, granted by a supervisor (issue 5); pausing is for whoever works the case.
  extend: isSupervisor,
  pause: involved,
  resume: involved,
  // To another site of the group: a supervisor's decision, like a re-assignment.
  transfer: isSupervisor,
};

/** What the finding asks for before the case may close. */
export function closingNeeds(state: CaseState): 'satisfiedFollowUp' | 'acceptedExplanation' | null {
  if (state.type !== 'complaint' || state.mergedInto) return null;
  if (state.finding === 'valid') return 'satisfiedFollowUp';
  if (state.finding === 'toImprove') return 'acceptedExplanation';
  return null;
}

/** True when the case may close on the finding's own terms, without a supervisor's override. */
export function closingMet(state: CaseState): boolean {
  const needs = closingNeeds(state);
  if (needs === 'satisfiedFollowUp') return state.followUpSatisfied;
  if (needs === 'acceptedExplanation') return state.followUpSatisfied || state.explanationAccepted;
  return true;
}

const refuse = (key: string, values?: Refusal['values']): Refusal => ({
  code: 'invalid_transition',
  key: `handling:refusal.${key}`,
  ...(values ? { values } : {}),
});
const forbid = (key: string): Refusal => ({ code: 'forbidden', key: `handling:refusal.${key}` });

/** Conditions beyond the state and the role, checked after both. */
function guard(action: CaseActionType, state: CaseState, actor: CaseActor, ctx: RuleContext, options: ActionOptions): Refusal | null {
  switch (action) {
    case 'approve':
    case 'sendBack':
      if (state.proposalState !== 'pending') return refuse('noPendingProposal');
      if (state.proposedBy === actor.id) return refuse('ownProposal');
      return null;
    case 'respond':
      if (state.status === 'awaiting_approval' && state.proposalState !== 'approved') return refuse('notApproved');
      if (state.status === 'investigating' && state.type === 'complaint') return refuse('complaintNeedsApproval');
      return null;
    case 'close':
      if (closingMet(state)) return null;
      if (!options.override) {
        return refuse(closingNeeds(state) === 'satisfiedFollowUp' ? 'needsSatisfiedFollowUp' : 'needsAcceptedExplanation');
      }
      return isSupervisor(actor) ? null : forbid('overrideSupervisorOnly');
    case 'review': {
      if (state.mergedInto) return refuse('mergedCase', { number: state.mergedInto.number });
      const closedMs = state.closedAt ? Date.parse(state.closedAt) : 0;
      if (ctx.now.getTime() > closedMs + ctx.reviewWindowDays * 86_400_000) {
        return refuse('reviewWindowPassed', { days: ctx.reviewWindowDays });
      }
      return null;
    }
    case 'escalate':
      if (state.severity === 'general') return refuse('escalateMajorOnly');
      if (state.escalatedAt) return refuse('alreadyEscalated');
      return null;
    case 'merge':
      return state.mergedInto ? refuse('mergedCase', { number: state.mergedInto.number }) : null;
    case 'extend':
      return state.extended ? { code: 'invalid_transition', key: 'deadlines:errors.alreadyExtended' } : null;
    case 'pause':
      return state.pausedSince ? { code: 'invalid_transition', key: 'deadlines:errors.alreadyPaused' } : null;
    case 'resume':
      return state.pausedSince ? null : { code: 'invalid_transition', key: 'deadlines:errors.notPaused' };
    default:
      return null;
  }
}

/**
 * Whether `actor` may take `action` on the case now, and if not, why: first the state, then the
 * role and the actor's relation to the case, then the action's own conditions.
 */
export function checkAction(
  state: CaseState,
  action: CaseActionType,
  actor: CaseActor,
  ctx: RuleContext,
  options: ActionOptions = {},
): Refusal | null {
  // Another site of the group took the case over (转办): its history is kept here, read-only.
  if (state.status === 'transferred_out') return refuse('transferredOut', { site: state.heldBy?.name ?? '' });
  if (!canApply(state.status, action)) return refuse('state', { action, status: state.status });
  if (action === 'approve' || action === 'sendBack') {
    if (state.severity === 'major' && isSupervisor(actor) && !has(actor, 'director')) return forbid('majorNeedsDirector');
  }
  if (!who[action](actor, state)) return forbid('notYours');
  return guard(action, state, actor, ctx, options);
}

/**
 * The actions this user may take now, for the case page's buttons. `close` counts when the
 * user could close with an override.
 */
export function permittedActions(state: CaseState, actor: CaseActor, ctx: RuleContext): CaseActionType[] {
  return caseActionTypes.filter(
    (action) =>
      checkAction(state, action, actor, ctx) === null ||
      (action === 'close' && checkAction(state, action, actor, ctx, { override: true }) === null),
  );
}
