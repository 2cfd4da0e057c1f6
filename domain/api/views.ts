import type { CaseActionType } from '../cases/caseMachine.ts';
import type { CaseEvent, CaseIntake, Complainant, Deadlines } from '../cases/events.ts';
import type { NamedCase } from '../cases/namedCases.ts';
import type { CaseStatus, Channel, Finding, RecordType, Role, Severity } from '../cases/vocabulary.ts';
import type { ClockName } from '../deadlines/deadline.ts';
import type { DeadlineAlert, DeadlineStatus } from '../deadlines/deadlineStatus.ts';
import type { CaseDeadlineInfo } from './deadlineViews.ts';

/** What the core answers: plain JSON, the same over IPC and HTTP. */

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentIds: string[];
}

/** A case's move from one site of the group to another (转办). */
export interface CaseTransfer {
  from: { id: string; name: string };
  to: { id: string; name: string };
  reason: string;
  at: string | null;
  /** Where the case was registered: its intake counts there (docs/user-manual.md, reports). */
  origin: { id: string; name: string };
}

export interface CaseSummary {
  id: string;
  number: string;
  status: CaseStatus;
  type: RecordType;
  channel: Channel;
  severity: Severity;
  subject: string;
  /** Empty when `complainantHidden`: a confidential case seen by its department. */
  complainantName: string;
  complainantHidden: boolean;
  departmentId: string | null;
  receivedAt: string;
  deadlines: Deadlines;
  handlerId: string | null;
  /** The deadline the case works towards now, and how it stands against the clock. */
  dueAt: string | null;
  /** Which clock `dueAt` is (acknowledge, feedback or resolve): what a badge beside it speaks of. */
  dueClock: ClockName | null;
  deadlineStatus: DeadlineStatus | null;
  proposalState: 'pending' | 'approved' | null;
  escalated: boolean;
  mergedIntoNumber: string | null;
  /** The latest transfer between the group's sites (转办): transferred in when `status` is not `transferred_out`. */
  transfer: CaseTransfer | null;
  /** Overdue or due soon (issue 5); absent where a view does not compute it. */
  deadlineAlert?: DeadlineAlert | null;
}

export interface CaseDetail extends CaseSummary {
  queryCode: string;
  content: string;
  demands: string | null;
  complainant: Complainant;
  confidential: boolean;
  anonymous: boolean;
  handlerName: string | null;
  coDepartmentIds: string[];
  finding: Finding | null;
  lastSatisfaction: number | null;
  followUpSatisfied: boolean;
  /** Closing now needs a supervisor's override with a reason (the finding's follow-up is missing). */
  closeNeedsOverride: boolean;
  mergedInto: { id: string; number: string } | null;
  linkedCases: { id: string; number: string; subject: string; status: CaseStatus; proposalState: CaseSummary['proposalState'] }[];
  /** Earlier cases of the same complainant (same phone number), newest first. */
  earlierCases: CaseSummary[];
  /**
   * Cases its history names (a link, a merge) that this desk does not hold: another site's,
   * recorded there before the case was transferred here (转办). Shown as words, not links.
   */
  casesElsewhere: NamedCase[];
  categoryId: string | null;
  respondent: { departmentId?: string | undefined; person?: string | undefined; userId?: string | undefined } | null;
  /** Letter, transfer, group, witnesses, when and where, evidence. */
  intake: CaseIntake;
  /** Evidence of the case this desk does not hold yet: it comes from the site's server when opened. */
  remoteEvidence?: string[];
  registeredBy: string;
  /** `conflict`: set aside as impossible after a concurrent act on another desk, to be settled. */
  events: (CaseEvent & { actorName: string; conflict: boolean })[];
  allowedActions: CaseActionType[];
  deadlineInfo?: CaseDeadlineInfo;
  /** The year this case was sealed with (年度封存): read-only for everyone from then on. */
  sealedYear?: number;
  /** Phone and ID number arrive masked (138****5678) for roles that do not need them. */
  personalData: { masked: boolean; mayReveal: boolean };
}

export interface BoardColumn {
  status: CaseStatus;
  count: number;
  cards: CaseSummary[];
}

export interface CaseInbox {
  assigned: CaseSummary[];
  approvals: CaseSummary[];
  overdue: CaseSummary[];
  escalated: CaseSummary[];
  /** For supervisors: cases holding an act set aside as a conflict after a concurrent one on another desk, to settle. */
  conflicts: CaseSummary[];
}

/** What the desk may tell a caller who gives the case number and the query code. */
export interface CaseInquiry {
  number: string;
  status: CaseStatus;
  promisedBy: string;
  lastReply: { at: string; content: string } | null;
  mergedIntoNumber: string | null;
}

export interface ChainCheck {
  casesChecked: number;
  eventsChecked: number;
  firstBroken: { caseId: string; number: string; seq: number; problem: 'hash' | 'link' | 'sequence' } | null;
}

export interface CaseHandlerOption {
  id: string;
  displayName: string;
  departmentIds: string[];
}

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
}

export interface RegisteredCase {
  id: string;
  number: string;
  queryCode: string;
  deadlines: Deadlines;
}
