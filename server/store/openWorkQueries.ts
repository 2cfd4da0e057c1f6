import { type Kysely, sql } from 'kysely';
import type { ServerDatabase } from './schema.ts';

/* The open work of the sites: the clocks still running, and the counts of open cases the roll-ups keep beside the figures. */

type Db = Kysely<ServerDatabase>;

/**
 * The condition a case's row meets when one of its clocks may be pending: the predicate of the
 * partial index `case_projection_running` (migration 013, written there without a table name,
 * here over a table named `prefix`), so that the few such cases are read without a scan of the
 * cohort.
 */
export const runningClocksOf = (prefix: string) =>
  ['ack', 'feedback', 'resolve']
    .map((k) => `(${prefix}${k}_met_at IS NULL AND ${prefix}${k}_breached_at IS NULL AND ${prefix}${k}_due IS NOT NULL)`)
    .join(' OR ');
export const runningClocks = sql.raw(runningClocksOf('p.'));

/**
 * The earliest due time of a clock still running with no breach recorded ('9999' when none):
 * indexed (migration 013), so the few running past their due time at `now` are read by a range
 * of it. Written without LEAST or min(), which only one of the two databases has.
 */
export function runningDueOf(prefix: string): string {
  const [a, b, c] = ['ack', 'feedback', 'resolve'].map(
    (k) =>
      `CASE WHEN ${prefix}${k}_met_at IS NULL AND ${prefix}${k}_breached_at IS NULL AND ${prefix}${k}_due IS NOT NULL THEN ${prefix}${k}_due ELSE '9999' END`,
  );
  return `CASE WHEN ${a} <= ${b} AND ${a} <= ${c} THEN ${a} WHEN ${b} <= ${c} THEN ${b} ELSE ${c} END`;
}

/** A clock breached and not met: what makes open work overdue whatever the time (the sweep records a breach once its due time passed). */
const breachedUnmet = (prefix: string) =>
  ['ack', 'feedback', 'resolve'].map((k) => `(${prefix}${k}_met_at IS NULL AND ${prefix}${k}_breached_at IS NOT NULL)`).join(' OR ');

/** The open work's counts the roll-ups keep (per site that holds the case): open, and of them with a breach recorded and unmet. */
export const workNames = ['open_cases', 'open_breached'];
export const workSelect = sql.raw(
  [
    `CASE WHEN c.handled = 1 AND c.closed_at IS NULL AND c.declined = 0 THEN 1 ELSE 0 END AS open_cases`,
    `CASE WHEN c.handled = 1 AND c.closed_at IS NULL AND c.declined = 0 AND (${breachedUnmet('c.')}) THEN 1 ELSE 0 END AS open_breached`,
  ].join(', '),
);
export const workSums = sql.raw(
  [
    `sum(CASE WHEN c.handled = 1 AND c.closed_at IS NULL AND c.declined = 0 THEN 1 ELSE 0 END) AS open_cases`,
    `sum(CASE WHEN c.handled = 1 AND c.closed_at IS NULL AND c.declined = 0 AND (${breachedUnmet('c.')}) THEN 1 ELSE 0 END) AS open_breached`,
  ].join(', '),
);

/**
 * The open cases, per site that holds them, with no breach recorded unmet but a clock running
 * past its due time at `now`: overdue as of now, beside the roll-ups' `open_breached`.
 */
export async function runningOverdueBySite(db: Db, now: string, siteIds?: readonly number[]) {
  const sites = siteIds && siteIds.length > 0 ? sql`AND p.site_id IN (${sql.join([...siteIds])})` : sql``;
  const result = await sql<{ site_id: number; n: unknown }>`
    SELECT p.site_id, count(*) AS n FROM case_projection p
    WHERE p.closed_at IS NULL AND p.declined = 0 AND p.merged = 0 AND (${runningClocks})
      AND ${sql.raw(runningDueOf('p.'))} < ${now} AND NOT (${sql.raw(breachedUnmet('p.'))}) ${sites}
    GROUP BY p.site_id`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.site_id), Number(r.n ?? 0)]));
}

/** Open cases now and of them the overdue (a clock running past its due time), per site. */
export async function openWorkloadBySite(db: Db, now: string, siteIds?: readonly number[]) {
  const sites = siteIds && siteIds.length > 0 ? sql`AND c.site_id IN (${sql.join([...siteIds])})` : sql``;
  const overdue = ['ack', 'feedback', 'resolve']
    .map((k) => `(c.${k}_met_at IS NULL AND c.${k}_due < `)
    .map((p) => sql`${sql.raw(p)}${now})`);
  const result = await sql<{ site_id: number; open: unknown; overdue: unknown }>`
    SELECT c.site_id, count(*) AS open,
      sum(CASE WHEN ${sql.join(overdue, sql` OR `)} THEN 1 ELSE 0 END) AS overdue
    FROM case_projection c
    WHERE c.closed_at IS NULL AND c.declined = 0 AND c.merged = 0 ${sites}
    GROUP BY c.site_id`.execute(db);
  return result.rows.map((r) => ({ siteId: Number(r.site_id), open: Number(r.open ?? 0), overdue: Number(r.overdue ?? 0) }));
}
