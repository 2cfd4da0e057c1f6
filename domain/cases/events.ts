import type { Channel, RecordType, Severity } from './vocabulary.ts';

/** What a complainant told the desk, as recorded at registration. */
export interface Complainant {
  name: string;
  phone?: string | undefined;
  address?: string | undefined;
  unit?: string | undefined;
  idNumber?: string | undefined;
}

export interface Deadlines {
  acknowledge: string;
  feedback: string;
  resolve: string;
}

export interface RegisteredPayload {
  number: string;
  queryCode: string;
  type: RecordType;
  channel: Channel;
  complainant: Complainant;
  subject: string;
  content: string;
  demands?: string | undefined;
  categoryId?: string | undefined;
  severity: Severity;
  respondent?: { departmentId?: string | undefined; person?: string | undefined; userId?: string | undefined } | undefined;
  receivedAt: string;
  confidential: boolean;
  anonymous: boolean;
  deadlines: Deadlines;
}

export interface AcceptedPayload {
  departmentId: string;
  handlerId?: string | undefined;
  coDepartmentIds: string[];
}

export interface DeclinedPayload {
  reason: string;
}

/**
 * Every fact a case's history can hold. The log is append-only: a later issue adds
 * types here, never changes the meaning of an existing one.
 */
export type CaseEventData =
  | { type: 'registered'; payload: RegisteredPayload }
  | { type: 'accepted'; payload: AcceptedPayload }
  | { type: 'declined'; payload: DeclinedPayload };

export type CaseEventType = CaseEventData['type'];

/** An event as stored: the data plus who, when, where and its link in the hash chain. */
export type CaseEvent = CaseEventData & {
  id: string;
  caseId: string;
  seq: number;
  actorId: string;
  device: string;
  at: string;
  hlc: string;
  prevHash: string;
  hash: string;
};
