import { isFact, statusAfter, stillPossible } from './caseMachine.ts';
import { causalOrder, type DagNode, madeConcurrently } from './eventDag.ts';
import type { CaseEventData, CaseIntake, Complainant, CorrectedPayload, Deadlines, SiteRef } from './events.ts';
import { type CaseStatus, type Channel, type Finding, isSatisfied, type RecordType, type Severity } from './vocabulary.ts';

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
  /** The finding of the latest proposal. */
  finding: Finding | null;
  /** The proposal of the current round of handling: waiting for approval, or approved. */
  proposalState: 'pending' | 'approved' | null;
  proposedBy: string | null;
  firstRespondedAt: string | null;
  followUpCount: number;
  lastSatisfaction: number | null;
  /** The latest follow-up of this round was satisfied (4 or 5). */
  followUpSatisfied: boolean;
  explanationAccepted: boolean;
  closedAt: string | null;
  escalatedAt: string | null;
  mergedInto: { id: string; number: string } | null;
  linkedCaseIds: string[];
  /** Whether the one extension a case may have was granted. */
  extended: boolean;
  /** When the clock was paused, while it is. */
  pausedSince: string | null;
  /** Letter, transfer, group, witnesses, when and where, evidence (registration and later additions). */
  intake: CaseIntake;
  /**
   * Acts recorded on another desk that became impossible once folded after a concurrent one
   * (two approvals, a close against a send-back): kept in the log, not applied, to be settled.
   */
  conflictIds: string[];
  /** The site that holds the case after a transfer (转办); null while it stays where it was registered. */
  heldBy: SiteRef | null;
  /** The latest transfer: from where, why, when; `origin` is the site where the case was registered. */
  transfer: { from: SiteRef; to: SiteRef; reason: string; at: string | null; origin: SiteRef } | null;
}

/** Who did it and when: the parts of a stored event some facts of the projection need. */
export interface EventMeta {
  id?: string | undefined;
  actorId?: string | undefined;
  at?: string | undefined;
}

/** A new round of handling (sent back, not satisfied, reviewed) starts without a proposal. */
const newRound = {
  proposalState: null,
  proposedBy: null,
  followUpSatisfied: false,
  explanationAccepted: false,
  closedAt: null,
} as const satisfies Partial<CaseState>;

function corrected(state: CaseState, p: CorrectedPayload): CaseState {
  const value = p.after ?? undefined;
  switch (p.field) {
    case 'subject':
      return { ...state, subject: p.after ?? state.subject };
    case 'content':
      return { ...state, content: p.after ?? state.content };
    case 'demands':
      return { ...state, demands: p.after };
    case 'complainant.name':
      return { ...state, complainant: { ...state.complainant, name: p.after ?? state.complainant.name } };
    case 'complainant.phone':
      return { ...state, complainant: { ...state.complainant, phone: value } };
    case 'complainant.address':
      return { ...state, complainant: { ...state.complainant, address: value } };
    case 'complainant.unit':
      return { ...state, complainant: { ...state.complainant, unit: value } };
    case 'type':
      return { ...state, type: p.after as RecordType };
    case 'channel':
      return { ...state, channel: p.after as Channel };
    case 'severity':
      return { ...state, severity: p.after as Severity };
  }
}

