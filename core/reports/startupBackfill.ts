import { sql } from 'kysely';
import { checkedThrough, markCheckedThrough } from '../../db/queries/reportRollups.ts';
import { backfillCaseClocks } from '../deadlines/sweep.ts';
import type { DeskContext } from '../deskContext.ts';
import { backfillReportFacts } from './reportFacts.ts';
import { ensureReportRollups } from './reportRollups.ts';

/**
 * What a store from before the clocks, the report facts or the roll-ups lacks, made once. Cases
 * only ever come after the last one checked (the projection step writes both for every case it
 * registers), so a start looks at the new ones, not at a million rows each time (bench/results:
 * the two scans were most of a clean start at 1M cases).
 */
export async function completeProjections(ctx: DeskContext): Promise<void> {
  const { db } = ctx.store;
  // The last case known to have its clocks and facts (kept with the roll-ups): look only beyond it.
  const through = await checkedThrough(db);
  const clocks = await backfillCaseClocks(ctx, through);
  const facts = await backfillReportFacts(ctx, db, through);
  // Cases given facts or clocks here were counted without them: count the roll-ups again.
  const at = ctx.now().toISOString();
  if (clocks + facts > 0) await sql`DELETE FROM report_rollup_state`.execute(db);
  await ensureReportRollups(db, at);
  const last = (await sql<{ n: number | null }>`SELECT max(seqno) AS n FROM cases`.execute(db)).rows[0]?.n ?? 0;
  if (last !== through) await markCheckedThrough(db, last);
}
