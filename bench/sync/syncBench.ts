import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { createSyncClient } from '../../core/sync/syncClient.ts';
import { storeFileName } from '../../db/connection.ts';
import { addSite, issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { spawnServer } from '../../server/test/serverProcess.ts';
import { type BenchDesk, benchDataDir, openBenchDesk, removeBenchDataDir } from '../benchDesk.ts';
import { createRng } from '../data/rng.ts';
import { syntheticCase, type Vocabulary } from '../data/syntheticCase.ts';
import { summarise, time } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';

export interface SyncBenchOptions {
  label: string;
  /** Cases each desk holds when the sizes are read. */
  count: number;
  seed: number;
  /** Samples of each timing. */
  samples: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes the store's pages hold (free pages left out), its write-ahead log checkpointed first. */
function storeBytes(file: string): number {
  const db = new Sqlite(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * (db.pragma('page_size', { simple: true }) as number);
  } finally {
    db.close();
  }
}

/**
 * What sync costs a desk (DESIGN.md §10, issue's speed rows): registration with sync on against
 * the same registration with sync off (two desks on one disk, alternating, the enrolled desk's
 * scheduler running as at a reception: it pushes 200 ms after a write, so a registration may meet
 * a round in flight); a round with nothing new (`sync.now`), against the bare signed pull; and
 * the store bytes per case of a synced desk, an unsynced one and the server (SQLite, in a process
 * of its own, as `npm run server` runs it).
 */
export async function runSyncBench(options: SyncBenchOptions): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const log = options.log ?? (() => {});
  const tier = options.label;
  const rows: ResultRow[] = [];
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-sync-server-'));
  const admin = await openServerStore({ dataDir: serverDir });
  await addSite(admin.db, '市第一人民医院', new Date());
  const { code } = await issueEnrolmentCode(admin.db, '市第一人民医院', new Date());
  await admin.close();
  const server = await spawnServer({ port: await freePort(), dataDir: serverDir });
  const offDir = benchDataDir('sync-off');
  const onDir = benchDataDir('sync-on');
  let off: BenchDesk | null = null;
  let on: BenchDesk | null = null;
  try {
    off = await openBenchDesk(offDir);
    on = await openBenchDesk(onDir);
    await on.call('sync.configure', { serverUrl: server.url, enrolmentCode: code });
    // Each desk seeded its own departments and categories: a case names those of the desk it is registered on.
    const vocabularyOf = (dir: string): Vocabulary => {
      const raw = new Sqlite(path.join(dir, storeFileName), { readonly: true });
      try {
        return {
          categories: raw.prepare('SELECT id, name FROM categories').all() as { id: string; name: string }[],
          departments: (raw.prepare('SELECT id FROM departments').all() as { id: string }[]).map((d) => d.id),
          receptionists: ['-'],
          handlers: new Map(),
        };
      } finally {
        raw.close();
      }
    };
    const vocabularies = { off: vocabularyOf(offDir), on: vocabularyOf(onDir) };
    const rng = createRng(options.seed + 13);
    const input = (desk: 'off' | 'on') => {
      const { input: made } = syntheticCase(rng, vocabularies[desk], Date.now() - 60_000, Date.now());
      return { ...made, receivedAt: new Date(Date.now() - 60_000).toISOString() };
    };

    log(`sync ${tier}: registration with sync off and on, ${options.samples} each, alternating`);
    const offTimes: number[] = [];
    const onTimes: number[] = [];
    for (let i = 0; i < options.samples + 3; i++) {
      const a = input('off');
      const b = input('on');
      // Each goes first every other time: the first of a pair may meet a cold cache or a busy disk.
      const offFirst = i % 4 < 2;
      let offTook = 0;
      let onTook = 0;
      for (const which of offFirst ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const started = performance.now();
        if (which === 'off') await off.call('cases.register', a);
        else await on.call('cases.register', b);
        if (which === 'off') offTook = performance.now() - started;
        else onTook = performance.now() - started;
      }
      if (i >= 3) {
        offTimes.push(offTook);
        onTimes.push(onTook);
      }
      // Long enough for the enrolled desk's push to start: the next pair meets it in flight.
      await sleep(i % 2 === 0 ? 210 : 20);
    }
    const afterSamples = await on.call('sync.status', {});
    rows.push({
      tier,
      metric: 'registration with sync on (enrolled desk, scheduler pushing after each commit), against the same with sync off',
      value: summarise(onTimes),
      floor: summarise(offTimes),
      target: { max: Number.POSITIVE_INFINITY, of: 'median', text: 'median ≤ 1.10× sync off', ratioMax: 1.1 },
      note: `floor: cases.register on a desk that never joined a site, alternating with the enrolled one on the same disk; the enrolled desk's scheduler pushed as they ran (${afterSamples.pending} of ${options.samples + 3} left to send at the end, last round ${afterSamples.lastSyncAt ? 'good' : 'none'})`,
    });

    log(`sync ${tier}: filling both desks to ${options.count} cases`);
    const held = options.samples + 3;
    for (let i = held; i < options.count; i++) {
      await off.call('cases.register', input('off'));
      await on.call('cases.register', input('on'));
    }
    await on.call('sync.now', {});

    log(`sync ${tier}: a round with nothing new, ${options.samples} times`);
    const roundTrip = await time(options.samples, () => on?.call('sync.now', {}));
    const config = new Sqlite(path.join(onDir, storeFileName), { readonly: true });
    const row = config.prepare('SELECT desk_id, private_key, pull_cursor FROM sync_config').get() as {
      desk_id: string;
      private_key: string;
      pull_cursor: number;
    };
    config.close();
    const client = createSyncClient({ serverUrl: server.url });
    const identity = { deskId: row.desk_id, privateKey: row.private_key };
    const bare = await time(options.samples, () => client.pull(identity, row.pull_cursor, 0, 2000));
    rows.push({
      tier,
      metric: "a desk's round with nothing new: sync.now (push nothing, pull nothing, no file to send or fetch), SQLite server",
      value: roundTrip,
      floor: bare,
      target: { max: 20, of: 'p95', text: 'p95 ≤ 20 ms' },
      note: 'floor: one signed pull after the cursor straight from the sync client (the wire and the server alone)',
    });

    const offBytes = storeBytes(path.join(offDir, storeFileName));
    await on.close();
    on = null;
    const onBytes = storeBytes(path.join(onDir, storeFileName));
    const serverBytes = storeBytes(path.join(serverDir, 'server.sqlite'));
    const kb = (bytes: number) => bytes / options.count / 1024;
    rows.push({
      tier,
      metric: `store per case, desk enrolled and synced (${options.count} cases registered through the core)`,
      unit: 'KB',
      value: kb(onBytes),
      floor: kb(offBytes),
      target: { max: 5, of: 'value', text: '≤ 5 KB' },
      note: 'floor: the same number of cases on a desk that never joined; the ratio is what sync adds to a desk store',
    });
    rows.push({
      tier,
      metric: 'server store per case (SQLite: sites, desks, cases, events as they travel)',
      unit: 'KB',
      value: kb(serverBytes),
      note: 'each event kept as its wire JSON beside its keys',
    });
    return {
      rows,
      notes: [
        `Sync rows (${tier}): one machine runs both desks, the server process and the measurements; the registrations alternate between the two desks so both meet the same disk.`,
      ],
    };
  } finally {
    await off?.close();
    await on?.close();
    await server.kill();
    removeBenchDataDir(offDir);
    removeBenchDataDir(onDir);
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
}
