import { type Kysely, type RawBuilder, sql } from 'kysely';
import { addCounts, type FigureCounts } from '../../domain/reports/figures.ts';
import type { GroupDimension, RolledUp } from '../../domain/reports/groupFigures.ts';
import type { Dialect } from './migrations.ts';
import { runningOverdueBySite, workNames, workSelect, workSums } from './openWorkQueries.ts';
import { countedRows, countNames, countSelect, countsOf, type GroupCohort, groupCounts } from './reportQueries.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/**
 * The group's report roll-ups (`case_rollups`, migration 013), as the desk keeps `report_daily`:
 * per site, local day, dimension and key, the sums of the counts the cohort queries count
 * (reportQueries.ts `countSelect`), less what depends on the time they are read at (a clock
 * running past its due time with no breach recorded: added when read). Additive: a change of a
 * case's row moves its counts from what its old row added to what its new row adds, in the same
 * transaction; `rebuildCaseRollups` counts them all again from the projection.
 */

/** The dimensions kept per site and day; `all` is the day's total (sites, days, months and the total are read from it). */
const rollupColumns = {
  all: null,
  category: 'category_id',
  channel: 'channel',
  severity: 'severity',
  type: 'type',
} as const;
type RollupDimension = keyof typeof rollupColumns;
const rollupDimensions = Object.keys(rollupColumns) as RollupDimension[];

/** The case's key of a dimension in SQL over the counted rows `c` ('' for none: the key is part of the primary key). */
const keyOf = (d: RollupDimension) => {
  const column = rollupColumns[d];
  return column ? sql`coalesce(${sql.ref(`c.${column}`)}, '')` : sql`''`;
};

/** The counts that do not change with the time they are read at: `now` before every due time. */
const timeless = '';

/** The table's sums: the rows of the cohort (a key is shown when it has any, as a grouping shows it), then the counts. */
const sumNames = ['cohort_rows', ...countNames, ...workNames];

/** One row of `case_rollups` to add (or, negated, subtract). */
interface RollupChange {
  siteId: number;
  day: string;
  dimension: RollupDimension;
  key: string;
  adds: number[];
}

type RollupChanges = Map<string, RollupChange>;

/**
 * What the cases' rows add to the roll-ups now (`sign` 1) or, before a change, take from them
 * (`sign` -1), summed into `into` per row of the table.
 */
async function collectRollupChanges(db: Db, caseIds: readonly string[], sign: 1 | -1, into: RollupChanges): Promise<void> {
  if (caseIds.length === 0) return;
  const keys = rollupDimensions.map((d) => sql`${keyOf(d)} AS ${sql.ref(`k_${d}`)}`);
  const rows = await sql<Record<string, unknown>>`
    SELECT c.count_site, c.received_day, ${sql.join(keys)}, 1 AS cohort_rows, c.intake AS registered, ${countSelect(timeless, false)}, ${workSelect}
    FROM ${countedRows(sql`p.case_id IN (${sql.join([...caseIds])}) AND p.merged = 0`)}`.execute(db);
  for (const row of rows.rows) {
    const adds = sumNames.map((name) => sign * Number(row[name] ?? 0));
    for (const dimension of rollupDimensions) {
      const change = { siteId: Number(row.count_site), day: String(row.received_day), dimension, key: String(row[`k_${dimension}`]), adds };
      const id = `${dimension}\u0000${change.day}\u0000${String(change.siteId).padStart(10, '0')}\u0000${change.key}`;
      const kept = into.get(id);
      if (kept) kept.adds = kept.adds.map((v, i) => v + (adds[i] ?? 0));
      else into.set(id, { ...change, adds: [...adds] });
    }
  }
}

/** Rows of one additive upsert: 25 values each, under either database's bound parameters. */
const changesAStatement = 1000;

