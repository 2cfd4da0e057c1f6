import type { Kysely } from 'kysely';
import { type CaseClockRow, writeCaseClocks } from '../../db/queries/caseClocks.ts';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import type { Database } from '../../db/schema.ts';
import { foldCaseClocks } from '../../domain/deadlines/caseClocks.ts';

/**
 * Refreshes the `case_clocks` rows of a case from its events, inside the transaction that
 * appended them: like the `cases` projection, they can always be rebuilt from the log.
 * `ordered`: the case's whole log in causal order when the caller holds it already, so it is
 * not read again. `fresh`: the case has no clock rows yet (its first event), none to replace.
 */
export async function syncCaseClocks(
  trx: Kysely<Database>,
  caseId: string,
  ordered?: readonly { type: string; at: string; payload: unknown }[],
  fresh = false,
): Promise<void> {
  await writeCaseClocks(trx, caseId, caseClockRows(caseId, ordered ?? (await listCaseEvents(trx, caseId))), fresh);
}

/** A case's `case_clocks` rows folded from its whole log in causal order. */
export function caseClockRows(caseId: string, events: readonly { type: string; at: string; payload: unknown }[]): CaseClockRow[] {
  const folded = foldCaseClocks(events.map((e) => ({ type: e.type, at: e.at, payload: e.payload as unknown })));
  return folded.clocks.map((c) => ({
    case_id: caseId,
    clock: c.clock,
    due: c.due,
    met_at: c.metAt,
    breached_at: c.breachedAt,
    paused_since: folded.pausedSince,
    provisional: folded.provisional ? 1 : 0,
  }));
}
