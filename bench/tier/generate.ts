import { loadSettings } from '../../core/settings.ts';
import { openStore } from '../../db/connection.ts';
import { rebuildReportRollups } from '../../db/queries/reportRollups.ts';
import { openBenchDesk } from '../benchDesk.ts';
import { bulkLoad } from '../data/bulkLoad.ts';
import { type Add, historyEnd, type TierOptions } from './shared.ts';

/** Builds a tier's store: a fresh desk, then the synthetic history written in bulk. */
export async function generate(options: TierOptions, dataDir: string, add: Add, sampleMemory: () => void) {
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

/** Counts the report roll-ups from the cases, facts and clocks, as the rebuild command does, timed. */
export async function countRollups(dataDir: string) {
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
