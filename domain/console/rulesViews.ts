import type { OrgProfile, RecordType, Severity } from '../cases/vocabulary.ts';
import type { DeadlinePolicy } from '../deadlines/deadline.ts';

/** What the console shows of the group's rules. */

export interface GroupCalendarDay {
  date: string;
  name: string | null;
}

export interface GroupCalendarYear {
  year: number;
  importedAt: string;
  holidays: GroupCalendarDay[];
  makeUpDays: GroupCalendarDay[];
}

/** A holiday file checked against the group's calendar, before anyone confirms its import. */
export interface CalendarPreviewYear {
  year: number;
  holidays: number;
  makeUpDays: number;
  /** The group had this year already: the file replaces it. */
  replaced: boolean;
  /** Days the file adds or takes away against the group's version of the year (`date:kind`). */
  added: string[];
  removed: string[];
}

export interface CalendarPreview {
  years: CalendarPreviewYear[];
  /** How many sites the import reaches. */
  sites: number;
}

export interface GroupCategory {
  id: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
}

export interface GroupPolicy {
  profile: OrgProfile;
  type: RecordType;
  severity: Severity;
  policy: DeadlinePolicy;
}
