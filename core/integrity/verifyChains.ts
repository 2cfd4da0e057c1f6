import type Sqlite from 'better-sqlite3';
import { caseSpan, eventOfRow, hashesOf } from '../../db/eventCodec.ts';
import { caseHeads, iterateStoredEvents } from '../../db/queries/integrity.ts';
import { logFault } from '../../domain/cases/eventDag.ts';
import type { CaseEvent } from '../../domain/cases/events.ts';

export interface ChainProblem {
  caseId: string;
  caseNumber: string | null;
  seq: number | null;
  problem: 'hash' | 'link' | 'gap' | 'head' | 'orphan';
}

export interface ChainReport {
  cases: number;
  events: number;
  problems: ChainProblem[];
}

/**
 * Verifies every case's event DAG in a store (domain/cases/eventDag.ts logFault): each event's
 * hash recomputed from its stored fields and named by its children or the case's heads, every
 * parent present, no gap in the places, and the case's recorded heads equal to the log's.
 * Works on any store file (the desk's own, a backup, an import) because it reads through a raw
 * connection.
 */
export function verifyChains(db: Sqlite.Database): ChainReport {
  const cases = caseHeads(db);
  const bySeqno = new Map(cases.map((c) => [c.seqno, c]));
  const logs = new Map<number, CaseEvent[]>();
  const problems: ChainProblem[] = [];
  let events = 0;
  for (const row of iterateStoredEvents(db)) {
    events++;
    const seqno = Math.floor(row.pos / caseSpan);
    const head = bySeqno.get(seqno);
    if (!head) {
      problems.push({ caseId: `#${seqno}`, caseNumber: null, seq: row.pos % caseSpan, problem: 'orphan' });
      continue;
    }
    const log = logs.get(seqno) ?? [];
    log.push(eventOfRow(head.id, row));
    logs.set(seqno, log);
  }
  for (const head of cases) {
    const fault = logFault(logs.get(head.seqno) ?? [], { heads: hashesOf(head.heads), count: head.last_seq });
    if (fault) {
      const problem = fault.problem === 'sequence' ? 'gap' : fault.problem;
      problems.push({ caseId: head.id, caseNumber: head.number, seq: fault.seq, problem });
    }
  }
  return { cases: cases.length, events, problems };
}
