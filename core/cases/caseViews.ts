import type { CaseEventRow } from '../../db/queries/caseEvents.ts';
import type { CaseRow } from '../../db/queries/cases.ts';
import type { CaseDetail, CaseSummary, CaseTransfer } from '../../domain/api/views.ts';
import type { CaseActionType } from '../../domain/cases/caseMachine.ts';
import { closingMet } from '../../domain/cases/caseRules.ts';
import type { CaseEvent } from '../../domain/cases/events.ts';
import type { NamedCase } from '../../domain/cases/namedCases.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../../domain/cases/vocabulary.ts';
import { repeatedBreaches } from '../../domain/deadlines/breachRepeats.ts';
import { currentClock, deadlineStatus } from '../../domain/deadlines/deadlineStatus.ts';

/** `dueSoonBefore`: the desk's "warn ahead" setting as an instant (core/deadlines/deadlineViews.ts dueSoonBefore). */
export function caseSummaryOf(row: CaseRow, now: Date = new Date(), dueSoonBefore?: string): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    type: row.type as RecordType,
    channel: row.channel as Channel,
    severity: row.severity as Severity,
    subject: row.subject,
    complainantName: row.complainant_name,
    complainantHidden: false,
    departmentId: row.department_id,
    receivedAt: row.received_at,
    deadlines: { acknowledge: row.deadline_acknowledge, feedback: row.deadline_feedback, resolve: row.deadline_resolve },
    handlerId: row.handler_id,
    dueAt: row.due_at,
    dueClock: currentClock(row.status as CaseStatus, row.first_responded_at),
    deadlineStatus: deadlineStatus(row.due_at, now, dueSoonBefore),
    proposalState: row.proposal_state as CaseSummary['proposalState'],
    escalated: row.escalated_at !== null,
    mergedIntoNumber: row.merged_into_number,
    transfer: row.transfer ? (JSON.parse(row.transfer) as CaseTransfer) : null,
  };
}

/** A read event as the views show it (the log already reads events whole). */
export const caseEventOf = (row: CaseEventRow): CaseEvent => row;

function withoutRepeats(events: CaseEventRow[]): CaseEventRow[] {
  const repeats = repeatedBreaches(events);
  return repeats.size === 0 ? events : events.filter((e) => !repeats.has(e.id));
}

export interface DetailParts {
  row: CaseRow;
  state: CaseState;
  events: CaseEventRow[];
  names: Map<string, string>;
  allowedActions: CaseActionType[];
  linked: CaseRow[];
  earlier: CaseRow[];
  /** Named cases this desk does not hold (core/cases/caseDetailFor.ts). */
  elsewhere: NamedCase[];
  now: Date;
}

export function caseDetailOf(p: DetailParts): CaseDetail {
  const { row, state, now } = p;
  return {
    ...caseSummaryOf(row, now),
    queryCode: state.queryCode,
    content: state.content,
    demands: state.demands,
    complainant: state.complainant,
    confidential: state.confidential,
    anonymous: state.anonymous,
    handlerName: state.handlerId ? (p.names.get(state.handlerId) ?? null) : null,
    coDepartmentIds: state.coDepartmentIds,
    finding: state.finding,
    lastSatisfaction: state.lastSatisfaction,
    followUpSatisfied: state.followUpSatisfied,
    closeNeedsOverride: state.status === 'responded' && !closingMet(state),
    mergedInto: state.mergedInto,
    categoryId: state.categoryId,
    respondent: state.respondent,
    intake: state.intake,
    registeredBy: p.names.get(row.registered_by) ?? row.registered_by,
    linkedCases: p.linked.map((r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status as CaseStatus,
      proposalState: r.proposal_state as CaseSummary['proposalState'],
    })),
    earlierCases: p.earlier.map((r) => caseSummaryOf(r, now)),
    casesElsewhere: p.elsewhere,
    // A breach recorded by two desks of a site is one fact: the timeline shows it once.
    events: withoutRepeats(p.events).map((e) => ({
      ...e,
      actorName: p.names.get(e.actorId) ?? e.actorId,
      conflict: p.state.conflictIds.includes(e.id),
    })),
    allowedActions: p.allowedActions,
    // As stored; presentDetail (core/access/caseGate.ts) masks it for the user who asked.
    personalData: { masked: false, mayReveal: false },
  };
}
