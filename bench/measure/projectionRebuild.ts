import type Sqlite from 'better-sqlite3';
import { caseSpan, eventOfRow, type StoredEventRow } from '../../db/eventCodec.ts';
import { type CaseRow, projectionColumns } from '../../db/queries/cases.ts';
import { iterateStoredEvents } from '../../db/queries/integrity.ts';
import { projectCase } from '../../domain/cases/projection.ts';

export interface RebuildResult {
  cases: number;
  events: number;
  mismatches: number;
  ms: number;
}

/**
 * Folds every case's events with projectCase and compares the result with the stored
 * projection, streaming both tables in seqno order (the log's key begins with it).
 * With `fold: false` it only reads the same rows: the floor.
 */
export function rebuildProjection(sqlite: Sqlite.Database, options: { fold: boolean }): RebuildResult {
  const started = performance.now();
  const cases = sqlite.prepare('SELECT * FROM cases ORDER BY seqno').iterate() as IterableIterator<CaseRow>;
  const events = iterateStoredEvents(sqlite);
  let pending = events.next();
  let caseCount = 0;
  let eventCount = 0;
  let mismatches = 0;
  for (const row of cases) {
    caseCount++;
    const own: StoredEventRow[] = [];
    while (!pending.done && Math.floor(pending.value.pos / caseSpan) <= row.seqno) {
      if (Math.floor(pending.value.pos / caseSpan) === row.seqno) own.push(pending.value);
      pending = events.next();
    }
    eventCount += own.length;
    if (!options.fold) continue;
    const expected = projectionColumns(projectCase(own.map((e) => eventOfRow(row.id, e))));
    const stored = row as unknown as Record<string, unknown>;
    if (Object.entries(expected).some(([column, value]) => stored[column] !== value)) mismatches++;
  }
  events.return?.();
  return { cases: caseCount, events: eventCount, mismatches, ms: performance.now() - started };
}
