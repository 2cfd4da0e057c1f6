import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../domain/api/views.ts';

/**
 * The state as staff say it: an approved proposal still waits in `awaiting_approval` until the
 * complainant is answered, so that case reads "approved, awaiting the reply"; a case another site
 * took over reads where it went.
 */
export function statusLabel(
  c: Pick<CaseSummary, 'status' | 'proposalState'> & { transfer?: CaseSummary['transfer'] },
  t: TFunction,
): string {
  if (c.status === 'awaiting_approval' && c.proposalState === 'approved') return t('handling:approvedAwaitingReply');
  // Transferred to another site of the group (转办): where to, in the words of the list.
  if (c.status === 'transferred_out' && c.transfer) return t('handling:transfer.outTo', { site: c.transfer.to.name });
  return t(`cases:statuses.${c.status}`);
}
