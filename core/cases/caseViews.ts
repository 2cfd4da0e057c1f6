import type { CaseEventRow } from '../../db/queries/caseEvents.ts';
import type { CaseRow } from '../../db/queries/cases.ts';
import type { CaseDetail, CaseSummary } from '../../domain/api/views.ts';
import { allowedActions } from '../../domain/cases/caseMachine.ts';
import type { CaseEvent, Complainant } from '../../domain/cases/events.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../../domain/cases/vocabulary.ts';

export function caseSummaryOf(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    type: row.type as RecordType,
    channel: row.channel as Channel,
    severity: row.severity as Severity,
    subject: row.subject,
    complainantName: row.complainant_name,
    departmentId: row.department_id,
    receivedAt: row.received_at,
    deadlines: { acknowledge: row.deadline_acknowledge, feedback: row.deadline_feedback, resolve: row.deadline_resolve },
  };
}

export function caseEventOf(row: CaseEventRow): CaseEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    seq: row.seq,
    type: row.type,
    payload: JSON.parse(row.payload),
    actorId: row.actor_id,
    device: row.device,
    at: row.at,
    hlc: row.hlc,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as CaseEvent;
}

export function caseDetailOf(row: CaseRow, events: CaseEventRow[], names: Map<string, string>): CaseDetail {
  return {
    ...caseSummaryOf(row),
    queryCode: row.query_code,
    content: row.content,
    demands: row.demands,
    complainant: JSON.parse(row.complainant) as Complainant,
    confidential: row.confidential === 1,
    anonymous: row.anonymous === 1,
    handlerId: row.handler_id,
    events: events.map((e) => ({ ...caseEventOf(e), actorName: names.get(e.actor_id) ?? e.actor_id })),
    allowedActions: allowedActions(row.status as CaseStatus),
  };
}
