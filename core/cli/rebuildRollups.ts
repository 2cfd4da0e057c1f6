import { parseArgs } from 'node:util';
import { openStore } from '../../db/connection.ts';
import { refoldReportProjections } from '../reports/refoldProjections.ts';

/**
 * `npm run rebuild-rollups -- --data DIR`: folds every case's report facts and clocks again from
 * its events and counts the report roll-ups from them. Run it with the desk closed. Exit code 0
 * when done, 2 on misuse.
 */
const { values } = parseArgs({ options: { data: { type: 'string' } } });
if (!values.data) {
  console.error('usage: npm run rebuild-rollups -- --data DIR');
  process.exit(2);
}
const store = openStore(values.data);
try {
  const started = performance.now();
  const cases = await refoldReportProjections(store.db, new Date().toISOString(), (done) => {
    if (done % 50_000 === 0) console.log(`${done} cases`);
  });
  console.log(`${cases} cases folded from their events and counted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await store.close();
}
