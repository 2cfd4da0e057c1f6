import path from 'node:path';
import { storeFileName } from '../db/connection.ts';
import { benchDataDir, removeBenchDataDir } from './benchDesk.ts';
import type { ResultRow } from './report.ts';
import { countRollups, generate } from './tier/generate.ts';
import { measureTier } from './tier/measure.ts';
import { describeResidency, readThrough, residencyOf } from './tier/pageCache.ts';
import { type TierOptions, trackPeak } from './tier/shared.ts';

/**
 * One tier of the benchmark: generate (or reuse) a store of `count` cases, count its report
 * roll-ups, and measure it (bench/tier/: generate.ts, measure.ts, measureReads.ts,
 * measureRegistration.ts; the targets in shared.ts).
 */
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
    if (!options.generateOnly) {
      notes.push(`${tier}: the store was ${describeResidency(residencyOf(file))} in the page cache when its measurement began`);
      if (options.warmStore) {
        readThrough(file);
        notes.push(`${tier}: read through first (--warm-store): ${describeResidency(residencyOf(file))} in the page cache`);
      }
      notes.push(...(await measureTier(options, dataDir, file, add, memory)));
    }
    log(`[${tier}] done in ${((performance.now() - tierStarted) / 1000).toFixed(0)} s`);
    notes.push(`${tier}: the whole tier (generate + measure) took ${((performance.now() - tierStarted) / 1000).toFixed(0)} s`);
    return { rows, notes };
  } finally {
    if (options.keep || options.reuse || options.generateOnly) log(`[${tier}] kept ${dataDir}`);
    else removeBenchDataDir(dataDir);
  }
}
