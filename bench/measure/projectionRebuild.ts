import type Sqlite from 'better-sqlite3';
import { caseEventOf } from '../../core/cases/caseViews.ts';
import type { CaseEventRow } from '../../db/queries/caseEvents.ts';
import { type CaseRow, projectionColumns } from '../../db/queries/cases.ts';
import { projectCase } from '../../domain/cases/projection.ts';

export interface RebuildResult {
  cases: number;
  events: number;
  mismatches: number;
  ms: number;
}

/**
 * Folds every case's events with projectCase and compares the result with the stored
 * projection, streaming both tables in case-id order (each has an index on it).
 * With `fold: false` it only reads the same rows: the floor.
 */
export function rebuildProjection(sqlite: Sqlite.Database, options: { fold: boolean }): RebuildResult {
  const started = performance.now();
  const cases = sqlite.prepare('SELECT * FROM cases ORDER BY id').iterate() as IterableIterator<CaseRow>;
  const events = sqlite.prepare('SELECT * FROM case_events ORDER BY case_id, seq').iterate() as IterableIterator<CaseEventRow>;
  let pending = events.next();
  let caseCount = 0;
  let eventCount = 0;
  let mismatches = 0;
  for (const row of cases) {
    caseCount++;
    const own: CaseEventRow[] = [];
    while (!pending.done && pending.value.case_id <= row.id) {
      if (pending.value.case_id === row.id) own.push(pending.value);
      pending = events.next();
    }
    eventCount += own.length;
    if (!options.fold) continue;
    const expected = projectionColumns(projectCase(own.map(caseEventOf)));
    const stored = row as unknown as Record<string, unknown>;
    if (Object.entries(expected).some(([column, value]) => stored[column] !== value)) mismatches++;
  }
  events.return?.();
  return { cases: caseCount, events: eventCount, mismatches, ms: performance.now() - started };
}
