import type { Kysely } from 'kysely';
import { namesOf } from '../../db/queries/reportLists.ts';
import { cohortCounts } from '../../db/queries/reports.ts';
import { displayNamesOf } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { ReportGroupRow } from '../../domain/api/reportViews.ts';
import { type Figures, figuresOf, zeroCounts } from '../../domain/reports/figures.ts';
import type { ReportGroup } from '../../domain/reports/groups.ts';
import { type Range, timeBucketKeys } from '../../domain/reports/periods.ts';

/** Figures of the cases received in a range (one row, or zero counts when there are none). */
export async function figuresFor(
  db: Kysely<Database>,
  range: Range,
  now: string,
  utcOffsetMinutes: number,
  departmentId?: string,
): Promise<Figures> {
  const [row] = await cohortCounts(db, { ...range, now, departmentId }, null, utcOffsetMinutes);
  return figuresOf(row?.counts ?? zeroCounts());
}

/** A breakdown with the names of the departments, categories and people it is keyed by. */
export async function groupsFor(
  db: Kysely<Database>,
  range: Range,
  now: string,
  group: ReportGroup,
  utcOffsetMinutes: number,
  departmentId?: string,
): Promise<ReportGroupRow[]> {
  const rows = await cohortCounts(db, { ...range, now, departmentId }, group, utcOffsetMinutes);
  const keys = rows.map((r) => r.key);
  let names = new Map<string, string>();
  if (group === 'department' || group === 'respondentDepartment') names = await namesOf(db, 'departments', keys);
  if (group === 'category') names = await namesOf(db, 'categories', keys);
  if (group === 'handler')
    names = await displayNamesOf(
      db,
      keys.filter((k): k is string => k !== null),
    );
  const rowsOut = rows.map((r) => ({
    key: r.key,
    label: group === 'respondentPerson' ? r.key : r.key === null ? null : (names.get(r.key) ?? null),
    figures: figuresOf(r.counts),
  }));
  // Time buckets read best in order, quiet ones as zero; everything else biggest first (as the SQL sorts them).
  if (group === 'day' || group === 'week' || group === 'month') {
    const seen = new Set(rowsOut.map((r) => r.key));
    for (const key of timeBucketKeys(range, group, utcOffsetMinutes) ?? []) {
      if (!seen.has(key)) rowsOut.push({ key, label: null, figures: figuresOf(zeroCounts()) });
    }
    rowsOut.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  }
  return rowsOut;
}

/** Normalises an ISO instant with any offset to the stored form (UTC, milliseconds, Z). */
export const utcIso = (instant: string) => new Date(instant).toISOString();
