import type { CaseViewerScope } from '../../db/queries/caseScope.ts';
import { type CaseRow, coDepartmentIdsOf, respondentOf } from '../../db/queries/cases.ts';
import {
  type Actor,
  type CaseFacts,
  type CaseRefusal,
  complainantViewOf,
  isRecused,
  mayActOnCase,
  mayRevealPersonalData,
  mayViewCase,
} from '../../domain/access/caseAccess.ts';
import { maskIdNumber, maskPhone } from '../../domain/access/masking.ts';
import { hasCapability } from '../../domain/access/permissions.ts';
import type { CaseDetail, CaseSummary } from '../../domain/api/views.ts';
import type { CaseActionType } from '../../domain/cases/caseMachine.ts';
import type { CaseIntake, Complainant } from '../../domain/cases/events.ts';
import { searchNeedle } from '../../domain/text/searchTerms.ts';
import { AccessDenied, invalidField } from '../deskError.ts';

/**
 * The core's one place to ask "may this user do X to this case": recusal, department
 * membership and the permission matrix, and what of the complainant they may see. Case
 * handlers call these; nothing here reads the store.
 */

export function caseFactsOf(row: CaseRow): CaseFacts {
  return {
    respondentUserId: respondentOf(row)?.userId ?? null,
    departmentId: row.department_id,
    coDepartmentIds: coDepartmentIdsOf(row),
    handlerId: row.handler_id,
    confidential: row.confidential === 1,
  };
}

const refusalKey: Record<CaseRefusal, string> = {
  recused: 'access:denied.recused',
  notYourDepartment: 'access:denied.notYourDepartment',
  roleMayNot: 'access:denied.caseAction',
};

/** May the user open this case (for filtering lists of related cases)? */
export function mayViewRow(user: Actor, row: CaseRow): boolean {
  return mayViewCase(user, caseFactsOf(row)).ok;
}

/** Refuses (audited by the dispatcher) the person the case complains about. */
export function assertNotRecused(user: Actor, row: CaseRow): void {
  if (isRecused(user, caseFactsOf(row))) throw new AccessDenied({ key: refusalKey.recused }, row.id, 'recused');
}

/** Refuses (audited by the dispatcher) unless the user may open the case. */
export function assertMayViewCase(user: Actor, row: CaseRow): void {
  const verdict = mayViewCase(user, caseFactsOf(row));
  if (!verdict.ok) throw new AccessDenied({ key: refusalKey[verdict.reason] }, row.id, verdict.reason);
}

/** Refuses (audited by the dispatcher) unless the user may take this action on this case. */
export function assertMayActOnCase(user: Actor, row: CaseRow, action: CaseActionType): void {
  const verdict = mayActOnCase(user, caseFactsOf(row), action);
  if (!verdict.ok) throw new AccessDenied({ key: refusalKey[verdict.reason], values: { action } }, row.id, verdict.reason);
}

export function assertMayReveal(user: Actor, row: CaseRow): void {
  const verdict = mayRevealPersonalData(user, caseFactsOf(row));
  if (!verdict.ok) throw new AccessDenied({ key: refusalKey[verdict.reason], values: { action: 'reveal' } }, row.id, verdict.reason);
}

/** A case cannot be handed to the person it complains about (回避); `field` names the input. */
export function assertHandlerNotRecused(row: CaseRow, handlerId: string | undefined, field: string): void {
  if (handlerId !== undefined && caseFactsOf(row).respondentUserId === handlerId) throw invalidField(field, 'field.handlerRecused');
}

/** Of the actions the state machine allows now, those this user may take. */
export function actionsFor(user: Actor, row: CaseRow, stateAllows: readonly CaseActionType[]): CaseActionType[] {
  const facts = caseFactsOf(row);
  return stateAllows.filter((a) => mayActOnCase(user, facts, a).ok);
}

/**
 * Which cases a list may show the user: never those they are recused from; staff see their
 * departments'. With a search query, nothing they may not see finds a case: a confidential
 * case whose complainant is hidden from them matches only outside the complainant, and where
 * phones are masked for them no case matches by its phone (searching digits one at a time
 * would otherwise spell out the hidden ones).
 */
export function viewerScopeOf(user: Actor, query?: string): CaseViewerScope {
  const scope: CaseViewerScope = hasCapability(user.roles, 'cases.seeAll')
    ? { userId: user.id }
    : { userId: user.id, departmentIds: user.departmentIds };
  const needle = query ? searchNeedle(query) : null;
  const confidentialHidden = !hasCapability(user.roles, 'cases.seeConfidentialComplainant');
  const phoneMasked = !hasCapability(user.roles, 'personalData.unmasked');
  if (needle !== null && (confidentialHidden || phoneMasked)) scope.searchLimits = { needle, confidentialHidden, phoneMasked };
  return scope;
}

