import type { Kysely } from 'kysely';
import { hashesOf } from '../../db/eventCodec.ts';
import { casesInPage } from '../../db/queries/caseBoard.ts';
import { type CaseEventRow, listEventsOfCases } from '../../db/queries/caseEvents.ts';
import type { CaseRow } from '../../db/queries/cases.ts';
import type { Database } from '../../db/schema.ts';
import type { ChainCheck } from '../../domain/api/views.ts';
import { logFault } from '../../domain/cases/eventDag.ts';

type Broken = NonNullable<ChainCheck['firstBroken']>;

/** The first fault of one case's log (domain/cases/eventDag.ts logFault), or null when every hash and link holds. */
function checkCase(row: CaseRow, events: readonly CaseEventRow[]): Broken | null {
  const fault = logFault(events, { heads: hashesOf(row.heads), count: row.last_seq });
  if (!fault) return null;
  // The API's older vocabulary: the recorded heads disagreeing with the log is a break of its sequence.
  return { caseId: row.id, number: row.number, seq: fault.seq, problem: fault.problem === 'head' ? 'sequence' : fault.problem };
}

/** Verifies the hash DAG of one case or of the whole store, page by page, naming the first broken link. */
export async function verifyChain(db: Kysely<Database>, only?: CaseRow): Promise<ChainCheck> {
  const result: ChainCheck = { casesChecked: 0, eventsChecked: 0, firstBroken: null };
  let after = 0;
  for (;;) {
    const rows = only ? [only] : await casesInPage(db, after, 500);
    if (rows.length === 0) return result;
    const byCase = new Map<string, CaseEventRow[]>();
    for (const e of await listEventsOfCases(db, rows)) {
      const log = byCase.get(e.caseId) ?? [];
      log.push(e);
      byCase.set(e.caseId, log);
    }
    for (const row of rows) {
      const log = byCase.get(row.id) ?? [];
      result.casesChecked++;
      result.eventsChecked += log.length;
      const broken = checkCase(row, log);
      if (broken) return { ...result, firstBroken: broken };
    }
    if (only) return result;
    after = rows.at(-1)?.seqno ?? after;
  }
}
