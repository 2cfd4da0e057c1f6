import fs from 'node:fs';
import path from 'node:path';
import { createDesk } from '../core/desk.ts';
import { loadSettings } from '../core/settings.ts';
import { openStore, storeFileName } from '../db/connection.ts';
import { caseSpan } from '../db/eventCodec.ts';
import { rebuildReportRollups } from '../db/queries/reportRollups.ts';
import { takeStoreLock } from '../db/storeLock.ts';
import type { DeskInput } from '../domain/api/deskApi.ts';
import { planSearch } from '../domain/text/searchTerms.ts';
import { type BenchDesk, benchDataDir, openBenchDesk, removeBenchDataDir } from './benchDesk.ts';
import { bulkLoad } from './data/bulkLoad.ts';
import { searchTerms } from './data/phrases.ts';
import { createRng } from './data/rng.ts';
import { syntheticCase, type Vocabulary } from './data/syntheticCase.ts';
import { openRaw, rawRegistration } from './measure/floors.ts';
import { rebuildProjection } from './measure/projectionRebuild.ts';
import { summarise, time } from './measure/stats.ts';
import type { ResultRow } from './report.ts';

export interface TierOptions {
  label: string;
  count: number;
  seed: number;
  /** Samples per read measurement and per write measurement. */
  reads: number;
  writes: number;
  keep?: boolean;
  /** A store this tier generated before and kept (--keep): measured again, not generated. */
  reuse?: string | undefined;
  /** Generate (and count the roll-ups), keep the store, measure nothing: for a later --reuse. */
  generateOnly?: boolean;
  log?: (line: string) => void;
}

/** The generated history ends here: fixed, so that every run builds the same store. */
export const historyEnd = Date.parse('2026-11-20T16:00:00Z');

const targets = {
  // The median against its floor in the same run: an fsync's latency on a shared machine is not the desk's.
  registration: { max: Number.POSITIVE_INFINITY, of: 'median', text: 'median ≤ 3× floor', ratioMax: 3 },
  board: { max: 20, of: 'p95', text: 'p95 ≤ 20 ms' },
  search: { max: 50, of: 'p95', text: 'p95 ≤ 50 ms' },
  oneCase: { max: 5, of: 'p95', text: 'p95 ≤ 5 ms' },
  dashboard: { max: 100, of: 'p95', text: 'p95 ≤ 100 ms' },
  monthly: { max: 150, of: 'p95', text: 'p95 ≤ 150 ms' },
  yearly: { max: 500, of: 'p95', text: 'p95 ≤ 500 ms' },
  startUp: { max: 1000, of: 'p95', text: 'p95 ≤ 1 s' },
  size: { max: 5, of: 'value', text: '≤ 5 KB' },
} as const satisfies Record<string, ResultRow['target']>;

function trackPeak() {
  let heap = 0;
  return {
    sample: () => {
      heap = Math.max(heap, process.memoryUsage().heapUsed);
    },
    peakHeapMiB: () => heap / 2 ** 20,
  };
}

export async function runTier(options: TierOptions): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const log = options.log ?? (() => {});
  const tier = options.label;
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const add = (row: Omit<ResultRow, 'tier'>) => rows.push({ tier, ...row });
  const memory = trackPeak();
  const dataDir = options.reuse ?? benchDataDir(tier);
  const file = path.join(dataDir, storeFileName);
  const tierStarted = performance.now();
  try {
    if (options.reuse) log(`[${tier}] measuring the kept store in ${dataDir} again`);
    else await generate(options, dataDir, add, memory.sample);
    // The bulk writer bypasses the projection step that keeps the report roll-ups: they are counted
    // from the cases, facts and clocks by the rebuild (timed), as after an upgrade.
    log(`[${tier}] report roll-ups`);
    const rollups = await countRollups(dataDir);
    add({
      metric: 'report roll-ups: counted from the cases, facts and clocks (the rebuild command)',
      unit: 's',
      value: rollups.ms / 1000,
      note: `${rollups.days.toLocaleString('en')} day × key rows`,
    });
    if (!options.generateOnly) notes.push(...(await measureTier(options, dataDir, file, add, memory)));
    log(`[${tier}] done in ${((performance.now() - tierStarted) / 1000).toFixed(0)} s`);
    notes.push(`${tier}: the whole tier (generate + measure) took ${((performance.now() - tierStarted) / 1000).toFixed(0)} s`);
    return { rows, notes };
  } finally {
    if (options.keep || options.reuse || options.generateOnly) log(`[${tier}] kept ${dataDir}`);
    else removeBenchDataDir(dataDir);
  }
}

