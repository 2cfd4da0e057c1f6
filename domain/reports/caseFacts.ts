import type { CaseEventData } from '../cases/events.ts';
import { clockMetBy } from '../deadlines/caseClocks.ts';

/** The three deadline clocks of a case. */
export const clocks = ['acknowledge', 'feedback', 'resolve'] as const;
export type Clock = (typeof clocks)[number];

export const findings = ['valid', 'toImprove', 'invalid', 'malicious'] as const;
export type Finding = (typeof findings)[number];

/**
 * What the reports need to know about a case beyond its registration, folded from its event log.
 * Kept as a separate projection (`case_report_facts`) so the analysis never re-reads the log.
 */
export interface ReportFacts {
  /** When the case was accepted (or resolved on the spot); null while undecided or when declined. */
  acceptedAt: string | null;
  declined: boolean;
  /** When each clock was first satisfied: the act that stops it (see `clockStoppers`). */
  clockDoneAt: Record<Clock, string | null>;
  /** A breach recorded by the deadline engine; stays true after the case closes. */
  breached: Record<Clock, boolean>;
  /** The finding of the latest proposal. */
  finding: Finding | null;
  /** When the case was last closed; cleared when it is reopened for review. */
  closedAt: string | null;
  followUps: number;
  /** The satisfaction (1..5) of the latest follow-up, or given when resolved on the spot. */
  lastSatisfaction: number | null;
  /** Merged into another case as its duplicate: counted once, on the surviving case. */
  merged: boolean;
}

export const emptyFacts = (): ReportFacts => ({
  acceptedAt: null,
  declined: false,
  clockDoneAt: { acknowledge: null, feedback: null, resolve: null },
  breached: { acknowledge: false, feedback: false, resolve: false },
  finding: null,
  closedAt: null,
  followUps: 0,
  lastSatisfaction: null,
  merged: false,
});

/**
 * Which recorded acts stop which clock: the deadline engine's own list (user manual,
 * "Deadlines"), so the reports and the case page never disagree about a clock.
 */
export const clockStoppers: Record<Clock, readonly string[]> = clockMetBy;

/** A fact of the log as the reports read it: the type as a string, so later event types fold in. */
export interface FactEvent {
  type: string;
  at: string;
  payload: unknown;
}

function field(payload: unknown, name: string): unknown {
  return payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[name] : undefined;
}

const isFinding = (v: unknown): v is Finding => typeof v === 'string' && (findings as readonly string[]).includes(v);
const isClock = (v: unknown): v is Clock => typeof v === 'string' && (clocks as readonly string[]).includes(v);

/** Folds one event into the facts. Unknown event types change nothing. */
export function applyFactEvent(facts: ReportFacts, event: FactEvent): ReportFacts {
  const next: ReportFacts = {
    ...facts,
    clockDoneAt: { ...facts.clockDoneAt },
    breached: { ...facts.breached },
  };
  for (const clock of clocks) {
    if (next.clockDoneAt[clock] === null && clockStoppers[clock].includes(event.type)) next.clockDoneAt[clock] = event.at;
  }
  const satisfaction = field(event.payload, 'satisfaction');
  switch (event.type) {
    case 'accepted':
      next.acceptedAt ??= event.at;
      break;
    // Redirected with guidance is a decision not to handle the matter here, like a decline.
    case 'declined':
    case 'redirected':
      next.declined = true;
      break;
    case 'resolvedOnSpot':
      next.acceptedAt ??= event.at;
      next.closedAt = event.at;
      if (typeof satisfaction === 'number') {
        next.followUps += 1;
        next.lastSatisfaction = satisfaction;
      }
      break;
    case 'proposed': {
      const finding = field(event.payload, 'finding');
      if (isFinding(finding)) next.finding = finding;
      break;
    }
    case 'followedUp':
      next.followUps += 1;
      if (typeof satisfaction === 'number') next.lastSatisfaction = satisfaction;
      break;
    case 'closed':
      next.closedAt = event.at;
      break;
    case 'reviewOpened':
      next.closedAt = null;
      break;
    case 'merged':
      next.merged = true;
      next.closedAt = event.at;
      break;
    case 'deadlineBreached': {
      const clock = field(event.payload, 'clock');
      if (isClock(clock)) next.breached[clock] = true;
      break;
    }
  }
  return next;
}

export function factsOf(events: readonly (FactEvent | (CaseEventData & { at: string }))[]): ReportFacts {
  let facts = emptyFacts();
  for (const e of events) facts = applyFactEvent(facts, e);
  return facts;
}