/** Adds the changes to `case_rollups` (a row made where its key has none yet) and empties them. */
async function writeRollupChanges(db: Db, changes: RollupChanges): Promise<void> {
  // In the order of the table's key: two pushes moving rows of one site (a case transferred
  // between them) wait for each other's rows instead of each holding one the other needs.
  const all = [...changes.entries()]
    .filter(([, c]) => c.adds.some((v) => v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
  changes.clear();
  const columns = sql.join(sumNames.map((name) => sql.ref(name)));
  const sums = sql.join(sumNames.map((name) => sql`${sql.ref(name)} = case_rollups.${sql.ref(name)} + excluded.${sql.ref(name)}`));
  for (let i = 0; i < all.length; i += changesAStatement) {
    const values = all
      .slice(i, i + changesAStatement)
      .map((c) => sql`(${c.siteId}, ${c.day}, ${c.dimension}, ${c.key}, ${sql.join(c.adds)})`);
    await sql`INSERT INTO case_rollups (site_id, day, dimension, key, ${columns}) VALUES ${sql.join(values)}
      ON CONFLICT (dimension, day, site_id, key) DO UPDATE SET ${sums}`.execute(db);
  }
}

/**
 * Runs `change` (a write of these cases' rows in the projection) with the roll-ups moved by the
 * difference it makes: the cases' counts read before and after, in the caller's transaction.
 */
export async function withRollups<T>(db: Db, caseIds: readonly string[], change: () => Promise<T>): Promise<T> {
  const changes: RollupChanges = new Map();
  await collectRollupChanges(db, caseIds, -1, changes);
  const result = await change();
  await collectRollupChanges(db, caseIds, 1, changes);
  await writeRollupChanges(db, changes);
  return result;
}

/** Counts every case of the projection again: the one function that makes the roll-ups (the migration, a bulk load, a repair). */
export async function rebuildCaseRollups(db: Db): Promise<void> {
  await db.deleteFrom('case_rollups').execute();
  const columns = sql.join(sumNames.map((name) => sql.ref(name)));
  for (const d of rollupDimensions) {
    await sql`INSERT INTO case_rollups (site_id, day, dimension, key, ${columns})
      SELECT c.count_site, c.received_day, ${d}, ${keyOf(d)}, count(*), sum(c.intake), ${countSelect(timeless)}, ${workSums}
      FROM ${countedRows(sql`p.merged = 0`)}
      GROUP BY c.count_site, c.received_day${rollupColumns[d] ? sql`, ${keyOf(d)}` : sql``}`.execute(db);
  }
}

const dayMs = 86_400_000;

/** The local day (at `utcOffsetMinutes`) an instant starts, or null when it is not a local midnight. */
function localMidnightDay(at: string, utcOffsetMinutes: number): string | null {
  const local = Date.parse(at) + utcOffsetMinutes * 60_000;
  return local % dayMs === 0 ? new Date(local).toISOString().slice(0, 10) : null;
}

/** The sites (of those asked, all when none) whose local day is not the group's: their days do not start at the group's midnights. */
async function sitesOffTheGroupDay(db: Db, utcOffsetMinutes: number, siteIds?: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('reference_records')
    .select(['site_id', 'row'])
    .where('kind', '=', 'setting')
    .where('key', '=', 'desk.utcOffsetMinutes')
    .execute();
  const off: number[] = [];
  for (const r of rows) {
    if (siteIds && siteIds.length > 0 && !siteIds.includes(r.site_id)) continue;
    let offset = 480;
    try {
      const parsed = r.row ? (JSON.parse(JSON.parse(r.row).value) as unknown) : null;
      if (typeof parsed === 'number') offset = parsed;
    } catch {
      // A setting that is not a number: the site keeps the default, as siteTimeOf reads it.
    }
    if (offset !== utcOffsetMinutes) off.push(r.site_id);
  }
  return off;
}

/** Which column of `case_rollups` answers a dimension, and of which rows. */
const rolledBy: Partial<Record<GroupDimension, { dimension: RollupDimension; key: string }>> = {
  site: { dimension: 'all', key: 'r.site_id' },
  day: { dimension: 'all', key: 'r.day' },
  month: { dimension: 'all', key: 'substr(r.day, 1, 7)' },
  category: { dimension: 'category', key: 'r.key' },
  channel: { dimension: 'channel', key: 'r.key' },
  severity: { dimension: 'severity', key: 'r.key' },
  type: { dimension: 'type', key: 'r.key' },
};

async function rollupSums(
  db: Db,
  days: { from: string; to: string },
  siteIds: readonly number[] | undefined,
  dimension: RollupDimension,
  key: RawBuilder<unknown> | null,
) {
  const sites = siteIds && siteIds.length > 0 ? sql`AND r.site_id IN (${sql.join([...siteIds])})` : sql``;
  const sums = sql.join(sumNames.map((name) => sql`sum(r.${sql.ref(name)}) AS ${sql.ref(name)}`));
  const result = await sql<Record<string, unknown>>`
    SELECT ${key ? sql`${key} AS k,` : sql``} ${sums} FROM case_rollups r
    WHERE r.dimension = ${dimension} AND r.day >= ${days.from} AND r.day < ${days.to} ${sites}
    ${key ? sql`GROUP BY ${key}` : sql``}`.execute(db);
  return result.rows;
}

/**
 * The cohort's counts in all and per key of each dimension, as `groupCounts` counts them, read
 * from the roll-ups when they can answer: the range whole local days of the group, every site
 * asked keeping the group's day, and every dimension kept. Else (null) the cohort is counted.
 */
export async function rolledUpCounts(
  db: Db,
  dialect: Dialect,
  f: GroupCohort,
  dimensions: readonly GroupDimension[],
  utcOffsetMinutes: number,
): Promise<RolledUp | null> {
  const from = localMidnightDay(f.from, utcOffsetMinutes);
  const to = localMidnightDay(f.to, utcOffsetMinutes);
  if (from === null || to === null || dimensions.some((d) => !rolledBy[d])) return null;
  if ((await sitesOffTheGroupDay(db, utcOffsetMinutes, f.siteIds)).length > 0) return null;
  const days = { from, to };
  const total = countsOf((await rollupSums(db, days, f.siteIds, 'all', null))[0] ?? {});
  const per = new Map<GroupDimension, Map<string | null, FigureCounts>>();
  for (const d of dimensions) {
    const by = rolledBy[d] as { dimension: RollupDimension; key: string };
    const keyed = new Map<string | null, FigureCounts>();
    for (const row of await rollupSums(db, days, f.siteIds, by.dimension, sql.raw(by.key))) {
      // A key whose cases all left the cohort (changed, merged) is no key of it.
      if (Number(row.cohort_rows) <= 0) continue;
      keyed.set(row.k === '' || row.k === null || row.k === undefined ? null : String(row.k), countsOf(row));
    }
    per.set(d, keyed);
  }
  // The clocks decided only by the time now: the few cases with a clock still running.
  const pending = await groupCounts(db, dialect, f, dimensions, 'pendingLate');
  addCounts(total, pending.total);
  for (const d of dimensions) {
    const keyed = per.get(d) as Map<string | null, FigureCounts>;
    // The cases with a running clock are of the cohort: their keys are kept already.
    for (const [k, c] of pending.per.get(d) ?? []) {
      const kept = keyed.get(k);
      if (kept) addCounts(kept, c);
    }
  }
  return { total, per };
}

/**
 * The open work now per site that holds it, as reportQueries.ts `openWorkloadBySite` counts it:
 * the open cases and those with a breach recorded from the roll-ups (every day), the cases whose
 * clock runs past its due time with no breach recorded yet read beside them.
 */
export async function rolledUpWorkload(db: Db, now: string, siteIds?: readonly number[]) {
  const sites = siteIds && siteIds.length > 0 ? sql`AND r.site_id IN (${sql.join([...siteIds])})` : sql``;
  const kept = await sql<{ site_id: number; open: unknown; breached: unknown }>`
    SELECT r.site_id, sum(r.open_cases) AS open, sum(r.open_breached) AS breached FROM case_rollups r
    WHERE r.dimension = 'all' ${sites} GROUP BY r.site_id`.execute(db);
  const running = await runningOverdueBySite(db, now, siteIds);
  return kept.rows
    .map((r) => ({ siteId: Number(r.site_id), open: Number(r.open), overdue: Number(r.breached) + (running.get(Number(r.site_id)) ?? 0) }))
    .filter((w) => w.open > 0);
}
