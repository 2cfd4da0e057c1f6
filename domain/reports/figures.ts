import type { Deadlines } from '../cases/events.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../cases/vocabulary.ts';
import { clockOutcome } from '../deadlines/onTime.ts';
import { type Clock, clocks, type ReportFacts } from './caseFacts.ts';

/**
 * The analysis figures, defined once. Every figure is a ratio of two counts over a cohort: the
 * cases RECEIVED in the period (received_at in [from, to)), looked at as of `now`. The SQL in
 * db/queries/reports*.ts computes the same counts for large stores; a test proves both agree.
 * The user manual (docs/user-manual.md, "Analysis figures") explains each one in plain words.
 */

/** A case as the reports see it: the projection's columns plus its report facts. */
export interface ReportCase {
  id: string;
  number: string;
  type: RecordType;
  channel: Channel;
  severity: Severity;
  status: CaseStatus;
  categoryId: string | null;
  departmentId: string | null;
  handlerId: string | null;
  respondentDepartmentId: string | null;
  respondentPerson: string | null;
  complainantPhone: string | null;
  receivedAt: string;
  deadlines: Deadlines;
  facts: ReportFacts;
  /** The deadline engine's record of each clock (case_clocks): due, met, breach recorded, paused. */
  clocks: Partial<Record<Clock, ClockState>>;
  /** Working days from receipt to closing (`handlingWorkingDays`); null while open. */
  handlingDays: number | null;
}

export interface ClockState {
  due: string;
  metAt: string | null;
  breachedAt: string | null;
  pausedSince: string | null;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when nothing is counted (never a made-up 0% or 100%). */
  value: number | null;
}

/** The counts every figure is built from; additive, so groups and periods sum. */
export interface FigureCounts {
  registered: number;
  complaints: number;
  accepted: number;
  declined: number;
  closed: number;
  acceptedClosed: number;
  clockDecided: Record<Clock, number>;
  clockMet: Record<Clock, number>;
  answered: number;
  followedUp: number;
  rated: number;
  satisfied: number;
  withFinding: number;
  valid: number;
  repeats: number;
  handledWithDays: number;
  handlingDaysTotal: number;
}

export interface Figures {
  counts: FigureCounts;
  /** 办结率: accepted cases that are closed / accepted cases. */
  resolutionRate: Rate;
  /** 按时率 per clock: clocks on time / clocks on time or late (domain/deadlines/onTime.ts). */
  onTimeRate: Record<Clock, Rate>;
  /** 回访率: answered accepted cases with a follow-up / answered accepted cases (regulations: 100%). */
  followUpRate: Rate;
  /** 满意率: follow-ups rating 4 or 5 / cases with a rating (latest rating of each case). */
  satisfactionRate: Rate;
  /** 有效投诉率: complaints found valid / complaints with a finding. */
  validRate: Rate;
  /** 重复投诉率: complaints that repeat an earlier one / complaints. */
  repeatRate: Rate;
  /** 平均处理时长: mean working days from receipt to closing, over closed cases; null when none. */
  averageHandlingDays: number | null;
}

/** Satisfaction on the 5-point scale that counts as satisfied. */
export const satisfiedFrom = 4;
/** A complaint repeats an earlier one by the same phone number, same category, within this many days. */
export const repeatWindowDays = 90;

export const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

export const zeroCounts = (): FigureCounts => ({
  registered: 0,
  complaints: 0,
  accepted: 0,
  declined: 0,
  closed: 0,
  acceptedClosed: 0,
  clockDecided: { acknowledge: 0, feedback: 0, resolve: 0 },
  clockMet: { acknowledge: 0, feedback: 0, resolve: 0 },
  answered: 0,
  followedUp: 0,
  rated: 0,
  satisfied: 0,
  withFinding: 0,
  valid: 0,
  repeats: 0,
  handledWithDays: 0,
  handlingDaysTotal: 0,
});

/** Adds `more` into `into` (the counts are additive: groups and periods sum). */
export function addCounts(into: FigureCounts, more: FigureCounts): FigureCounts {
  for (const key of Object.keys(into) as (keyof FigureCounts)[]) {
    const value = into[key];
    const other = more[key];
    if (typeof value === 'number' && typeof other === 'number') (into[key] as number) = value + other;
    else if (typeof value === 'object' && typeof other === 'object') for (const c of clocks) value[c] += other[c];
  }
  return into;
}

/** A clock is decided once it is on time or late (domain/deadlines/onTime.ts, the one definition). */
export function clockDecided(c: ReportCase, clock: Clock, now: string): boolean {
  const k = c.clocks[clock];
  return k !== undefined && clockOutcome(k, now) !== 'running';
}

