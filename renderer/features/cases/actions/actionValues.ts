import type { UseFormReturnType } from '@mantine/form';
import type { DeskInput } from '../../../../domain/api/deskApi.ts';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import type { CaseActionType } from '../../../../domain/cases/caseMachine.ts';
import type { CompensationForm, ContactMethod, CorrectableField, Finding } from '../../../../domain/cases/vocabulary.ts';

export type Action = DeskInput<'cases.act'>['action'];

/** One form holds every action's fields; each action reads the ones it needs (actionOf). */
export interface Values {
  [key: string]: unknown;
  departmentId: string;
  coDepartmentIds: string[];
  handlerId: string;
  reason: string;
  text: string;
  comment: string;
  finding: Finding;
  compensationAmount: number | string;
  compensationForm: CompensationForm | '';
  method: ContactMethod;
  person: string;
  summary: string;
  contactedAt: string;
  content: string;
  satisfaction: string;
  explanationAccepted: boolean;
  field: CorrectableField;
  value: string;
  number: string;
}

export const initialValues: Values = {
  departmentId: '',
  coDepartmentIds: [],
  handlerId: '',
  reason: '',
  text: '',
  comment: '',
  finding: 'valid',
  compensationAmount: '',
  compensationForm: '',
  method: 'phone',
  person: '',
  summary: '',
  contactedAt: '',
  content: '',
  satisfaction: '',
  explanationAccepted: false,
  field: 'subject',
  value: '',
  number: '',
};

export type ActionForm = UseFormReturnType<Values>;

/** What every action's fields get: the form, and the core's message for a field by its action path. */
export interface ActionFieldsProps {
  form: ActionForm;
  err: (name: string) => string | undefined;
}

/** A date input's `YYYY-MM-DD HH:mm:ss`, read as the desk's local time (UTC+8), as an ISO instant. */
function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const iso = value.replace(' ', 'T');
  return new Date(`${iso.length === 16 ? `${iso}:00` : iso}+08:00`).toISOString();
}

/** The action the core is asked to take, from the form's values. */
export function actionOf(type: CaseActionType, v: Values, detail: CaseDetail): Action {
  const opt = (s: string) => (s.trim() === '' ? undefined : s);
  switch (type) {
    case 'accept':
      return { type, departmentId: v.departmentId, coDepartmentIds: v.coDepartmentIds, handlerId: opt(v.handlerId) };
    case 'decline':
      return { type, reason: v.reason };
    case 'assign':
      return { type, departmentId: v.departmentId, coDepartmentIds: v.coDepartmentIds, handlerId: opt(v.handlerId), reason: v.reason };
    case 'startInvestigation':
    case 'archive':
      return { type };
    case 'note':
      return { type, text: v.text };
    case 'contact':
      return { type, method: v.method, person: v.person, summary: v.summary, contactedAt: localInputToIso(v.contactedAt) };
    case 'propose': {
      const amount = typeof v.compensationAmount === 'number' ? v.compensationAmount : undefined;
      const compensation = amount !== undefined && v.compensationForm ? { amount, form: v.compensationForm } : undefined;
      return { type, text: v.text, finding: v.finding, compensation };
    }
    case 'approve':
      return { type, comment: opt(v.comment) };
    case 'sendBack':
    case 'review':
    case 'escalate':
      return { type, reason: v.reason };
    case 'respond':
      return { type, channel: v.method, content: v.content };
    case 'followUp':
      return {
        type,
        method: v.method,
        satisfaction: Number(v.satisfaction),
        comment: opt(v.comment),
        explanationAccepted: v.explanationAccepted,
      };
    case 'close':
      return { type, reason: opt(v.reason), override: detail.closeNeedsOverride };
    case 'correct':
      return { type, field: v.field, value: v.value, reason: v.reason };
    case 'link':
      return { type, number: v.number };
    case 'merge':
      return { type, intoNumber: v.number, reason: v.reason };
    case 'extend':
    case 'pause':
    case 'resume':
      throw new Error('deadline actions have their own panel (components/DeadlineActions.tsx)');
    case 'transfer':
      throw new Error('a transfer to another site has its own dialog (TransferDialog.tsx)');
    case 'resolveOnSpot':
    case 'redirect':
      throw new Error(`${type} is offered by the desk's decision panel`);
  }
}
