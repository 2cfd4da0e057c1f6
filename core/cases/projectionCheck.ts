import type { Kysely } from 'kysely';
import { casesInPage } from '../../db/queries/caseBoard.ts';
import { type CaseEventRow, listEventsOfCases } from '../../db/queries/caseEvents.ts';
import { projectionColumns } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import type { Database } from '../../db/schema.ts';
import { projectCase } from '../../domain/cases/projection.ts';
import { canonicalState } from '../../domain/sync/referenceRecords.ts';

export interface ProjectionMismatch {
  caseId: string;
  column: string;
  stored: unknown;
  rebuilt: unknown;
}

/**
 * Folds every case's log into its projection again and compares it, column by column, with
 * the stored `cases` row: the projection must always be derivable from the events alone (and
 * the aliases of records merged into the site's).
 */
export async function compareProjections(db: Kysely<Database>): Promise<{ cases: number; mismatches: ProjectionMismatch[] }> {
  const mismatches: ProjectionMismatch[] = [];
  let cases = 0;
  let after = 0;
  const aliases = await readAliases(db);
  for (;;) {
    const rows = await casesInPage(db, after, 500);
    if (rows.length === 0) return { cases, mismatches };
    const byCase = new Map<string, CaseEventRow[]>();
    for (const e of await listEventsOfCases(db, rows)) {
      byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    }
    for (const row of rows) {
      cases++;
      const rebuilt = projectionColumns(canonicalState(projectCase(byCase.get(row.id) ?? []), aliases));
      for (const [column, value] of Object.entries(rebuilt)) {
        const stored = row[column as keyof typeof row];
        if (stored !== value) mismatches.push({ caseId: row.id, column, stored, rebuilt: value });
      }
    }
    after = rows.at(-1)?.seqno ?? after;
  }
}
