import type { Kysely } from 'kysely';
import { type CaseRow, findCase } from '../../db/queries/cases.ts';
import { departmentExists } from '../../db/queries/departments.ts';
import { readGroupSites, readSyncConfig } from '../../db/queries/sync.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import { type CaseActor, closingMet } from '../../domain/cases/caseRules.ts';
import type { CaseEventData, CorrectedPayload } from '../../domain/cases/events.ts';
import { isValidPhone } from '../../domain/cases/phone.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import { type CorrectableField, channels, recordTypes, severities } from '../../domain/cases/vocabulary.ts';
import { DeskError, invalidField } from '../deskError.ts';
import { checkDecision, decisionEvent } from './decisions.ts';

export type CaseAction = DeskParsedInput<'cases.act'>['action'];

/** An event for the acted-on case, and events for another case the action touches (link, merge). */
export interface ActionPlan {
  data: CaseEventData;
  other?: { row: CaseRow; data: CaseEventData };
}

const sealed = ['archived'];

/** Checks the departments and the handler a routing names; answers the co-departments without the lead. */
export async function checkRouting(
  db: Kysely<Database>,
  lead: string,
  coDepartmentIds: readonly string[],
  handlerId: string | undefined,
): Promise<string[]> {
  if (!(await departmentExists(db, lead))) throw invalidField('action.departmentId', 'field.unknownDepartment');
  for (const [i, dep] of coDepartmentIds.entries()) {
    if (!(await departmentExists(db, dep))) throw invalidField(`action.coDepartmentIds.${i}`, 'field.unknownDepartment');
  }
  if (handlerId) {
    const user = await findUserById(db, handlerId);
    if (!user || user.disabled) throw invalidField('action.handlerId', 'field.unknownUser');
    if (!user.department_ids.includes(lead)) throw invalidField('action.handlerId', 'handling:field.handlerNotInDepartment');
  }
  return [...new Set(coDepartmentIds)].filter((d) => d !== lead);
}

function currentValue(state: CaseState, field: CorrectableField): string | null {
  switch (field) {
    case 'subject':
      return state.subject;
    case 'content':
      return state.content;
    case 'demands':
      return state.demands;
    case 'complainant.name':
      return state.complainant.name;
    case 'complainant.phone':
      return state.complainant.phone ?? null;
    case 'complainant.address':
      return state.complainant.address ?? null;
    case 'complainant.unit':
      return state.complainant.unit ?? null;
    case 'type':
      return state.type;
    case 'channel':
      return state.channel;
    case 'severity':
      return state.severity;
  }
}

const requiredFields: readonly CorrectableField[] = ['subject', 'content', 'complainant.name', 'type', 'channel', 'severity'];
const choices: Partial<Record<CorrectableField, readonly string[]>> = { type: recordTypes, channel: channels, severity: severities };

function correction(state: CaseState, action: Extract<CaseAction, { type: 'correct' }>): CorrectedPayload {
  const after = action.value === '' ? null : action.value;
  if (after === null && requiredFields.includes(action.field)) throw invalidField('action.value', 'field.required');
  const allowed = choices[action.field];
  if (after !== null && allowed && !allowed.includes(after)) throw invalidField('action.value', 'field.choice');
  if (after !== null && action.field === 'complainant.phone' && !isValidPhone(after)) throw invalidField('action.value', 'field.phone');
  const before = currentValue(state, action.field);
  if (before === after) throw invalidField('action.value', 'handling:field.unchanged');
  return { field: action.field, before, after, reason: action.reason };
}

/** The other case of a link or a merge, named by its number. */
async function otherCase(db: Kysely<Database>, self: CaseRow, number: string, field: string): Promise<CaseRow> {
  const row = await findCase(db, { number });
  if (!row) throw invalidField(field, 'handling:field.unknownCase');
  if (row.id === self.id) throw invalidField(field, 'handling:field.sameCase');
  if (sealed.includes(row.status)) throw invalidField(field, 'handling:field.caseSealed');
  return row;
}

/**
 * A transfer to another site of the group (转办): only on a desk in a group, to a site the server
 * listed (kept for offline work, migration 19) that is not this desk's own.
 */
async function transfer(db: Kysely<Database>, action: Extract<CaseAction, { type: 'transfer' }>): Promise<CaseEventData> {
  const config = await readSyncConfig(db);
  if (!config || config.private_key === '') throw new DeskError('conflict', { key: 'handling:refusal.notInGroup' });
  if (action.toSiteId === config.site_id) throw invalidField('action.toSiteId', 'handling:field.sameSite');
  const to = (await readGroupSites(db)).find((s) => s.id === action.toSiteId);
  if (!to) throw invalidField('action.toSiteId', 'handling:field.unknownSite');
  return {
    type: 'transferred',
    payload: { from: { id: config.site_id, name: config.site_name }, to: { id: to.id, name: to.name }, reason: action.reason },
  };
}

