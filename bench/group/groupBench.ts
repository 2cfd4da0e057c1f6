import { sql } from 'kysely';
import { bundledCalendarData } from '../../core/calendar/bundledCalendar.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { createWorkingCalendar } from '../../domain/deadlines/workingCalendar.ts';
import { repeatWindowDays } from '../../domain/reports/figures.ts';
import { type HeldEvent, siteCaseOf } from '../../domain/reports/siteCase.ts';
import { figureCaseList, searchGroupCases } from '../../server/console/cases/groupCases.ts';
import { groupAnalysis, groupDashboard, siteComparison } from '../../server/console/reports/groupReports.ts';
import { projectionRow } from '../../server/store/caseProjection.ts';
import { openServerStore, type ServerStore } from '../../server/store/openServerStore.ts';
import { postgresInstalled, startPgCluster } from '../../server/test/pgCluster.ts';
import { categoryPhrases } from '../data/phrases.ts';
import { createRng, type Rng } from '../data/rng.ts';
import { syntheticCase, type Vocabulary } from '../data/syntheticCase.ts';
import { type Sample, time } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';

const dayMs = 86_400_000;
const rowsAStatement = 5_000;

/** The indexes migration 005 makes, dropped while the rows go in and made again after (timed). */
const projectionIndexes = [
  'CREATE INDEX case_projection_received ON case_projection (received_at)',
  'CREATE INDEX case_projection_site_received ON case_projection (site_id, received_at)',
  'CREATE INDEX case_projection_phone ON case_projection (site_id, complainant_phone, received_at)',
  'CREATE INDEX case_projection_phone_key ON case_projection (phone_key)',
  'CREATE INDEX case_projection_number ON case_projection (number)',
  'CREATE INDEX case_projection_open ON case_projection (site_id) WHERE closed_at IS NULL AND declined = 0 AND merged = 0',
  "CREATE INDEX case_projection_terms ON case_projection USING gin (string_to_array(search_terms, ' '))",
];

function vocabulary(): Vocabulary {
  const categories = Object.keys(categoryPhrases).map((name, i) => ({ id: `cat-${i + 1}`, name }));
  const departments = Array.from({ length: 12 }, (_, i) => `dep-${i + 1}`);
  return {
    categories,
    departments,
    receptionists: ['rec-1', 'rec-2', 'rec-3'],
    handlers: new Map(departments.map((d) => [d, [`${d}-h1`, `${d}-h2`]])),
    supervisor: 'sup-1',
  };
}

/**
 * The case's events as a desk records them (one chain), so the server's fold (siteCaseOf) reads
 * them as it reads pushed ones. Deadlines: 1, 5 and 15 days after receipt (the hospital
 * profile's working days, approximated by calendar days: the bench measures reading, not the
 * deadline calculator).
 */
function heldEvents(rng: Rng, siteId: number, index: number, registeredAt: number, until: number, vocab: Vocabulary, phones: string[][]) {
  const s = syntheticCase(rng, vocab, registeredAt, until);
  // A tenth of the complainants come back (to the same site mostly, sometimes to another).
  const pool = phones[rng.chance(0.8) ? siteId - 1 : rng.int(phones.length)] ?? [];
  if (s.input.complainant.phone && pool.length > 0 && rng.chance(0.1)) s.input.complainant.phone = rng.pick(pool);
  else if (s.input.complainant.phone && pool.length < 200) pool.push(s.input.complainant.phone);
  const received = Date.parse(s.input.receivedAt);
  const iso = (ms: number) => new Date(ms).toISOString();
  const deadlines = { acknowledge: iso(received + dayMs), feedback: iso(received + 5 * dayMs), resolve: iso(received + 15 * dayMs) };
  const d = new Date(registeredAt);
  const number = `S${siteId}-${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(index).padStart(7, '0')}`;
  const registered: CaseEventData = {
    type: 'registered',
    payload: {
      number,
      queryCode: 'Q',
      type: s.input.type,
      channel: s.input.channel,
      severity: s.input.severity ?? 'general',
      subject: s.input.subject,
      content: s.input.content,
      demands: s.input.demands,
      complainant: { ...s.input.complainant, name: s.input.complainant.name ?? '' },
      respondent: s.input.respondent,
      categoryId: s.input.categoryId,
      receivedAt: s.input.receivedAt,
      confidential: s.input.confidential ?? false,
      anonymous: s.input.anonymous ?? false,
      deadlines,
    },
  };
  const all = [{ at: registeredAt, actorId: s.registeredBy, data: registered }, ...s.later];
  const events: HeldEvent[] = [];
  for (const [i, e] of all.entries()) {
    events.push({
      id: `${index}-${i}`,
      type: e.data.type,
      payload: e.data.payload,
      actorId: e.actorId,
      at: iso(e.at),
      hlc: `${iso(e.at)}-${i}`,
      hash: `${index}-${i}`,
      parents: i === 0 ? [] : [`${index}-${i - 1}`],
    });
  }
  return { caseId: `case-${String(index).padStart(9, '0')}`, events };
}

