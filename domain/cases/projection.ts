import { statusAfter } from './caseMachine.ts';
import type { CaseEventData, Complainant, Deadlines } from './events.ts';
import type { CaseStatus, Channel, RecordType, Severity } from './vocabulary.ts';

/**
 * The current state of a case, derived only from its events. The `cases` table stores this
 * projection for the board and reports; it can always be rebuilt by folding the log.
 */
export interface CaseState {
  number: string;
  queryCode: string;
  status: CaseStatus;
  type: RecordType;
  channel: Channel;
  severity: Severity;
  subject: string;
  content: string;
  demands: string | null;
  complainant: Complainant;
  respondent: { departmentId?: string | undefined; person?: string | undefined; userId?: string | undefined } | null;
  categoryId: string | null;
  departmentId: string | null;
  coDepartmentIds: string[];
  handlerId: string | null;
  receivedAt: string;
  confidential: boolean;
  anonymous: boolean;
  deadlines: Deadlines;
}

export function applyEvent(state: CaseState | null, event: CaseEventData): CaseState {
  if (event.type === 'registered') {
    if (state) throw new Error('a case is registered only once');
    const p = event.payload;
    return {
      number: p.number,
      queryCode: p.queryCode,
      status: 'registered',
      type: p.type,
      channel: p.channel,
      severity: p.severity,
      subject: p.subject,
      content: p.content,
      demands: p.demands ?? null,
      complainant: p.complainant,
      respondent: p.respondent ?? null,
      categoryId: p.categoryId ?? null,
      departmentId: p.respondent?.departmentId ?? null,
      coDepartmentIds: [],
      handlerId: null,
      receivedAt: p.receivedAt,
      confidential: p.confidential,
      anonymous: p.anonymous,
      deadlines: p.deadlines,
    };
  }
  if (!state) throw new Error(`event ${event.type} before registration`);
  const status = statusAfter(event.type);
  switch (event.type) {
    case 'accepted':
      return {
        ...state,
        status,
        departmentId: event.payload.departmentId,
        coDepartmentIds: event.payload.coDepartmentIds,
        handlerId: event.payload.handlerId ?? null,
      };
    case 'declined':
      return { ...state, status };
  }
}

export function projectCase(events: readonly CaseEventData[]): CaseState {
  let state: CaseState | null = null;
  for (const event of events) state = applyEvent(state, event);
  if (!state) throw new Error('a case needs at least its registration event');
  return state;
}
