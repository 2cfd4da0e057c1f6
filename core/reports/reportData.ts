import type { Kysely } from 'kysely';
import { namesOf } from '../../db/queries/reportLists.ts';
import { displayNamesOf } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { ReportGroupRow } from '../../domain/api/reportViews.ts';
import { type FigureCounts, type Figures, figuresOf, zeroCounts } from '../../domain/reports/figures.ts';
import type { ReportGroup } from '../../domain/reports/groups.ts';
import { type Range, timeBucketKeys } from '../../domain/reports/periods.ts';
import { cohortGroupCounts } from './cohortCounts.ts';

/** Figures of the cases received in a range (one row, or zero counts when there are none). */
export async function figuresFor(
  db: Kysely<Database>,
  range: Range,
  now: string,
  utcOffsetMinutes: number,
  departmentId?: string,
): Promise<Figures> {
  const { total } = await cohortGroupCounts(db, range, now, [], utcOffsetMinutes, departmentId);
  return figuresOf(total);
}

/**
 * Several breakdowns of one cohort, rolled up per group, with the cohort's figures as their sum:
 * the dashboard and the analysis ask for many (cohortCounts).
 */
export async function breakdownsFor(
  db: Kysely<Database>,
  range: Range,
  now: string,
  groups: readonly ReportGroup[],
  utcOffsetMinutes: number,
  departmentId?: string,
): Promise<{ figures: Figures; groups: Partial<Record<ReportGroup, ReportGroupRow[]>> }> {
  const { total, perGroup } = await cohortGroupCounts(db, range, now, groups, utcOffsetMinutes, departmentId);
  const out: Partial<Record<ReportGroup, ReportGroupRow[]>> = {};
  for (const group of groups) {
    const rolled = perGroup.get(group) ?? new Map<string | null, FigureCounts>();
    out[group] = await labelled(
      db,
      range,
      group,
      [...rolled].map(([key, counts]) => ({ key, counts })),
      utcOffsetMinutes,
    );
  }
  return { figures: figuresOf(total), groups: out };
}

async function labelled(
  db: Kysely<Database>,
  range: Range,
  group: ReportGroup,
  rows: { key: string | null; counts: FigureCounts }[],
  utcOffsetMinutes: number,
): Promise<ReportGroupRow[]> {
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
  // Time buckets read best in order, quiet ones as zero; everything else biggest first, then by key.
  if (group === 'day' || group === 'week' || group === 'month') {
    const seen = new Set(rowsOut.map((r) => r.key));
    for (const key of timeBucketKeys(range, group, utcOffsetMinutes) ?? []) {
      if (!seen.has(key)) rowsOut.push({ key, label: null, figures: figuresOf(zeroCounts()) });
    }
    rowsOut.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  } else {
    rowsOut.sort((a, b) => b.figures.counts.registered - a.figures.counts.registered || compareKeys(a.key, b.key));
  }
  return rowsOut;
}

/** SQLite's order of keys: NULL first, then by text. */
const compareKeys = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/** Normalises an ISO instant with any offset to the stored form (UTC, milliseconds, Z). */
export const utcIso = (instant: string) => new Date(instant).toISOString();