/** Fills case_projection with `count` cases over `sites` sites and three years, in time order. */
async function load(store: ServerStore, options: { sites: number; count: number; seed: number; until: number; log: (l: string) => void }) {
  const { db } = store;
  const rng = createRng(options.seed);
  const vocab = vocabulary();
  const time = { calendar: createWorkingCalendar(bundledCalendarData()), utcOffsetMinutes: 480 };
  for (let i = 1; i <= options.sites; i++)
    await db
      .insertInto('sites')
      .values({ name: `分院${i}`, created_at: new Date(0).toISOString() })
      .execute();
  await db.updateTable('sites').set({ volume_per_month: sql`20000 + (id * 997) % 30000` }).execute();
  for (const statement of projectionIndexes) await sql.raw(`DROP INDEX IF EXISTS ${statement.split(' ')[2]}`).execute(db);
  const from = options.until - 3 * 365 * dayMs;
  const phones = Array.from({ length: options.sites }, () => [] as string[]);
  // The last complaint per site, phone and category: the desk's repeat rule in time order.
  const lastSeen = new Map<string, number>();
  const started = performance.now();
  let batch: ReturnType<typeof projectionRow>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`INSERT INTO case_projection SELECT * FROM json_populate_recordset(NULL::case_projection, ${JSON.stringify(batch)})`.execute(
      db,
    );
    batch = [];
  };
  for (let i = 0; i < options.count; i++) {
    const siteId = 1 + rng.int(options.sites);
    const registeredAt = from + Math.floor(((options.until - from) * i) / options.count);
    const { caseId, events } = heldEvents(rng, siteId, i, registeredAt, options.until, vocab, phones);
    const c = siteCaseOf(caseId, events, time);
    const row = projectionRow(siteId, c, events.length) as ReturnType<typeof projectionRow> & { row_no: number; is_repeat: number };
    row.row_no = i + 1;
    row.is_repeat = 0;
    if (c.complainantPhone && !c.facts.merged) {
      const key = `${siteId} ${c.complainantPhone} ${c.categoryId}`;
      const before = lastSeen.get(key);
      const at = Date.parse(c.receivedAt);
      if (c.type === 'complaint' && before !== undefined && before >= at - repeatWindowDays * dayMs) row.is_repeat = 1;
      lastSeen.set(key, at);
    }
    batch.push(row);
    if (batch.length >= rowsAStatement) await flush();
    if ((i + 1) % 100_000 === 0) options.log(`group: ${i + 1} cases loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await flush();
  const loadedMs = performance.now() - started;
  const indexStarted = performance.now();
  await sql`SET maintenance_work_mem = '512MB'`.execute(db);
  for (const statement of projectionIndexes) await sql.raw(statement).execute(db);
  await sql`ANALYZE case_projection`.execute(db);
  return { loadedMs, indexMs: performance.now() - indexStarted };
}

const searchQueries = ['梯', '费', '电梯', '收费', '态度', '挂号', '排队时间', '服务态度差', '检查结果', '张', '王芳', '138', '1380013'];

/**
 * The group tier: `sites` sites and `count` cases in the server's case projection on its own
 * PostgreSQL 15 cluster (fsync off, as in the tests), then the console's reports and search as
 * the console asks them.
 */
export async function runGroupBench(options: { sites: number; count: number; seed: number; samples: number; log: (line: string) => void }) {
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
  try {
    const until = Date.parse('2026-11-30T04:00:00.000Z');
    log(`group: loading ${options.count} cases over ${options.sites} sites`);
    const loaded = await load(store, { ...options, until });
    rows.push({ tier, metric: 'load: fold + insert, cases/s', value: options.count / (loaded.loadedMs / 1000) });
    rows.push({ tier, metric: 'load: indexes built', unit: 's', value: loaded.indexMs / 1000 });
    const size = await sql<{ bytes: unknown }>`SELECT pg_total_relation_size('case_projection') AS bytes`.execute(store.db);
    notes.push(`${tier}: case_projection with its indexes holds ${(Number(size.rows[0]?.bytes) / 2 ** 30).toFixed(2)} GB.`);

    const ctx = { db: store.db, dialect: 'postgres' as const, now: new Date(until), utcOffsetMinutes: 480, groupName: '集团' };
    const n = options.samples;
    const push = (metric: string, value: Sample, target: ResultRow['target'], floor?: Sample) =>
      rows.push({ tier, metric, unit: 'ms', value, ...(floor ? { floor } : {}), ...(target ? { target } : {}) });
    const month = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
    const year = { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
    const countFloor = (range: { from: string; to: string }) =>
      time(n, () =>
        sql`SELECT count(*) FROM case_projection WHERE received_at >= ${range.from} AND received_at < ${range.to}`.execute(store.db),
      );

    log('group: dashboard for a month');
    push(
      'group dashboard, month (all sites)',
      await time(n, () => groupDashboard(ctx, 'month')),
      { max: 300, of: 'p95', text: 'p95 ≤ 300 ms' },
      await countFloor(month),
    );
    push('site dashboard, month (one site)', await time(n, (i) => groupDashboard(ctx, 'month', 1 + (i % options.sites))), undefined);
    log('group: yearly analysis');
    const analysisSamples = Math.max(3, Math.floor(n / 4));
    push(
      'group analysis, year 2026',
      await time(analysisSamples, () => groupAnalysis(ctx, { kind: 'year', year: 2026, index: 1 }), 1),
      { max: 2000, of: 'median', text: '≤ 2 s' },
      await countFloor(year),
    );
    push(
      'group analysis, month',
      await time(analysisSamples, () => groupAnalysis(ctx, { kind: 'month', year: 2026, index: 11 }), 1),
      undefined,
    );
    log('group: site comparison for a year');
    push('site comparison, year', await time(analysisSamples, () => siteComparison(ctx, year), 1), {
      max: 1000,
      of: 'median',
      text: '≤ 1 s',
    });
    log('group: cross-site search');
    push(
      'cross-site search (1, 2, 3+ characters, names, phones)',
      await time(n, (i) => searchGroupCases(store.db, 'postgres', { q: searchQueries[i % searchQueries.length] ?? '梯', limit: 50 })),
      { max: 100, of: 'p95', text: 'p95 ≤ 100 ms' },
    );
    for (const q of ['梯', '收费', '服务态度差', '1380013']) {
      push(
        `search "${q}"`,
        await time(Math.max(5, Math.floor(n / 4)), () => searchGroupCases(store.db, 'postgres', { q, limit: 50 })),
        undefined,
      );
    }
    push(
      'drill-down: late resolve clocks of a month, first page',
      await time(n, () => figureCaseList(store.db, { ...month, now: ctx.now.toISOString(), figure: 'late.resolve', limit: 50, offset: 0 })),
      undefined,
    );
  } finally {
    await store.close();
    cluster.stop();
  }
  return { rows, notes };
}