export function applyEvent(state: CaseState | null, event: CaseEventData & EventMeta): CaseState {
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
      finding: null,
      proposalState: null,
      proposedBy: null,
      firstRespondedAt: null,
      followUpCount: 0,
      lastSatisfaction: null,
      followUpSatisfied: false,
      explanationAccepted: false,
      closedAt: null,
      escalatedAt: null,
      mergedInto: null,
      linkedCaseIds: [],
      extended: false,
      pausedSince: null,
      intake: p.intake ?? {},
      conflictIds: [],
      heldBy: null,
      transfer: null,
    };
  }
  if (!state) throw new Error(`event ${event.type} before registration`);
  // Deadline events (issue 5) never change the status.
  switch (event.type) {
    case 'extended':
      return { ...state, deadlines: event.payload.deadlines, extended: true };
    case 'paused':
      return { ...state, pausedSince: event.payload.pausedAt };
    case 'resumed':
      return { ...state, deadlines: event.payload.deadlines, pausedSince: null };
    case 'deadlinesRecomputed':
      return { ...state, deadlines: event.payload.deadlines };
    case 'deadlineBreached':
      return state;
  }
  const status = statusAfter(state.status, event);
  const at = event.at ?? null;
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
    case 'noted':
    case 'contacted':
    case 'archived':
      return { ...state, status };
    case 'assigned':
      return {
        ...state,
        status,
        departmentId: event.payload.departmentId,
        coDepartmentIds: event.payload.coDepartmentIds,
        handlerId: event.payload.handlerId ?? null,
      };
    case 'investigationStarted':
      return { ...state, status, handlerId: event.payload.handlerId };
    case 'proposed':
      return { ...state, status, finding: event.payload.finding, proposalState: 'pending', proposedBy: event.actorId ?? null };
    case 'approved':
      return { ...state, status, proposalState: 'approved' };
    case 'sentBack':
      return { ...state, ...newRound, status };
    case 'responded':
      return { ...state, status, firstRespondedAt: state.firstRespondedAt ?? at };
    case 'followedUp': {
      const satisfied = isSatisfied(event.payload.satisfaction);
      const counted = { ...state, status, followUpCount: state.followUpCount + 1, lastSatisfaction: event.payload.satisfaction };
      if (status === 'investigating') return { ...counted, ...newRound };
      return { ...counted, followUpSatisfied: satisfied, explanationAccepted: event.payload.explanationAccepted };
    }
    case 'closed':
      return { ...state, status, closedAt: at };
    case 'reviewOpened':
      return { ...state, ...newRound, status };
    case 'escalated':
      return { ...state, status, escalatedAt: at };
    case 'corrected':
      return { ...corrected(state, event.payload), status };
    case 'linked':
    case 'duplicateMerged':
      return state.linkedCaseIds.includes(event.payload.caseId)
        ? state
        : { ...state, linkedCaseIds: [...state.linkedCaseIds, event.payload.caseId] };
    case 'merged':
      return { ...state, status, closedAt: at, mergedInto: { id: event.payload.intoId, number: event.payload.intoNumber } };
    case 'resolvedOnSpot':
      return { ...state, status, closedAt: at };
    case 'redirected':
      return { ...state, status };
    case 'transferred':
      // The receiving site routes it to its own departments and people: the sending site's go.
      return {
        ...state,
        ...newRound,
        status,
        departmentId: null,
        coDepartmentIds: [],
        handlerId: null,
        finding: null,
        heldBy: event.payload.to,
        transfer: { ...event.payload, at, origin: state.transfer?.origin ?? event.payload.from },
      };
    case 'attachmentsAdded':
      return {
        ...state,
        intake: { ...state.intake, attachments: [...(state.intake.attachments ?? []), ...event.payload.attachments] },
      };
  }
}

type Folded = CaseEventData & EventMeta & Partial<DagNode>;

/**
 * An act recorded at the sending site without seeing the transfer is not the receiving site's
 * to take (an acceptance names the sender's department): it stays in the log as a conflict.
 * Facts (a note, a contact, evidence) are true wherever they were recorded.
 */
function missedTransfer(event: Folded, sawTransfer: ((e: Folded) => boolean) | null): boolean {
  return sawTransfer !== null && !sawTransfer(event) && !isFact(event.type);
}

function foldOne(
  state: CaseState | null,
  event: Folded,
  concurrent: ReadonlySet<string>,
  sawTransfer: ((e: Folded) => boolean) | null,
): CaseState {
  if (
    state &&
    event.id &&
    concurrent.has(event.id) &&
    (!stillPossible(state.status, state.proposalState, event) || missedTransfer(event, sawTransfer))
  ) {
    return { ...state, conflictIds: [...state.conflictIds, event.id] };
  }
  return applyEvent(state, event);
}

/** Whether an event descends from `transfer` in the case's DAG (saw it, directly or through others). */
function descendantsOf(transfer: DagNode, order: readonly DagNode[]): (e: Folded) => boolean {
  const seen = new Set([transfer.hash]);
  for (const e of order) if (e.parents.some((p) => seen.has(p))) seen.add(e.hash);
  return (e) => e.hash !== undefined && seen.has(e.hash);
}

const isNode = (e: Folded): e is Folded & DagNode => e.hash !== undefined && e.parents !== undefined && e.id !== undefined;

/**
 * Folds a case's events into its state. Stored events (with their hashes and the heads they
 * saw) fold in causal order, ties broken by the clock, so every desk reaches the same state
 * from the same events whatever order they arrived in; an act made without seeing one folded
 * before it, and no longer possible after it, is set aside in `conflictIds`.
 */
/**
 * The case as the desks of `siteId` see it: a case another site holds since a transfer is
 * `transferred_out` here, so no act, board, sweep or open-case figure of this site takes it up.
 * `siteId` is null on a desk that is not (or no longer) in a group.
 */
export function seenFromSite(state: CaseState, siteId: string | null): CaseState {
  return state.heldBy && state.heldBy.id !== siteId ? { ...state, status: 'transferred_out' } : state;
}

export function projectCase(events: readonly Folded[]): CaseState {
  const stored = events.every(isNode);
  const order = stored ? causalOrder(events as (Folded & DagNode)[]) : events;
  const concurrent = stored ? madeConcurrently(order as (Folded & DagNode)[]) : new Set<string>();
  let state: CaseState | null = null;
  let sawTransfer: ((e: Folded) => boolean) | null = null;
  for (const event of order) {
    const before = state?.transfer ?? null;
    state = foldOne(state, event, concurrent, sawTransfer);
    if (stored && event.type === 'transferred' && state.transfer !== before) {
      sawTransfer = descendantsOf(event as Folded & DagNode, order as (Folded & DagNode)[]);
    }
  }
  if (!state) throw new Error('a case needs at least its registration event');
  return state;
}
