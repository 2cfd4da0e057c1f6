import type { CaseActionType } from '../cases/caseMachine.ts';
import type { Role } from '../cases/vocabulary.ts';
import { caseActionRoles, hasCapability } from './permissions.ts';

/** The signed-in person as the rules need them. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  departmentIds: readonly string[];
}

/** What of a case decides who may see and handle it. */
export interface CaseFacts {
  /** The user complained about (respondent.userId), who must recuse (回避). */
  respondentUserId: string | null;
  departmentId: string | null;
  coDepartmentIds: readonly string[];
  handlerId: string | null;
  confidential: boolean;
}

export type CaseRefusal = 'recused' | 'notYourDepartment' | 'roleMayNot';
export type Verdict = { ok: true } | { ok: false; reason: CaseRefusal };

const yes: Verdict = { ok: true };
const no = (reason: CaseRefusal): Verdict => ({ ok: false, reason });

export function isRecused(actor: Actor, facts: CaseFacts): boolean {
  return facts.respondentUserId !== null && facts.respondentUserId === actor.id;
}

/** A handler's tie to a case: its lead or co-department is theirs, or it is assigned to them. */
export function isOwnDepartmentCase(actor: Actor, facts: CaseFacts): boolean {
  if (facts.handlerId === actor.id) return true;
  const mine = new Set(actor.departmentIds);
  return (facts.departmentId !== null && mine.has(facts.departmentId)) || facts.coDepartmentIds.some((d) => mine.has(d));
}

/** May the actor open the case at all? Recusal beats every role. */
export function mayViewCase(actor: Actor, facts: CaseFacts): Verdict {
  if (isRecused(actor, facts)) return no('recused');
  if (hasCapability(actor.roles, 'cases.seeAll')) return yes;
  if (actor.roles.includes('handler') && isOwnDepartmentCase(actor, facts)) return yes;
  return no('notYourDepartment');
}

/**
 * "May this user do this to this case": recusal, the action's roles, and for someone who holds
 * the action only as a handler, membership of the case's departments. The state machine decides
 * separately whether the action fits the case's state.
 */
export function mayActOnCase(actor: Actor, facts: CaseFacts, action: CaseActionType): Verdict {
  const seen = mayViewCase(actor, facts);
  if (!seen.ok) return seen;
  const granting = caseActionRoles[action].filter((r) => actor.roles.includes(r));
  if (granting.length === 0) return no('roleMayNot');
  if (granting.every((r) => r === 'handler') && !isOwnDepartmentCase(actor, facts)) return no('notYourDepartment');
  return yes;
}

/** How the complainant's identity appears to the actor. */
export type ComplainantView = 'full' | 'masked' | 'hidden';

export function complainantViewOf(actor: Actor, facts: CaseFacts): ComplainantView {
  if (facts.confidential && !hasCapability(actor.roles, 'cases.seeConfidentialComplainant')) return 'hidden';
  return hasCapability(actor.roles, 'personalData.unmasked') ? 'full' : 'masked';
}

/** May the actor reveal a masked number? Never on a case whose complainant is hidden from them. */
export function mayRevealPersonalData(actor: Actor, facts: CaseFacts): Verdict {
  const seen = mayViewCase(actor, facts);
  if (!seen.ok) return seen;
  if (complainantViewOf(actor, facts) === 'hidden') return no('roleMayNot');
  return hasCapability(actor.roles, 'personalData.reveal') ? yes : no('roleMayNot');
}
