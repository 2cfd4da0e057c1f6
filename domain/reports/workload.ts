import type { CaseStatus } from '../cases/vocabulary.ts';
import { clocks } from './caseFacts.ts';
import type { ReportCase } from './figures.ts';

/** A case still being worked on: not declined, closed or archived. */
export const isOpenStatus = (s: CaseStatus) => s !== 'declined' && s !== 'closed' && s !== 'archived';

/** Some clock of the case is still running past its deadline (paused or not, as the case page says). */
export function isOverdue(c: ReportCase, now: string): boolean {
  return clocks.some((clock) => {
    const k = c.clocks[clock];
    return k !== undefined && k.metAt === null && k.due < now;
  });
}

/**
 * Not overdue, but a running clock (not paused) ends by `soon`: the end of the working day the
 * deadline setting "warn ahead" names, as on the board.
 */
export function isDueSoon(c: ReportCase, now: string, soon: string): boolean {
  return (
    !isOverdue(c, now) &&
    clocks.some((clock) => {
      const k = c.clocks[clock];
      return k !== undefined && k.metAt === null && k.pausedSince === null && k.due <= soon;
    })
  );
}

export function workloadOf(cases: readonly ReportCase[], now: string, soon: string) {
  const open = cases.filter((c) => isOpenStatus(c.status));
  return {
    open: open.length,
    overdue: open.filter((c) => isOverdue(c, now)).length,
    dueSoon: open.filter((c) => isDueSoon(c, now, soon)).length,
  };
}