/**
 * Refuses (audited) a document of a case the user may not open, or one that would put on paper
 * a confidential complainant hidden from them: the desk prints those.
 */
export function assertMayPrintCase(user: Actor, row: CaseRow): void {
  assertMayViewCase(user, row);
  if (complainantViewOf(user, caseFactsOf(row)) === 'hidden') {
    throw new AccessDenied({ key: 'access:denied.printConfidential' }, row.id, 'confidential');
  }
}

function maskedComplainant(c: Complainant): Complainant {
  return {
    ...c,
    ...(c.phone ? { phone: maskPhone(c.phone) } : {}),
    ...(c.idNumber ? { idNumber: maskIdNumber(c.idNumber) } : {}),
  };
}

const hiddenComplainant: Complainant = { name: '' };

/** Where personal data goes: on screen, on paper, or out of the desk in a file. */
export type PersonalDataOutlet = 'screen' | 'print' | 'export';
const outletCapability = { screen: null, print: 'personalData.print', export: 'personalData.export' } as const;

/**
 * A complainant named outside a case file (the repeat complainants of a report) as this user
 * may see them, by the same rules as a case: hidden when any of their cases is confidential and
 * the user may not see confidential complainants, the phone masked unless the role sees it in
 * full; on paper or in a file only for roles that may print or export personal data (hidden
 * otherwise).
 */
export function presentComplainantContact(
  user: Actor,
  confidential: boolean,
  contact: { name: string; phone: string },
  outlet: PersonalDataOutlet = 'screen',
): { name: string; phone: string; masked: boolean; hidden: boolean } {
  const hidden = { name: '', phone: '', masked: true, hidden: true };
  const leaving = outletCapability[outlet];
  if (leaving && !hasCapability(user.roles, leaving)) return hidden;
  const view = complainantViewOf(user, { confidential, respondentUserId: null, departmentId: null, coDepartmentIds: [], handlerId: null });
  if (view === 'hidden') return hidden;
  if (view === 'masked') return { name: contact.name, phone: maskPhone(contact.phone), masked: true, hidden: false };
  return { ...contact, masked: false, hidden: false };
}

/** A case summary as this user may see it: a confidential complainant's name stays with the desk. */
export function presentSummary(user: Actor, row: CaseRow, summary: CaseSummary): CaseSummary {
  if (complainantViewOf(user, caseFactsOf(row)) !== 'hidden') return summary;
  return { ...summary, complainantName: '', complainantHidden: true };
}

/**
 * A case as this user may see it: phone and ID numbers masked, or the complainant hidden on a
 * confidential case, also inside the history (the registration event carries the complainant).
 */
export function presentDetail(user: Actor, row: CaseRow, detail: CaseDetail): CaseDetail {
  const facts = caseFactsOf(row);
  const view = complainantViewOf(user, facts);
  const mayReveal = mayRevealPersonalData(user, facts).ok;
  if (view === 'full') return { ...detail, personalData: { masked: false, mayReveal } };
  const shown = (c: Complainant) => (view === 'hidden' ? hiddenComplainant : maskedComplainant(c));
  // The other complainants of a group complaint and the witnesses carry numbers too.
  const shownIntake = (intake: CaseIntake): CaseIntake => ({
    ...intake,
    ...(intake.coComplainants ? { coComplainants: view === 'hidden' ? [] : intake.coComplainants.map(maskedComplainant) } : {}),
    ...(intake.witnesses ? { witnesses: intake.witnesses.map((w) => (w.phone ? { ...w, phone: maskPhone(w.phone) } : w)) } : {}),
  });
  const events = detail.events.map((e) => {
    const payload = e.payload as unknown as Record<string, unknown>;
    if (!payload || typeof payload !== 'object' || !('complainant' in payload)) return e;
    const intake = payload.intake as CaseIntake | undefined;
    return {
      ...e,
      payload: { ...payload, complainant: shown(payload.complainant as Complainant), ...(intake ? { intake: shownIntake(intake) } : {}) },
    } as typeof e;
  });
  return {
    ...detail,
    complainantName: view === 'hidden' ? '' : detail.complainantName,
    complainantHidden: view === 'hidden',
    complainant: shown(detail.complainant),
    intake: shownIntake(detail.intake),
    events,
    personalData: { masked: true, mayReveal },
  };
}
