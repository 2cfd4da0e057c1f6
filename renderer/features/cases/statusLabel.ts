import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../domain/api/views.ts';

/**
 * The state as staff say it: an approved proposal still waits in `awaiting_approval` until the
 * complainant is answered, so that case reads "approved, awaiting the reply".
 */
export function statusLabel(c: Pick<CaseSummary, 'status' | 'proposalState'>, t: TFunction): string {
  if (c.status === 'awaiting_approval' && c.proposalState === 'approved') return t('handling:approvedAwaitingReply');
  return t(`cases:statuses.${c.status}`);
}
