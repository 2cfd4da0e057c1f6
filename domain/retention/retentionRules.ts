import type { OrgProfile, RecordType } from '../cases/vocabulary.ts';
import { recordTypes } from '../cases/vocabulary.ts';

/**
 * How long a finished case keeps what identifies its complainant, counted in months from the
 * day it was finished: `personalData` (names, phone and ID numbers, addresses of the complainant,
 * co-complainants and witnesses) per record type, and `evidence` (the files kept with the case,
 * letters among them) for every type. When a period ends the data are removed and the case
 * keeps a tombstone: its figures stay in the reports and its history still verifies.
 */
export interface RetentionPeriods {
  personalData: Record<RecordType, number>;
  evidence: number;
}

/** At least a month, at most a hundred years: zero would remove data the day a case closes. */
export const retentionLimits = { minMonths: 1, maxMonths: 1200 } as const;

const everyType = (months: number) => Object.fromEntries(recordTypes.map((t) => [t, months])) as Record<RecordType, number>;

/**
 * The defaults of each profile (the manual's privacy chapter says the rule each follows):
 * evidence and letters a year (投诉信件保存一年，再行销毁); personal data three years, the general
 * limitation period of a civil claim (Civil Code art. 188), so a complainant's claim can still be
 * answered; praise and requests, which found no claim, a year.
 */
export function defaultRetention(_profile: OrgProfile): RetentionPeriods {
  return {
    personalData: { ...everyType(36), praise: 12, helpRequest: 12, repairRequest: 12 },
    evidence: 12,
  };
}

/** What of a case is due for removal at `now`: none, its evidence files, or its personal data too. */
export type RemovalKind = 'evidence' | 'personalData';

/** The instant `months` after `iso` (calendar months, the day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

/**
 * What is due for a case finished at `finishedAt`, of type `type`, given what was removed
 * already. Personal data removal takes the evidence with it: a file names its sender as surely as
 * a field does.
 */
export function dueRemovals(
  c: { type: RecordType; finishedAt: string; removed: readonly RemovalKind[] },
  periods: RetentionPeriods,
  now: string,
): RemovalKind[] {
  const due: RemovalKind[] = [];
  const personalDue = addMonths(c.finishedAt, periods.personalData[c.type]) <= now;
  const evidenceDue = personalDue || addMonths(c.finishedAt, periods.evidence) <= now;
  if (evidenceDue && !c.removed.includes('evidence')) due.push('evidence');
  if (personalDue && !c.removed.includes('personalData')) due.push('personalData');
  return due;
}

/** How far `addMonths` may land from a plain shift by months: a day clamped to the month's end moves it up to three days. */
const marginMs = 4 * 86_400_000;

/**
 * Bounds on the day a case was finished, for a period of `months` ending by `now`: a case
 * finished on or before `surely` is due, one finished after `maybe` is not; between the two
 * (a few days) `dueRemovals` decides. Lets a store find the due cases by a range of an index.
 */
export function finishedBounds(months: number, now: string): { surely: string; maybe: string } {
  const d = new Date(now);
  const back = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - months,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
  return { surely: new Date(back - marginMs).toISOString(), maybe: new Date(back + marginMs).toISOString() };
}

/** Per record type, the latest finishing day that makes each kind of data due, surely or maybe (see `finishedBounds`). */
export interface DueBounds {
  type: RecordType;
  /** Personal data: its own period. */
  personalData: { surely: string; maybe: string };
  /** Evidence: its own period, or the personal data's when that ends first (they go together). */
  evidence: { surely: string; maybe: string };
}

const later = (a: string, b: string) => (a > b ? a : b);

export function dueBounds(periods: RetentionPeriods, now: string): DueBounds[] {
  const evidence = finishedBounds(periods.evidence, now);
  return recordTypes.map((type) => {
    const personalData = finishedBounds(periods.personalData[type], now);
    return {
      type,
      personalData,
      evidence: { surely: later(personalData.surely, evidence.surely), maybe: later(personalData.maybe, evidence.maybe) },
    };
  });
}
