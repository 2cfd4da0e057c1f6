import { causalOrder } from '../cases/eventDag.ts';
import type { CaseEventData } from '../cases/events.ts';
import { phoneLookupKey } from '../cases/phone.ts';
import { type CaseState, projectCase } from '../cases/projection.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../cases/vocabulary.ts';
import { foldCaseClocks } from '../deadlines/caseClocks.ts';
import { addCalendarDays, localDateOf, type WorkingCalendar } from '../deadlines/workingCalendar.ts';
import { type Aliases, canonicalState, noAliases } from '../sync/referenceRecords.ts';
import { caseSearchTexts, toTermSet, toTrigramDocument } from '../text/searchTerms.ts';
import { type Clock, factsOf, type ReportFacts } from './caseFacts.ts';
import type { ClockState, ReportCase } from './figures.ts';
import { handlingWorkingDays } from './handlingTime.ts';

/**
 * A case as the central server keeps it for the group's reports and search: the desk's own
 * projection (projectCase), report facts (factsOf) and clocks (foldCaseClocks) folded from the
 * case's events in causal order, exactly as a desk of the site folds them when it receives them
 * (core/sync/receiveEvents.ts), flattened to what the reports count and the search finds.
 */
export interface SiteCase {
  caseId: string;
  number: string;
  type: RecordType;
  status: CaseStatus;
  channel: Channel;
  severity: Severity;
  categoryId: string | null;
  departmentId: string | null;
  handlerId: string | null;
  respondentDepartmentId: string | null;
  respondentPerson: string | null;
  subject: string;
  complainantName: string;
  /** As registered: the desk's repeat rule compares this text (domain/reports/figures.ts repeatIds). */
  complainantPhone: string | null;
  /** The phone in the form the desk looks it up by (domain/cases/phone.ts), for repeats across sites. */
  phoneKey: string | null;
  confidential: boolean;
  anonymous: boolean;
  receivedAt: string;
  /** The site's local date of receipt, and the Monday on or before it: the trend's buckets. */
  receivedDay: string;
  receivedWeek: string;
  facts: ReportFacts;
  clocks: Partial<Record<Clock, ClockState>>;
  handlingDays: number | null;
  /** The search documents, as the desk indexes its own cases (domain/text/searchTerms.ts). */
  searchText: string;
  searchTerms: string;
  /** Acts set aside as conflicts (made at once on two desks), as the desk's inbox counts them. */
  conflicts: number;
}

/** An event as the server holds it: the wire form with its payload parsed. */
export interface HeldEvent {
  id: string;
  type: string;
  payload: unknown;
  actorId: string;
  at: string;
  hlc: string;
  hash: string;
  parents: readonly string[];
}

/** What a site's time is: its working calendar (for handling days) and its offset from UTC. */
export interface SiteTime {
  calendar: WorkingCalendar;
  utcOffsetMinutes: number;
}

const mondayOf = (day: string) => addCalendarDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The case's state as the desk's read model shows it, from its events in any order. */
export function siteCaseState(events: readonly HeldEvent[], aliases: Aliases = noAliases): CaseState {
  return canonicalState(projectCase(events as unknown as (CaseEventData & HeldEvent)[]), aliases);
}

/** Folds a case's events (any order) into what the server keeps of it. */
export function siteCaseOf(caseId: string, events: readonly HeldEvent[], time: SiteTime, aliases: Aliases = noAliases): SiteCase {
  const state = siteCaseState(events, aliases);
  const ordered = causalOrder(events).map((e) => ({ type: e.type, at: e.at, payload: e.payload }));
  const facts = factsOf(ordered);
  const folded = foldCaseClocks(ordered);
  const clockStates: Partial<Record<Clock, ClockState>> = {};
  for (const c of folded.clocks) {
    clockStates[c.clock] = { due: c.due, metAt: c.metAt, breachedAt: c.breachedAt, pausedSince: folded.pausedSince };
  }
  const receivedDay = localDateOf(state.receivedAt, time.utcOffsetMinutes);
  const texts = caseSearchTexts(state);
  return {
    caseId,
    number: state.number,
    type: state.type,
    status: state.status,
    channel: state.channel,
    severity: state.severity,
    categoryId: state.categoryId,
    departmentId: state.departmentId,
    handlerId: state.handlerId,
    respondentDepartmentId: state.respondent?.departmentId ?? null,
    respondentPerson: state.respondent?.person ?? null,
    subject: state.subject,
    complainantName: state.complainant.name,
    complainantPhone: state.complainant.phone ?? null,
    phoneKey: state.complainant.phone ? phoneLookupKey(state.complainant.phone) : null,
    confidential: state.confidential,
    anonymous: state.anonymous,
    receivedAt: state.receivedAt,
    receivedDay,
    receivedWeek: mondayOf(receivedDay),
    facts,
    clocks: clockStates,
    handlingDays: facts.closedAt ? handlingWorkingDays(state.receivedAt, facts.closedAt, time) : null,
    searchText: toTrigramDocument(texts),
    searchTerms: toTermSet(texts),
    conflicts: state.conflictIds.length,
  };
}

/** The case as the desk's figures read it (domain/reports/figures.ts), so both count alike. */
export function reportCaseOf(c: SiteCase): ReportCase {
  const due = (clock: Clock) => c.clocks[clock]?.due ?? '';
  return {
    id: c.caseId,
    number: c.number,
    type: c.type,
    channel: c.channel,
    severity: c.severity,
    status: c.status,
    categoryId: c.categoryId,
    departmentId: c.departmentId,
    handlerId: c.handlerId,
    respondentDepartmentId: c.respondentDepartmentId,
    respondentPerson: c.respondentPerson,
    complainantPhone: c.complainantPhone,
    receivedAt: c.receivedAt,
    deadlines: { acknowledge: due('acknowledge'), feedback: due('feedback'), resolve: due('resolve') },
    facts: c.facts,
    clocks: c.clocks,
    handlingDays: c.handlingDays,
  };
}
