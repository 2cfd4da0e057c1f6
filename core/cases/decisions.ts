import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { satisfiedFrom } from '../../domain/cases/intakeVocabulary.ts';
import { invalidField } from '../deskError.ts';

type Action = DeskParsedInput<'cases.act'>['action'];
type DeskDecision = Extract<Action, { type: 'decline' | 'resolveOnSpot' | 'redirect' }>;

/**
 * The desk's decisions other than accepting (which routes, see caseActions.ts): a case closes
 * on the spot only when the complainant is satisfied; otherwise it is accepted and routed.
 */
export function checkDecision(action: DeskDecision): void {
  if (action.type === 'resolveOnSpot' && action.satisfaction < satisfiedFrom) {
    throw invalidField('action.satisfaction', 'field.notSatisfiedOnSpot');
  }
}

export function decisionEvent(action: DeskDecision): CaseEventData {
  switch (action.type) {
    case 'decline':
      return { type: 'declined', payload: { reasonCode: action.reasonCode, reason: action.reason } };
    case 'resolveOnSpot':
      return { type: 'resolvedOnSpot', payload: { resolution: action.resolution, satisfaction: action.satisfaction } };
    case 'redirect':
      return { type: 'redirected', payload: { target: action.target, note: action.note } };
  }
}
