import type { RecordType, Severity } from '../cases/vocabulary.ts';
import type { ClockRecord } from '../deadlines/caseClocks.ts';
import type { ClockName, DeadlinePolicy } from '../deadlines/deadline.ts';
import type { ClockStatus, DeadlineAlert } from '../deadlines/deadlineStatus.ts';
import type { OnTimeRate } from '../deadlines/onTime.ts';

/** The deadlines part of a case page. */
export interface CaseDeadlineInfo {
  clocks: (ClockRecord & { status: ClockStatus })[];
  /** Some deadline relies on days beyond the official holiday data. */
  provisional: boolean;
  /** The last date the official holiday data covers. */
  calendarLastDate: string;
  pausedSince: string | null;
  extended: boolean;
  alert: DeadlineAlert | null;
}

export interface CalendarYearView {
  year: number;
  source: 'bundled' | 'imported';
  importedAt: string;
  /** Imported by the group for every site: read-only at the desk. */
  group: boolean;
}

export interface CalendarView {
  years: CalendarYearView[];
  lastDate: string;
  year: number;
  holidays: { date: string; name: string | null }[];
  makeUpDays: { date: string; name: string | null }[];
  localDays: { date: string; kind: 'closure' | 'extraWorkingDay'; note: string | null }[];
}

export interface CalendarImportResult {
  years: { year: number; holidays: number; makeUpDays: number; replaced: boolean }[];
  /** Cases whose provisional deadlines were computed again with the new data. */
  recomputedCases: number;
}

export interface PolicyView {
  type: RecordType;
  severity: Severity;
  policy: DeadlinePolicy;
  /** Edited at this desk (false: the preset of the desk's profile). */
  custom: boolean;
  /** Set by the group for the desk's profile, the same in every site of it: read-only at the desk. */
  group: boolean;
}

export type OnTimeReport = Record<ClockName, OnTimeRate>;
