import { sql } from 'kysely';
import type { GroupDimension } from '../../domain/reports/groupFigures.ts';
import { figureCaseList, searchGroupCases } from '../../server/console/cases/groupCases.ts';
import { groupAnalysis, groupDashboard, siteComparison } from '../../server/console/reports/groupReports.ts';
import { rebuildCaseRollups, rolledUpCounts, rolledUpWorkload } from '../../server/store/caseRollups.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { groupCounts } from '../../server/store/reportQueries.ts';
import { postgresInstalled, startPgCluster } from '../../server/test/pgCluster.ts';
import { type Sample, time } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';
import { load, searchIndexes } from './groupLoad.ts';

const searchQueries = ['梯', '费', '电梯', '收费', '态度', '挂号', '排队时间', '服务态度差', '检查结果', '张', '王芳', '138', '1380013'];

/**
 * The group tier: `sites` sites and `count` cases in the server's case projection on its own
 * PostgreSQL 15 cluster (fsync off, as in the tests), then the console's reports and search as
 * the console asks them.
 */
export async function runGroupBench(options: {
  sites: number;
  count: number;
  copies: number;
  /** The search's indexes built and the search measured (the longest part at 10M). */
  search: boolean;
  seed: number;
  samples: number;
  log: (line: string) => void;
}) {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  if (!postgresInstalled) {
    notes.push('group: PostgreSQL 15 is not installed here; no group rows.');
    return { rows, notes };
  }
  const { log } = options;
  const tier = `group ${options.sites}×${options.count >= 1_000_000 ? `${options.count / 1_000_000}M` : `${options.count / 1000}k`}`;
  const cluster = await startPgCluster();
  const store = await openServerStore({ databaseUrl: cluster.url });
  const { db } = store;
  const push = (row: ResultRow) => {
    rows.push(row);
    // Each figure as it is measured: a run stopped early still says what it measured.
    log(`group row: ${row.metric}: ${JSON.stringify(row.value)}${row.floor ? ` floor ${JSON.stringify(row.floor)}` : ''}`);
  };
  try {
    // Every session of the pool, the open ones included: memory for the index builds and the rebuild's grouping.
    await sql`ALTER SYSTEM SET maintenance_work_mem = '1GB'`.execute(db);
    await sql`ALTER SYSTEM SET work_mem = '64MB'`.execute(db);
    await sql`SELECT pg_reload_conf()`.execute(db);
    const until = Date.parse('2026-11-30T04:00:00.000Z');
    const folded = options.count / options.copies;
    log(`group: loading ${options.count} cases over ${options.sites} sites (${folded} folded, ${options.copies - 1} copies)`);
    const loaded = await load(store, { ...options, until });
    push({ tier, metric: `load: fold + insert of ${folded} cases, cases/s`, value: folded / (loaded.loadedMs / 1000) });
    if (options.copies > 1) push({ tier, metric: `load: ${options.copies - 1} copies in SQL`, unit: 's', value: loaded.copiedMs / 1000 });
    push({ tier, metric: 'load: b-tree indexes built, vacuumed', unit: 's', value: loaded.indexMs / 1000 });
    const rebuildStarted = performance.now();
    await rebuildCaseRollups(db);
    await sql`VACUUM (ANALYZE) case_rollups`.execute(db);
    push({ tier, metric: 'roll-ups rebuilt from the projection', unit: 's', value: (performance.now() - rebuildStarted) / 1000 });
    const sizeOf = async (table: string) =>
      Number((await sql<{ bytes: unknown }>`SELECT pg_total_relation_size(${table}) AS bytes`.execute(db)).rows[0]?.bytes) / 2 ** 30;
    const rollupRows = (await sql<{ n: unknown }>`SELECT count(*) AS n FROM case_rollups`.execute(db)).rows[0]?.n;
    notes.push(`${tier}: case_rollups holds ${Number(rollupRows)} rows, ${(await sizeOf('case_rollups')).toFixed(3)} GB.`);

    const ctx = { db, dialect: 'postgres' as const, now: new Date(until), utcOffsetMinutes: 480, groupName: '集团' };
    const n = options.samples;
    const timed = (metric: string, value: Sample, target: ResultRow['target'], floor?: Sample) =>
      push({ tier, metric, unit: 'ms', value, ...(floor ? { floor } : {}), ...(target ? { target } : {}) });
    const month = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
    const year = { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
    const countFloor = (range: { from: string; to: string }) =>
      time(n, () => sql`SELECT count(*) FROM case_projection WHERE received_at >= ${range.from} AND received_at < ${range.to}`.execute(db));

    // The dashboard's parts: the roll-ups' sums, the running clocks beside them, the open work now.
    const dashboardDimensions: GroupDimension[] = ['site', 'day', 'category', 'channel', 'severity'];
    const monthCohort = { ...month, now: ctx.now.toISOString() };
    timed(
      'part: roll-up sums of a month, 5 dimensions',
      await time(n, () => rolledUpCounts(db, 'postgres', monthCohort, dashboardDimensions, 480)),
      undefined,
    );
    timed(
      'part: running clocks past due of a month',
      await time(n, () => groupCounts(db, 'postgres', monthCohort, dashboardDimensions, 'pendingLate')),
      undefined,
    );
    timed('part: open work per site now', await time(n, () => rolledUpWorkload(db, ctx.now.toISOString())), undefined);
    log('group: dashboard for a month');
    timed(
      'group dashboard, month (all sites)',
      await time(n, () => groupDashboard(ctx, 'month')),
      { max: 300, of: 'p95', text: 'p95 ≤ 300 ms' },
      await countFloor(month),
    );
    timed('site dashboard, month (one site)', await time(n, (i) => groupDashboard(ctx, 'month', 1 + (i % options.sites))), undefined);
    log('group: yearly analysis');
    const analysisSamples = Math.max(3, Math.floor(n / 4));
    const yearFloor = await countFloor(year);
    timed(
      'group analysis, year 2026',
      await time(analysisSamples, () => groupAnalysis(ctx, { kind: 'year', year: 2026, index: 1 }), 1),
      { max: 2000, of: 'median', text: '≤ 2 s' },
      yearFloor,
    );
    timed(
      'group analysis, month',
      await time(analysisSamples, () => groupAnalysis(ctx, { kind: 'month', year: 2026, index: 11 }), 1),
      undefined,
    );
    log('group: site comparison for a year');
    timed(
      'site comparison, year',
      await time(analysisSamples, () => siteComparison(ctx, year), 1),
      { max: 1000, of: 'median', text: '≤ 1 s' },
      yearFloor,
    );
    timed(
      'drill-down: late resolve clocks of a month, first page',
      await time(n, () => figureCaseList(db, { ...month, now: ctx.now.toISOString(), figure: 'late.resolve', limit: 50, offset: 0 })),
      undefined,
    );

    if (!options.search) return { rows, notes };
    // The digits' index first (the smaller): a run stopped during the terms' build still measured the phones and numbers.
    const [termsIndex, digitsIndex] = searchIndexes as [string, string];
    const digitsStarted = performance.now();
    await sql.raw(digitsIndex).execute(db);
    await sql`ANALYZE case_projection`.execute(db);
    push({ tier, metric: 'load: search index of digits built (pg_trgm)', unit: 's', value: (performance.now() - digitsStarted) / 1000 });
    // A case number as the console is given it: one of the last month's.
    const number =
      (
        await sql<{
          number: string;
        }>`SELECT number FROM case_projection WHERE received_at >= ${month.from} ORDER BY row_no LIMIT 1`.execute(db)
      ).rows[0]?.number ?? 'S1';
    const searchSamples = Math.max(5, Math.floor(n / 4));
    const search = (q: string) => time(searchSamples, () => searchGroupCases(db, 'postgres', { q, limit: 50 }));
    for (const q of ['138', '1380013', number]) timed(`search "${q}"`, await search(q), undefined);
    const termsStarted = performance.now();
    await sql.raw(termsIndex).execute(db);
    await sql`ANALYZE case_projection`.execute(db);
    push({ tier, metric: 'load: search index of terms built', unit: 's', value: (performance.now() - termsStarted) / 1000 });
    notes.push(`${tier}: case_projection with its indexes holds ${(await sizeOf('case_projection')).toFixed(2)} GB.`);
    const queries = [...searchQueries, number];
    log('group: cross-site search');
    timed(
      'cross-site search (1, 2, 3+ characters, names, phones, a case number)',
      await time(n, (i) => searchGroupCases(db, 'postgres', { q: queries[i % queries.length] ?? '梯', limit: 50 })),
      { max: 100, of: 'p95', text: 'p95 ≤ 100 ms' },
    );
    // Every term of the mixed set alone: a slow one shows by name.
    for (const q of searchQueries.filter((q) => !/^[0-9]+$/.test(q))) timed(`search "${q}"`, await search(q), undefined);
  } finally {
    await store.close();
    cluster.stop();
  }
  return { rows, notes };
}
