import type { Deadlines } from '../cases/events.ts';
import type { CaseStatus } from '../cases/vocabulary.ts';

/** A deadline this close counts as due soon on the board and in the inbox. */
export const dueSoonMs = 48 * 3_600_000;

export type DeadlineStatus = 'overdue' | 'dueSoon' | 'onTime';

/**
 * The deadline a case is working towards now: acknowledging a registered case, the first
 * feedback until the complainant has had an answer, then resolving. A finished case has none.
 */
export function currentDeadline(status: CaseStatus, deadlines: Deadlines, firstRespondedAt: string | null): string | null {
  switch (status) {
    case 'registered':
      return deadlines.acknowledge;
    case 'accepted':
    case 'investigating':
    case 'awaiting_approval':
      return firstRespondedAt ? deadlines.resolve : deadlines.feedback;
    case 'responded':
      return deadlines.resolve;
    default:
      return null;
  }
}

export function deadlineStatus(dueAt: string | null, now: Date): DeadlineStatus | null {
  if (dueAt === null) return null;
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  return left <= dueSoonMs ? 'dueSoon' : 'onTime';
}
