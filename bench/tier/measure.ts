import fs from 'node:fs';
import { createDesk } from '../../core/desk.ts';
import { takeStoreLock } from '../../db/storeLock.ts';
import { openBenchDesk } from '../benchDesk.ts';
import { openRaw } from '../measure/floors.ts';
import { rebuildProjection } from '../measure/projectionRebuild.ts';
import { summarise, time } from '../measure/stats.ts';
import { measureDeskHour } from './deskMemory.ts';
import { measureReads } from './measureReads.ts';
import { measureRegistration } from './measureRegistration.ts';
import { type Add, type MemoryPeak, type TierOptions, targets } from './shared.ts';

/** Measures a generated store: start-up, the reads, the projection rebuild, registration, the size per case and memory. */
export async function measureTier(options: TierOptions, dataDir: string, file: string, add: Add, memory: MemoryPeak): Promise<string[]> {
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
    log(`[${tier}] an hour of a busy desk (memory)`);
    // The smoke tier (and the harness test) only checks that the hour runs: a twentieth of it.
    await measureDeskHour(dataDir, options.seed + 3, options.reads <= 10 ? 0.05 : 1, add);
  }
  return notes;
}