/** A clock counts as met when it is on time (domain/deadlines/onTime.ts). */
export function clockMet(c: ReportCase, clock: Clock, now: string): boolean {
  const k = c.clocks[clock];
  return k !== undefined && clockOutcome(k, now) === 'onTime';
}

/** Answered: an accepted case whose outcome reached the complainant (the resolve clock stopped). */
export const isAnswered = (c: ReportCase) => c.facts.acceptedAt !== null && c.facts.clockDoneAt.resolve !== null;

/**
 * Whether each complaint repeats an earlier case of the same complainant: same phone number,
 * same category (both none counts as the same), received within `repeatWindowDays` before it.
 * `cases` may include cases before the period, so a repeat of last month's case is found.
 */
export function repeatIds(cases: readonly ReportCase[]): Set<string> {
  const byPhone = new Map<string, ReportCase[]>();
  for (const c of cases) {
    if (!c.complainantPhone || c.facts.merged) continue;
    const list = byPhone.get(c.complainantPhone) ?? [];
    list.push(c);
    byPhone.set(c.complainantPhone, list);
  }
  const repeats = new Set<string>();
  const windowMs = repeatWindowDays * 86_400_000;
  for (const c of cases) {
    if (c.type !== 'complaint' || !c.complainantPhone || c.facts.merged) continue;
    const at = Date.parse(c.receivedAt);
    const earlier = byPhone
      .get(c.complainantPhone)
      ?.some(
        (p) => p.id !== c.id && p.categoryId === c.categoryId && p.receivedAt < c.receivedAt && Date.parse(p.receivedAt) >= at - windowMs,
      );
    if (earlier) repeats.add(c.id);
  }
  return repeats;
}

/** Adds one case of the cohort to the counts. */
export function countCase(counts: FigureCounts, c: ReportCase, now: string, isRepeat: boolean): FigureCounts {
  const f = c.facts;
  counts.registered++;
  if (c.type === 'complaint') counts.complaints++;
  if (f.acceptedAt !== null) counts.accepted++;
  if (f.declined) counts.declined++;
  if (f.closedAt !== null) counts.closed++;
  if (f.acceptedAt !== null && f.closedAt !== null) counts.acceptedClosed++;
  for (const clock of clocks) {
    if (clockDecided(c, clock, now)) {
      counts.clockDecided[clock]++;
      if (clockMet(c, clock, now)) counts.clockMet[clock]++;
    }
  }
  if (isAnswered(c)) {
    counts.answered++;
    if (f.followUps > 0) counts.followedUp++;
  }
  if (f.lastSatisfaction !== null) {
    counts.rated++;
    if (f.lastSatisfaction >= satisfiedFrom) counts.satisfied++;
  }
  if (c.type === 'complaint' && f.finding !== null) {
    counts.withFinding++;
    if (f.finding === 'valid') counts.valid++;
  }
  if (c.type === 'complaint' && isRepeat) counts.repeats++;
  if (f.closedAt !== null && c.handlingDays !== null) {
    counts.handledWithDays++;
    counts.handlingDaysTotal += c.handlingDays;
  }
  return counts;
}

/**
 * The counts of the cases received in [from, to), duplicates merged into another case left out. `history` may hold earlier cases too (for the
 * repeat look-back); only the cohort is counted.
 */
export function countCohort(history: readonly ReportCase[], range: { from: string; to: string }, now: string): FigureCounts {
  const repeats = repeatIds(history);
  const counts = zeroCounts();
  for (const c of history) {
    if (c.receivedAt >= range.from && c.receivedAt < range.to && !c.facts.merged) countCase(counts, c, now, repeats.has(c.id));
  }
  return counts;
}

export function figuresOf(counts: FigureCounts): Figures {
  return {
    counts,
    resolutionRate: rate(counts.acceptedClosed, counts.accepted),
    onTimeRate: {
      acknowledge: rate(counts.clockMet.acknowledge, counts.clockDecided.acknowledge),
      feedback: rate(counts.clockMet.feedback, counts.clockDecided.feedback),
      resolve: rate(counts.clockMet.resolve, counts.clockDecided.resolve),
    },
    followUpRate: rate(counts.followedUp, counts.answered),
    satisfactionRate: rate(counts.satisfied, counts.rated),
    validRate: rate(counts.valid, counts.withFinding),
    repeatRate: rate(counts.repeats, counts.complaints),
    averageHandlingDays: counts.handledWithDays === 0 ? null : counts.handlingDaysTotal / counts.handledWithDays,
  };
}

/** The change of a rate or count against a baseline, in the figure's own unit; null when either side is missing. */
export function change(current: number | null, baseline: number | null): number | null {
  return current === null || baseline === null ? null : current - baseline;
}
