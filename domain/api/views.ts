import type { CaseActionType } from '../cases/caseMachine.ts';
import type { CaseEvent, Complainant, Deadlines } from '../cases/events.ts';
import type { CaseStatus, Channel, RecordType, Role, Severity } from '../cases/vocabulary.ts';

/** What the core answers: plain JSON, the same over IPC and HTTP. */

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface CaseSummary {
  id: string;
  number: string;
  status: CaseStatus;
  type: RecordType;
  channel: Channel;
  severity: Severity;
  subject: string;
  complainantName: string;
  departmentId: string | null;
  receivedAt: string;
  deadlines: Deadlines;
}

export interface CaseDetail extends CaseSummary {
  queryCode: string;
  content: string;
  demands: string | null;
  complainant: Complainant;
  confidential: boolean;
  anonymous: boolean;
  handlerId: string | null;
  events: (CaseEvent & { actorName: string })[];
  allowedActions: CaseActionType[];
}

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
}

export interface RegisteredCase {
  id: string;
  number: string;
  queryCode: string;
  deadlines: Deadlines;
}
