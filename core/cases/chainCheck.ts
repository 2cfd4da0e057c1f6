import type { Kysely } from 'kysely';
import { casesInPage } from '../../db/queries/caseBoard.ts';
import { type CaseEventRow, listEventsOfCases } from '../../db/queries/caseEvents.ts';
import type { CaseRow } from '../../db/queries/cases.ts';
import type { Database } from '../../db/schema.ts';
import type { ChainCheck } from '../../domain/api/views.ts';
import { genesisHash } from '../../domain/cases/hashChain.ts';
import { linkFault } from './chainLink.ts';

type Broken = NonNullable<ChainCheck['firstBroken']>;

/** The first broken link of one case's log, or null when every hash and link holds. */
function checkCase(row: CaseRow, events: CaseEventRow[], sha256: (text: string) => string): Broken | null {
  let previous = { seq: 0, hash: genesisHash };
  for (const e of events) {
    const fault = linkFault(previous, e, sha256);
    if (fault) return { caseId: row.id, number: row.number, seq: previous.seq + 1, problem: fault };
    previous = { seq: e.seq, hash: e.hash };
  }
  // The projection remembers the last link: a log cut short at its end is caught here.
  if (events.length !== row.last_seq || previous.hash !== row.last_hash) {
    return { caseId: row.id, number: row.number, seq: events.length + 1, problem: 'sequence' };
  }
  return null;
}

/** Verifies the hash chain of one case or of the whole store, page by page, naming the first broken link. */
export async function verifyChain(db: Kysely<Database>, sha256: (text: string) => string, only?: CaseRow): Promise<ChainCheck> {
  const result: ChainCheck = { casesChecked: 0, eventsChecked: 0, firstBroken: null };
  let after = 0;
  for (;;) {
    const rows = only ? [only] : await casesInPage(db, after, 500);
    if (rows.length === 0) return result;
    const byCase = new Map<string, CaseEventRow[]>();
    for (const e of await listEventsOfCases(
      db,
      rows.map((r) => r.id),
    )) {
      const log = byCase.get(e.case_id) ?? [];
      log.push(e);
      byCase.set(e.case_id, log);
    }
    for (const row of rows) {
      const log = byCase.get(row.id) ?? [];
      result.casesChecked++;
      result.eventsChecked += log.length;
      const broken = checkCase(row, log, sha256);
      if (broken) return { ...result, firstBroken: broken };
    }
    if (only) return result;
    after = rows.at(-1)?.seqno ?? after;
  }
}
