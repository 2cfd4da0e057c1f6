import { createRequire } from 'node:module';
import { v7 as uuidv7 } from 'uuid';
import { createSyncClient, makeDeskKeys } from '../../core/sync/syncClient.ts';
import { openSyncDesk } from '../../core/test/syncDesk.ts';
import { issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort, postgresInstalled, startPgCluster } from '../../server/test/pgCluster.ts';
import { spawnServer } from '../../server/test/serverProcess.ts';
import { createRng } from '../data/rng.ts';
import { summarise, time } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';
import { loadSite } from './loadSite.ts';

const notesPerCase = 8;

/** Counts the statements better-sqlite3 runs in this process (every desk's), by wrapping its Statement's methods. */
function countStatements(): () => number {
  const require = createRequire(import.meta.url);
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const probe = new Sqlite(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  let n = 0;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      n++;
      return original.apply(this, args);
    };
  }
  return () => n;
}

/**
 * Only the row of a new desk's catch-up with its applying (`serverBench.ts` runs it at 1,000
 * cases among the server's rows): a site of `cases` cases on PostgreSQL, a fresh desk for each
 * of `runs` runs that joins and takes it all in one round (pulled, verified, stored, folded),
 * against the same pages pulled by the sync client with nothing applied. Also counts the SQLite
 * statements the desk ran, per case.
 */
export async function runAppliedCatchUp(options: { cases: number; runs: number; seed: number; log: (line: string) => void }) {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  if (!postgresInstalled) {
    notes.push('catch-up: PostgreSQL 15 is not installed here (apt-get install postgresql); no rows.');
    return { rows, notes };
  }
  const { cases, runs, log } = options;
  const rng = createRng(options.seed);
  const statements = countStatements();
  const cluster = await startPgCluster();
  const store = await openServerStore({ databaseUrl: cluster.url });
  let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    server = await spawnServer({ port: await freePort(), databaseUrl: cluster.url });
    const client = createSyncClient({ serverUrl: server.url });
    log(`catch-up: loading a site of ${cases} cases`);
    const { events } = await loadSite(store.db, rng, { name: '新台医院', cases, notes: notesPerCase });
    const applied: number[] = [];
    const perCase: number[] = [];
    // The desk's own CPU time (this process; the server is a child): steadier than wall time on a shared machine.
    const cpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const desk = await openSyncDesk();
      try {
        await desk.join(server.url, (await issueEnrolmentCode(store.db, '新台医院', new Date())).code);
        const before = statements();
        const t = performance.now();
        const used = process.cpuUsage();
        const round = await desk.syncNow();
        applied.push(performance.now() - t);
        const spent = process.cpuUsage(used);
        cpu.push((spent.user + spent.system) / 1000);
        perCase.push((statements() - before) / cases);
        if (round.pulled !== events) throw new Error(`the desk applied ${round.pulled} of ${events} events`);
        log(
          `catch-up: run ${run + 1}: ${Math.round(applied.at(-1) ?? 0)} ms, desk CPU ${Math.round(cpu.at(-1) ?? 0)} ms, ${(perCase.at(-1) ?? 0).toFixed(1)} statements a case`,
        );
      } finally {
        await desk.close();
      }
    }
    const keys = makeDeskKeys();
    const deskId = uuidv7();
    await client.enrol({
      code: (await issueEnrolmentCode(store.db, '新台医院', new Date())).code,
      publicKey: keys.publicKey,
      deskName: 'bench',
      deskId,
    });
    const puller = { deskId, privateKey: keys.privateKey };
    const pullsAlone = await time(
      runs,
      async () => {
        for (let after = 0; ; ) {
          const page = await client.pull(puller, after);
          after = page.cursor;
          if (!page.more) return;
        }
      },
      0,
    );
    const sample = summarise(applied);
    const atTarget = (sample.median * (100_000 / cases)) / 1000;
    rows.push({
      tier: 'server',
      metric: `a new desk's catch-up with its applying, site of ${cases.toLocaleString('en')} cases (${events.toLocaleString('en')} events)`,
      value: sample,
      floor: pullsAlone,
      note: `×${(100_000 / cases).toLocaleString('en', { maximumFractionDigits: 1 })} for 100,000 cases ≈ ${atTarget.toFixed(0)} s; target ≤ 120 s at 100k: ${atTarget <= 120 ? 'PASS' : 'MISS'}; SQLite statements a case: ${perCase.map((n) => n.toFixed(1)).join(', ')}; the desk's CPU time ${cpu.map((n) => Math.round(n)).join(', ')} ms; floor: the same pages pulled by the sync client, nothing applied`,
    });
    return { rows, notes };
  } finally {
    await server?.kill();
    await store.close();
    cluster.stop();
  }
}