/**
 * Turns an action the rules allowed into the event(s) it records, checking what the action
 * names (departments, users, other cases) and the values it changes. Throws a field refusal,
 * before anything is written.
 */
export async function planAction(
  db: Kysely<Database>,
  row: CaseRow,
  state: CaseState,
  action: CaseAction,
  actor: CaseActor,
  now: Date,
): Promise<ActionPlan> {
  switch (action.type) {
    case 'accept': {
      const co = await checkRouting(db, action.departmentId, action.coDepartmentIds ?? [], action.handlerId);
      return {
        data: { type: 'accepted', payload: { departmentId: action.departmentId, handlerId: action.handlerId, coDepartmentIds: co } },
      };
    }
    case 'decline':
    case 'resolveOnSpot':
    case 'redirect':
      checkDecision(action);
      return { data: decisionEvent(action) };
    case 'assign': {
      const co = await checkRouting(db, action.departmentId, action.coDepartmentIds ?? [], action.handlerId);
      const payload = { departmentId: action.departmentId, coDepartmentIds: co, handlerId: action.handlerId, reason: action.reason };
      return { data: { type: 'assigned', payload } };
    }
    case 'startInvestigation':
      return { data: { type: 'investigationStarted', payload: { handlerId: state.handlerId ?? actor.id } } };
    case 'note':
      return { data: { type: 'noted', payload: { text: action.text } } };
    case 'contact': {
      const contactedAt = action.contactedAt ? new Date(action.contactedAt).toISOString() : now.toISOString();
      if (Date.parse(contactedAt) > now.getTime() + 60_000) throw invalidField('action.contactedAt', 'field.future');
      return {
        data: { type: 'contacted', payload: { contactedAt, method: action.method, person: action.person, summary: action.summary } },
      };
    }
    case 'propose':
      return { data: { type: 'proposed', payload: { text: action.text, finding: action.finding, compensation: action.compensation } } };
    case 'approve':
      return { data: { type: 'approved', payload: { comment: action.comment } } };
    case 'sendBack':
      return { data: { type: 'sentBack', payload: { reason: action.reason } } };
    case 'respond':
      return { data: { type: 'responded', payload: { channel: action.channel, content: action.content } } };
    case 'followUp':
      return {
        data: {
          type: 'followedUp',
          payload: {
            method: action.method,
            satisfaction: action.satisfaction,
            comment: action.comment,
            explanationAccepted: action.explanationAccepted ?? false,
          },
        },
      };
    case 'close': {
      const override = !closingMet(state);
      // An override is a supervisor's decision against the rule: it must say why.
      if (override && !action.reason) throw invalidField('action.reason', 'field.required');
      return { data: { type: 'closed', payload: { reason: action.reason, override } } };
    }
    case 'review':
      return { data: { type: 'reviewOpened', payload: { reason: action.reason } } };
    case 'escalate':
      return { data: { type: 'escalated', payload: { reason: action.reason } } };
    case 'correct':
      return { data: { type: 'corrected', payload: correction(state, action) } };
    case 'archive':
      return { data: { type: 'archived', payload: {} } };
    case 'link': {
      const other = await otherCase(db, row, action.number, 'action.number');
      if (state.linkedCaseIds.includes(other.id)) throw invalidField('action.number', 'handling:field.alreadyLinked');
      return {
        data: { type: 'linked', payload: { caseId: other.id, number: other.number } },
        other: { row: other, data: { type: 'linked', payload: { caseId: row.id, number: row.number } } },
      };
    }
    case 'extend':
    case 'pause':
    case 'resume':
      throw new Error('deadline actions are planned by core/deadlines/deadlineActions.ts');
    case 'transfer':
      return { data: await transfer(db, action) };
    case 'merge': {
      const other = await otherCase(db, row, action.intoNumber, 'action.intoNumber');
      if (other.merged_into_id || other.status === 'declined') throw invalidField('action.intoNumber', 'handling:field.notASurvivor');
      return {
        data: { type: 'merged', payload: { intoId: other.id, intoNumber: other.number, reason: action.reason } },
        other: { row: other, data: { type: 'duplicateMerged', payload: { caseId: row.id, number: row.number } } },
      };
    }
  }
}
