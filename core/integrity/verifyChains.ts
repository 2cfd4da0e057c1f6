import { createHash } from 'node:crypto';
import type Sqlite from 'better-sqlite3';
import { caseHeads, iterateCaseEvents } from '../../db/queries/integrity.ts';
import { genesisHash } from '../../domain/cases/hashChain.ts';
import { linkFault } from '../cases/chainLink.ts';

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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Verifies every case's event chain in a store: each event's hash recomputed from its stored
 * fields, each link to its predecessor, no gap in the sequence, and the projection's head
 * (`cases.last_seq`, `last_hash`) equal to the chain's last event. Works on any store file
 * (the desk's own, a backup, an import) because it reads through a raw connection.
 */
export function verifyChains(db: Sqlite.Database): ChainReport {
  const heads = new Map(caseHeads(db).map((c) => [c.id, c]));
  const problems: ChainProblem[] = [];
  const tails = new Map<string, { seq: number; hash: string }>();
  let events = 0;
  for (const e of iterateCaseEvents(db)) {
    events++;
    const head = heads.get(e.case_id);
    const numberOf = () => head?.number ?? null;
    if (!head) {
      problems.push({ caseId: e.case_id, caseNumber: null, seq: e.seq, problem: 'orphan' });
      continue;
    }
    const previous = tails.get(e.case_id) ?? { seq: 0, hash: genesisHash };
    const fault = linkFault(previous, e, sha256);
    if (fault) problems.push({ caseId: e.case_id, caseNumber: numberOf(), seq: e.seq, problem: fault === 'sequence' ? 'gap' : fault });
    tails.set(e.case_id, { seq: e.seq, hash: e.hash });
  }
  for (const head of heads.values()) {
    const tail = tails.get(head.id);
    if (!tail || tail.seq !== head.last_seq || tail.hash !== head.last_hash) {
      problems.push({ caseId: head.id, caseNumber: head.number, seq: tail?.seq ?? null, problem: 'head' });
    }
  }
  return { cases: heads.size, events, problems };
}