async function generate(options: TierOptions, dataDir: string, add: Add, sampleMemory: () => void) {
  const tier = options.label;
  const log = options.log ?? (() => {});
  {
    const first = await openBenchDesk(dataDir);
    await first.close();

    log(`[${tier}] generating ${options.count} cases in ${dataDir}`);
    let lastLogged = 0;
    const loaded = await bulkLoad({
      dataDir,
      count: options.count,
      seed: options.seed,
      until: historyEnd,
      onProgress: (done) => {
        sampleMemory();
        if (performance.now() - lastLogged > 15_000) {
          lastLogged = performance.now();
          log(`[${tier}]   ${done} cases`);
        }
      },
    });
    add({
      metric: 'generate: cases + events + search rows through the db layer, big transactions (not core calls)',
      unit: 's',
      value: loaded.ms / 1000,
      note: `${loaded.cases} cases, ${loaded.events} events, ${Math.round(loaded.cases / (loaded.ms / 1000))} cases/s`,
    });
  }
}

async function measureTier(
  options: TierOptions,
  dataDir: string,
  file: string,
  add: Add,
  memory: ReturnType<typeof trackPeak>,
): Promise<string[]> {
  const tier = options.label;
  const log = options.log ?? (() => {});
  const notes: string[] = [];
  {
    log(`[${tier}] start-up`);
    const raw = openRaw(file);
    // The first start meets a store of unknown history (bulk-written without the desk) and reads every
    // page (quick_check): it is the warm-up, so the samples are starts after a clean close.
    const startUp = await time(
      options.count >= 1_000_000 ? 2 : 5,
      async () => {
        const desk = await createDesk({ dataDir, log: () => {}, backupScheduler: false });
        await desk.close();
      },
      1,
    );
    const startUpFloor = await time(5, () => {
      const s = openRaw(file);
      s.pragma('user_version');
      s.close();
    });
    add({ metric: 'core start-up after a clean close (createDesk)', value: startUp, floor: startUpFloor, target: targets.startUp });
    // After a crash the desk opens at once and checks every page in a worker thread (at 1M one
    // sample: the check reads the whole ~9 GB file); the open and the check are timed apart.
    const opens: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < (options.count >= 1_000_000 ? 1 : 3); i++) {
      takeStoreLock(dataDir).release({ trustworthy: false });
      const started = performance.now();
      const desk = await createDesk({ dataDir, log: () => {}, backupScheduler: false });
      opens.push(performance.now() - started);
      await desk.storeChecked();
      checks.push(performance.now() - started);
      await desk.close();
    }
    add({
      metric: 'core start-up after a crash (opens at once; the check runs in the background)',
      value: summarise(opens),
      target: targets.startUp,
    });
    add({ metric: 'store check after a crash: quick_check in a worker thread, from the start until done', value: summarise(checks) });

    const bench = await openBenchDesk(dataDir);
    try {
      await measureReads(bench, raw, options, add, notes, memory.sample);
      // Before registration: its floor leaves copies whose events name the original case number.
      log(`[${tier}] projection rebuild`);
      const rebuilt = rebuildProjection(raw, { fold: true });
      const read = rebuildProjection(raw, { fold: false });
      memory.sample();
      add({
        metric: "projection rebuild: fold every case's events (projectCase) and compare",
        unit: 's',
        value: rebuilt.ms / 1000,
        floor: read.ms / 1000,
        note: `${rebuilt.cases} cases, ${rebuilt.events} events, ${rebuilt.mismatches} mismatches, ${((rebuilt.ms / rebuilt.cases) * 1000).toFixed(1)} µs/case`,
      });
      if (rebuilt.mismatches > 0)
        notes.push(`${tier}: ${rebuilt.mismatches} cases' stored projection differs from the fold of their events`);
      log(`[${tier}] registration`);
      await measureRegistration(bench, raw, options, add);
    } finally {
      await bench.close();
    }

    raw.pragma('wal_checkpoint(TRUNCATE)');
    const cases = (raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const events = (raw.prepare('SELECT count(*) AS n FROM case_events').get() as { n: number }).n;
    const bytes = fs.statSync(file).size;
    // Each b-tree counted with its table: an index's tbl_name is its table; FTS5's shadow tables share its prefix.
    const parts = raw
      .prepare(
        `SELECT d.name AS name, coalesce(s.tbl_name, d.name) AS owner, sum(d.pgsize) AS bytes
         FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name GROUP BY d.name`,
      )
      .all() as { name: string; owner: string; bytes: number }[];
    const kb = (bytes: number) => (bytes / cases / 1024).toFixed(2);
    const share = (owner: (p: { name: string; owner: string }) => boolean) => kb(parts.filter(owner).reduce((sum, p) => sum + p.bytes, 0));
    const eventIndexes = parts.filter((p) => p.owner === 'case_events' && p.name !== 'case_events');
    raw.close();
    add({
      metric: 'database size per case, search indexes included',
      unit: 'KB',
      value: bytes / cases / 1024,
      target: targets.size,
      note: `${(bytes / 2 ** 20).toFixed(0)} MiB for ${cases} cases; KB per case with indexes: cases ${share((p) => p.owner === 'cases')}, events ${share((p) => p.owner === 'case_events')} (rows ${share((p) => p.name === 'case_events')}; ${eventIndexes.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ') || 'no index'}), trigram ${share((p) => p.name.startsWith('case_search_trigram'))}, bigram ${share((p) => p.name.startsWith('case_search_bigram'))}; ${(events / cases).toFixed(1)} events per case`,
    });
    memory.sample();
    add({
      metric: 'peak memory of the bench process',
      unit: 'MiB',
      value: process.resourceUsage().maxRSS / 1024,
      note: `maxRSS since the bench started; peak heap seen ${memory.peakHeapMiB().toFixed(0)} MiB`,
    });
  }
  return notes;
}

