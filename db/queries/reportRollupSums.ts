import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { clockOfStored } from './caseClocks.ts';
import { type CountColumn, type CountedRow, countBits } from './reportCounted.ts';
import type { RollupDimension } from './reportRollups.ts';
import { storedTime } from './storedTime.ts';

/**
 * What the reports read from the roll-ups kept by reportRollups.ts: the sums of whole local days
 * per dimension, and the clocks that are late as of now and so not in those sums yet.
 */

export interface RollupRow {
  dimension: RollupDimension;
  /** The local day for 'all' (time buckets), else null. */
  day: string | null;
  /** The dimension's key ('' stored for none). */
  key: string | null;
  counts: Record<'registered' | CountColumn | 'handling_days_total', number>;
}

/** The sums over whole local days [fromDay, toDay) for each dimension asked, per key (per day for 'all'). */
export async function rollupSums(
  db: Kysely<Database>,
  fromDay: string,
  toDay: string,
  dimensions: readonly RollupDimension[],
): Promise<RollupRow[]> {
  if (dimensions.length === 0) return [];
  const columns = ['registered', ...countBits, 'handling_days_total'] as const;
  const sums = sql.join(columns.map((c) => sql`total(${sql.ref(c)}) AS ${sql.ref(c)}`));
  // One range of days for every dimension asked: the table is clustered by day, a day's rows together.
  const dayOfAll = sql`CASE WHEN dimension = 'all' THEN day END`;
  const result = await sql<Record<string, number | string | null>>`
    SELECT dimension, ${dayOfAll} AS day, key, ${sums} FROM report_daily
    WHERE day >= ${fromDay} AND day < ${toDay} AND dimension IN (${sql.join(dimensions)})
    GROUP BY dimension, ${dayOfAll}, key`.execute(db);
  return (
    result.rows
      // A row whose cases all left (or came from another site, which counts their intake) adds
      // nothing; one holding a case transferred in counts its handling though it registered none.
      .filter((r) => columns.some((c) => Number(r[c]) !== 0))
      .map((r) => ({
        dimension: r.dimension as RollupDimension,
        day: (r.day as string | null) ?? null,
        key: r.key === '' ? null : (r.key as string),
        counts: Object.fromEntries(columns.map((c) => [c, Number(r[c])])) as RollupRow['counts'],
      }))
  );
}

/**
 * The clocks of counted cases received in [from, to) still running past their deadline at
 * `now` with no breach recorded yet: decided as of now, not in the roll-ups (the sweep records
 * the breach soon after, and then they are).
 */
export async function pendingLateClocks(db: Kysely<Database>, from: string, to: string, now: string) {
  const result = await sql<CountedRow & { clock: number }>`
    SELECT k.clock, b.* FROM case_clocks k INDEXED BY case_clocks_running
      JOIN report_counted b ON b.case_seqno = k.case_seqno
    WHERE k.met_at IS NULL AND k.breached_at IS NULL AND k.due < ${storedTime(now)}
      AND b.counted = 1 AND b.received_at >= ${from} AND b.received_at < ${to}`.execute(db);
  return result.rows.map((r) => ({ ...r, clock: clockOfStored(r.clock) }));
}
