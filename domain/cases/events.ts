import type { EventForm } from './hashChain.ts';
import type { IntakePrompt } from './intakePrompts.ts';
import type { ComplainantRelation, DeclineReason, RedirectTarget } from './intakeVocabulary.ts';
import type { Channel, CompensationForm, ContactMethod, CorrectableField, Finding, RecordType, Severity } from './vocabulary.ts';

/** What a complainant told the desk, as recorded at registration. Anonymous records have no name. */
export interface Complainant {
  name: string;
  phone?: string | undefined;
  address?: string | undefined;
  unit?: string | undefined;
  idNumber?: string | undefined;
  relation?: ComplainantRelation | undefined;
}

/** Someone who saw what happened, as the complainant names them. */
export interface Witness {
  name: string;
  phone?: string | undefined;
}

/** A file kept with the case: stored once in the data directory under its SHA-256. */
export interface AttachmentRef {
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

/**
 * What intake records beyond the complainant and the account: the letter or transfer the
 * matter came with, the other complainants of a group complaint, witnesses, when and where it
 * happened, and the evidence. Everything optional; a later issue adds fields, never renames.
 */
export interface CaseIntake {
  letter?: { number?: string | undefined; date?: string | undefined } | undefined;
  transfer?: { source: string; reference?: string | undefined } | undefined;
  coComplainants?: Complainant[] | undefined;
  headCount?: number | undefined;
  witnesses?: Witness[] | undefined;
  occurredAt?: string | undefined;
  occurredPlace?: string | undefined;
  attachments?: AttachmentRef[] | undefined;
  /** The hospital intake prompts the desk gave while the complainant was there. */
  promptsGiven?: IntakePrompt[] | undefined;
}

export interface Deadlines {
  acknowledge: string;
  feedback: string;
  resolve: string;
  /** Set when a deadline relies on days beyond the official holiday data (see deadline.ts). */
  provisional?: boolean | undefined;
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
  intake?: CaseIntake | undefined;
}

export interface AcceptedPayload {
  departmentId: string;
  handlerId?: string | undefined;
  coDepartmentIds: string[];
}

export interface DeclinedPayload {
  /** Absent on declines recorded before reasons were chosen from a list. */
  reasonCode?: DeclineReason | undefined;
  /** The free text; required when the reason is `other`. */
  reason?: string | undefined;
}

/** Resolved at the desk while the complainant waited: the case closes with this record. */
export interface ResolvedOnSpotPayload {
  resolution: string;
  satisfaction: number;
}

/** Sent where the rules send it (mediation, a court, an authority), with printed guidance. */
export interface RedirectedPayload {
  target: RedirectTarget;
  /** The authority's name when the target is `otherAuthority`, or any note for the complainant. */
  note?: string | undefined;
}

/** Evidence added to a case after registration. */
export interface AttachmentsAddedPayload {
  attachments: AttachmentRef[];
}

/** Routing to a lead department (with co-departments) and a handler; a re-assignment carries its reason. */
export interface AssignedPayload {
  departmentId: string;
  coDepartmentIds: string[];
  handlerId?: string | undefined;
  reason: string;
}

export interface InvestigationStartedPayload {
  /** Who handles the case from now: the named handler, or whoever started when none was named. */
  handlerId: string;
}

export interface NotedPayload {
  text: string;
}

/** One call or visit with the complainant: when, how, with whom, what was said. */
export interface ContactedPayload {
  contactedAt: string;
  method: ContactMethod;
  person: string;
  summary: string;
}

export interface ProposedPayload {
  text: string;
  finding: Finding;
  compensation?: { amount: number; form: CompensationForm } | undefined;
}

export interface ApprovedPayload {
  comment?: string | undefined;
}

export interface SentBackPayload {
  reason: string;
}

export interface RespondedPayload {
  channel: ContactMethod;
  content: string;
}

export interface FollowedUpPayload {
  method: ContactMethod;
  satisfaction: number;
  comment?: string | undefined;
  /** For a to-improve finding: the complainant accepted the explanation. */
  explanationAccepted: boolean;
}

export interface ClosedPayload {
  reason?: string | undefined;
  /** A supervisor closed without the follow-up the finding asks for. */
  override: boolean;
}

export interface ReviewOpenedPayload {
  reason: string;
}

export interface EscalatedPayload {
  reason: string;
}

/** A correction of registration data: the original value stays here, visible in the history. */
export interface CorrectedPayload {
  field: CorrectableField;
  before: string | null;
  after: string | null;
  reason: string;
}

export interface LinkedPayload {
  caseId: string;
  number: string;
}

export interface MergedPayload {
  intoId: string;
  intoNumber: string;
  reason: string;
}

/** A supervisor's one extension of the feedback and resolve deadlines. */
export interface ExtendedPayload {
  workingDays: number;
  reason: string;
  deadlines: Deadlines;
  previous: Deadlines;
}

/** The clock stops while the desk waits on the complainant (documents, consent, an appointment). */
export interface PausedPayload {
  reason: string;
  pausedAt: string;
}

/** The clock runs again; the deadlines moved by the time the pause took (deadline.ts shiftForPause). */
export interface ResumedPayload {
  reason?: string | undefined;
  /** Set when the desk resumed by itself because the awaited contact was recorded. */
  trigger?: 'contacted' | undefined;
  resumedAt: string;
  deadlines: Deadlines;
  previous: Deadlines;
}

/** New deadlines because what they depend on changed: severity, departments, or the calendar. */
export interface DeadlinesRecomputedPayload {
  reason: 'severity' | 'departments' | 'calendar';
  deadlines: Deadlines;
  previous: Deadlines;
}

/** A clock ran out before it was met; recorded once, kept after closing. */
export interface DeadlineBreachedPayload {
  clock: 'acknowledge' | 'feedback' | 'resolve';
  due: string;
  metAt?: string | undefined;
}

/** A site of the group, as the server names it: its id there and the name people read. */
export interface SiteRef {
  id: string;
  name: string;
}

/**
 * The case moves to another site of the group (转办), which handles it from now on; its whole
 * history goes with it and the sending site keeps that history, read-only.
 */
export interface TransferredPayload {
  from: SiteRef;
  to: SiteRef;
  reason: string;
}

/**
 * Every fact a case's history can hold. The log is append-only: a later issue adds
 * types here, never changes the meaning of an existing one.
 */
export type CaseEventData =
  | { type: 'registered'; payload: RegisteredPayload }
  | { type: 'accepted'; payload: AcceptedPayload }
  | { type: 'declined'; payload: DeclinedPayload }
  | { type: 'assigned'; payload: AssignedPayload }
  | { type: 'investigationStarted'; payload: InvestigationStartedPayload }
  | { type: 'noted'; payload: NotedPayload }
  | { type: 'contacted'; payload: ContactedPayload }
  | { type: 'proposed'; payload: ProposedPayload }
  | { type: 'approved'; payload: ApprovedPayload }
  | { type: 'sentBack'; payload: SentBackPayload }
  | { type: 'responded'; payload: RespondedPayload }
  | { type: 'followedUp'; payload: FollowedUpPayload }
  | { type: 'closed'; payload: ClosedPayload }
  | { type: 'reviewOpened'; payload: ReviewOpenedPayload }
  | { type: 'escalated'; payload: EscalatedPayload }
  | { type: 'corrected'; payload: CorrectedPayload }
  | { type: 'archived'; payload: Record<string, never> }
  | { type: 'linked'; payload: LinkedPayload }
  | { type: 'merged'; payload: MergedPayload }
  /** Recorded on the surviving case when a duplicate is merged into it. */
  | { type: 'duplicateMerged'; payload: LinkedPayload }
  | { type: 'extended'; payload: ExtendedPayload }
  | { type: 'paused'; payload: PausedPayload }
  | { type: 'resumed'; payload: ResumedPayload }
  | { type: 'deadlinesRecomputed'; payload: DeadlinesRecomputedPayload }
  | { type: 'deadlineBreached'; payload: DeadlineBreachedPayload }
  | { type: 'resolvedOnSpot'; payload: ResolvedOnSpotPayload }
  | { type: 'redirected'; payload: RedirectedPayload }
  | { type: 'attachmentsAdded'; payload: AttachmentsAddedPayload }
  | { type: 'transferred'; payload: TransferredPayload };

export type CaseEventType = CaseEventData['type'];

/**
 * An event as stored: the data plus who, when, where, its place in this desk's log and its
 * links in the case's hash DAG (domain/cases/hashChain.ts).
 */
export type CaseEvent = CaseEventData & {
  id: string;
  caseId: string;
  seq: number;
  form: EventForm;
  actorId: string;
  device: string;
  at: string;
  hlc: string;
  /** The hashes of the heads of the case this event saw. */
  parents: string[];
  hash: string;
};