type Add = (row: Omit<ResultRow, 'tier'>) => void;

async function countRollups(dataDir: string) {
  const store = openStore(dataDir);
  try {
    const started = performance.now();
    const { utcOffsetMinutes } = await loadSettings(store.db);
    await store.db.transaction().execute((trx) => rebuildReportRollups(trx, utcOffsetMinutes, new Date().toISOString()));
    const ms = performance.now() - started;
    const days = (store.sqlite.prepare('SELECT count(*) AS n FROM report_daily').get() as { n: number }).n;
    return { ms, days };
  } finally {
    await store.close();
  }
}

async function measureReads(
  bench: BenchDesk,
  raw: ReturnType<typeof openRaw>,
  options: TierOptions,
  add: Add,
  notes: string[],
  sampleMemory: () => void,
) {
  const rng = createRng(options.seed + 1);
  const maxSeqno = (raw.prepare('SELECT max(seqno) AS n FROM cases').get() as { n: number }).n;
  const caseAt = raw.prepare('SELECT id, complainant_phone FROM cases WHERE seqno = ?');
  const randomCase = () => caseAt.get(1 + rng.int(maxSeqno)) as { id: string; complainant_phone: string | null };
  const departments = (raw.prepare('SELECT id FROM departments ORDER BY created_at, id').all() as { id: string }[]).map((d) => d.id);
  const handler = (raw.prepare('SELECT handler_id AS id FROM cases WHERE handler_id IS NOT NULL LIMIT 1').get() as { id: string }).id;
  const n = options.reads;

  // The board (issue 4): one column per open status, the most pressing deadline first. The
  // floor runs the same SQL (count per status, then each column's first cards) raw.
  const open = ['registered', 'accepted', 'investigating', 'awaiting_approval', 'responded'] as const;
  const countOpen = raw.prepare(
    `SELECT status, count(*) AS n FROM cases WHERE status IN (${open.map(() => '?').join(',')}) GROUP BY status`,
  );
  const column = raw.prepare('SELECT * FROM cases WHERE status = ? ORDER BY due_at IS NULL, due_at, seqno LIMIT 30');
  const columnOfDepartment = raw.prepare(
    'SELECT * FROM cases WHERE status = ? AND (department_id = ? OR EXISTS (SELECT 1 FROM json_each(cases.co_department_ids) WHERE value = ?)) ORDER BY due_at IS NULL, due_at, seqno LIMIT 30',
  );
  const boardValue = await time(n, () => bench.call('cases.board', {}));
  const boardFloor = await time(n, () => {
    countOpen.all(...open);
    for (const status of open) column.all(status);
  });
  const openCount = (countOpen.all(...open) as { n: number }[]).reduce((sum, r) => sum + r.n, 0);
  add({
    metric: 'board: cases.board, every open column',
    value: boardValue,
    floor: boardFloor,
    target: targets.board,
    note: `${openCount} open cases`,
  });
  const department = departments[0] as string;
  const boardDepartment = await time(n, () => bench.call('cases.board', { departmentId: department }));
  const boardDepartmentFloor = await time(n, () => {
    for (const status of open) columnOfDepartment.all(status, department, department);
  });
  add({ metric: 'board: cases.board, one department', value: boardDepartment, floor: boardDepartmentFloor, target: targets.board });
  add({
    metric: 'board: cases.board, overdue only',
    value: await time(n, () => bench.call('cases.board', { overdue: true })),
    target: targets.board,
  });
  add({
    metric: 'list: cases.browse, open cases by due date, with total',
    value: await time(n, () => bench.call('cases.browse', { statuses: [...open], sort: 'due' })),
    target: targets.board,
  });
  add({
    metric: 'list: cases.browse, all cases newest first, with total',
    value: await time(n, () => bench.call('cases.browse', {})),
    target: targets.board,
  });
  add({ metric: 'inbox: cases.inbox (supervisor)', value: await time(n, () => bench.call('cases.inbox', {})), target: targets.board });
  sampleMemory();

  // The walking skeleton's list query, still the case list page's.
  const boards: { name: string; input: Parameters<typeof listFloorSql>[0] }[] = [
    { name: 'no filter', input: {} },
    { name: 'status = registered (queue to accept)', input: { status: 'registered' } },
    { name: 'department + status = investigating', input: { departmentId: departments[0], status: 'investigating' } },
    { name: 'status = closed + severity = urgent', input: { status: 'closed', severity: 'urgent' } },
    { name: 'handler (my cases)', input: { handlerId: handler } },
  ];
  for (const board of boards) {
    const { sql, params } = listFloorSql(board.input);
    const floorStatement = raw.prepare(sql);
    const value = await time(n, () => bench.call('cases.list', board.input));
    const floor = await time(n, () => floorStatement.all(...params));
    add({ metric: `list: cases.list, ${board.name}`, value, floor, target: targets.board });
    sampleMemory();
  }

  // Full-text search through cases.list q; the floor is the raw FTS5 query for the first page.
  const phones: string[] = [];
  while (phones.length < 8) {
    const phone = randomCase().complainant_phone;
    if (phone && /^1\d{10}$/.test(phone)) phones.push(phone.slice(-4));
  }
  const groups: [string, string[]][] = [
    ['2-character Chinese (bigram index)', searchTerms.two],
    ['3-character Chinese (trigram index)', searchTerms.three],
    ['4-character Chinese (trigram index)', searchTerms.four],
    ['phone suffix, 4 digits (trigram index)', phones],
  ];
  for (const [name, terms] of groups) {
    const floors = new Map(
      terms.map((term) => {
        const plan = planSearch(term);
        if (plan.index === 'none') throw new Error(`no index for ${term}`);
        const table = plan.index === 'trigram' ? 'case_search_trigram' : 'case_search_bigram';
        return [
          term,
          { statement: raw.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT 51`), match: plan.match },
        ];
      }),
    );
    const term = (i: number) => terms[i % terms.length] as string;
    const value = await time(n, (i) => bench.call('cases.list', { q: term(i) }));
    const floor = await time(n, (i) => {
      const f = floors.get(term(i));
      return f?.statement.all(f.match);
    });
    const hits = terms.map((t) => {
      const f = floors.get(t);
      return f
        ? (
            raw.prepare(`SELECT count(*) AS n FROM (${f.statement.source.replace(' ORDER BY rowid DESC LIMIT 51', '')})`).get(f.match) as {
              n: number;
            }
          ).n
        : 0;
    });
    add({
      metric: `search: cases.list q, ${name}`,
      value,
      floor,
      target: targets.search,
      note: `${terms.length} terms, ${Math.min(...hits)}–${Math.max(...hits)} matching cases each`,
    });
    sampleMemory();
  }

  // One case with its events.
  const ids = Array.from({ length: n }, () => randomCase().id);
  const caseById = raw.prepare('SELECT * FROM cases WHERE id = ?');
  const eventsOf = raw.prepare(
    'SELECT e.*, a.name, d.name FROM cases c JOIN case_events e ON e.pos >= c.seqno * ? AND e.pos < (c.seqno + 1) * ? JOIN event_parties a ON a.n = e.actor JOIN event_parties d ON d.n = e.device WHERE c.id = ? ORDER BY e.pos',
  );
  const oneCase = await time(n, (i) => bench.call('cases.get', { id: ids[i % ids.length] as string }));
  const oneFloor = await time(n, (i) => {
    caseById.get(ids[i % ids.length]);
    eventsOf.all(caseSpan, caseSpan, ids[i % ids.length]);
  });
  add({ metric: 'one case with its events: cases.get', value: oneCase, floor: oneFloor, target: targets.oneCase });

  // The dashboard and the analysis, called as their pages call them (the reports read case_report_facts and case_clocks).
  const months = ['2026-10', '2025-06', '2024-03', '2026-01'];
  const monthRange = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    return { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00` };
  };
  const breakdowns = ['category', 'department', 'channel', 'severity', 'type', 'respondentDepartment', 'respondentPerson'] as const;
  const dashboard = await time(
    Math.min(n, 8),
    (i) => {
      const range = monthRange(months[i % months.length] as string);
      return Promise.all([
        bench.call('reports.summary', { ...range, breakdowns: [...breakdowns] }),
        bench.call('reports.summary', { ...range, groupBy: 'day' }),
        bench.call('reports.repeats', { ...range, limit: 8 }),
      ]);
    },
    1,
  );
  add({
    metric: 'dashboard, one month as the page asks it: reports.summary with 7 breakdowns, the daily trend, reports.repeats',
    value: dashboard,
    target: targets.dashboard,
  });
  const analysis = await time(
    Math.min(n, 8),
    (i) => {
      const [year, index] = (months[i % months.length] as string).split('-').map(Number) as [number, number];
      return bench.call('reports.analysis', { period: { kind: 'month', year, index } });
    },
    1,
  );
  add({
    metric: 'monthly analysis: reports.analysis (against the previous month and last year, breakdowns, lists)',
    value: analysis,
    target: targets.monthly,
  });
  const yearly = await time(Math.min(n, 5), () => bench.call('reports.analysis', { period: { kind: 'year', year: 2025, index: 1 } }), 1);
  add({ metric: 'yearly analysis: reports.analysis, 2025', value: yearly, target: targets.yearly });
  const review = await time(
    Math.min(n, 5),
    () => bench.call('reports.performance', { from: '2025-01-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' }),
    1,
  );
  add({ metric: 'performance review: reports.performance, 2025', value: review, target: targets.yearly });
  // The reports read what the bulk writer folded: say how much of the store they saw.
  const facts = raw
    .prepare('SELECT count(*) AS cases, total(closed_at IS NOT NULL) AS closed, total(follow_ups > 0) AS followedUp FROM case_report_facts')
    .get() as { cases: number; closed: number; followedUp: number };
  notes.push(
    `${options.label}: the reports read report facts of ${facts.cases.toLocaleString('en')} cases (${facts.closed.toLocaleString('en')} closed, ${facts.followedUp.toLocaleString('en')} followed up)`,
  );
  sampleMemory();
}

/** The SQL the db layer sends for a cases.list filter, as a raw prepared statement (the floor). */
function listFloorSql(input: DeskInput<'cases.list'>) {
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['status', input.status],
    ['department_id', input.departmentId],
    ['handler_id', input.handlerId],
    ['severity', input.severity],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: `SELECT * FROM cases${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seqno DESC LIMIT 51`, params };
}

async function measureRegistration(bench: BenchDesk, raw: ReturnType<typeof openRaw>, options: TierOptions, add: Add) {
  const rng = createRng(options.seed + 2);
  const vocabulary: Vocabulary = {
    categories: raw.prepare('SELECT id, name FROM categories').all() as { id: string; name: string }[],
    departments: (raw.prepare('SELECT id FROM departments').all() as { id: string }[]).map((d) => d.id),
    receptionists: ['-'],
    handlers: new Map(),
  };
  const n = options.writes;
  const inputs = Array.from({ length: n + 3 }, () => {
    const { input } = syntheticCase(rng, vocabulary, Date.now() - 60_000, Date.now());
    return { ...input, receivedAt: new Date(Date.now() - 60_000).toISOString() };
  });
  // Core and floor alternate, so that both meet the same disk: on a shared machine the
  // latency of an fsync drifts over seconds, and every commit here waits for one.
  const floorWriter = rawRegistration(raw);
  const durations: number[] = [];
  const floorDurations: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const started = performance.now();
    const result = await bench.call('cases.register', inputs[i] as (typeof inputs)[number]);
    const took = performance.now() - started;
    const copy = floorWriter.copyOf(result.id, i);
    const floorStarted = performance.now();
    floorWriter.insert(copy);
    const floorTook = performance.now() - floorStarted;
    if (i < 3) continue; // warm-up
    durations.push(took);
    floorDurations.push(floorTook);
  }
  const value = summarise(durations);
  const floor = summarise(floorDurations);
  add({
    metric:
      "registration through the core: cases.register via createDesk's call (validation, number, event, projection, search rows), synchronous=FULL",
    value,
    floor,
    target: targets.registration,
    note: 'floor: the same case + event rows and two search documents, one prepared statement per table, one transaction each, alternating with the core',
  });
}
