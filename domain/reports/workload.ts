import type { CaseStatus } from '../cases/vocabulary.ts';
import { clocks } from './caseFacts.ts';
import type { ReportCase } from './figures.ts';

/** A case still being worked on: not declined, closed or archived. */
export const isOpenStatus = (s: CaseStatus) => s !== 'declined' && s !== 'closed' && s !== 'archived';

/** How far ahead "due soon" looks on the dashboard, until the deadline settings say otherwise. */
export const dueSoonHours = 48;

/** Some clock of the case is still running past its deadline. */
export function isOverdue(c: ReportCase, now: string): boolean {
  return clocks.some((clock) => c.facts.clockDoneAt[clock] === null && c.deadlines[clock] < now);
}

/** Not overdue, but a running clock ends before `soon`. */
export function isDueSoon(c: ReportCase, now: string, soon: string): boolean {
  return !isOverdue(c, now) && isOverdue(c, soon);
}

export function workloadOf(cases: readonly ReportCase[], now: string, soon: string) {
  const open = cases.filter((c) => isOpenStatus(c.status));
  return {
    open: open.length,
    overdue: open.filter((c) => isOverdue(c, now)).length,
    dueSoon: open.filter((c) => isDueSoon(c, now, soon)).length,
  };
}
