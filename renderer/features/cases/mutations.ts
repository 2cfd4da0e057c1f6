import type { CaseDetail } from '../../../domain/api/views.ts';
import { invalidate, queryClient } from '../../shared/api/queries.ts';
import { caseQuery } from './queries.ts';

/**
 * After an act on a case: its page shows the core's answer at once, and every list that may
 * hold the case reads again when next shown.
 */
export function caseChanged(detail: CaseDetail): void {
  queryClient.setQueryData(caseQuery(detail.id).queryKey, detail);
  void invalidate('cases.list', 'cases.browse', 'cases.board', 'cases.inbox');
}
