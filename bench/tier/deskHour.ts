import path from 'node:path';
import { parseArgs } from 'node:util';
import { storeFileName } from '../../db/connection.ts';
import { openBenchDesk } from '../benchDesk.ts';
import { searchTerms } from '../data/phrases.ts';
import { createRng } from '../data/rng.ts';
import { syntheticCase, type Vocabulary } from '../data/syntheticCase.ts';
import { openRaw } from '../measure/floors.ts';

/**
 * An hour of a busy desk, run in a process of its own so that its resident memory is the desk's
 * alone (not the bench's, which holds the generator's and the floors' data): the calls the
 * pages make, in the proportions of a busy hour, then the process's memory printed as one line
 * of JSON. Run by measureDeskHour (deskMemory.ts).
 */
const busyHour = {
  // A board and a list refreshed by several people, searches at the phone, cases opened, a few
  // registrations a minute at peak, the reports a supervisor opens a few times an hour.
  board: 240,
  boardOfDepartment: 60,
  list: 240,
  search: 300,
  caseGet: 600,
  registration: 60,
  dashboard: 12,
  analysis: 6,
};

const { values } = parseArgs({
  options: { data: { type: 'string' }, seed: { type: 'string', default: '1' }, fraction: { type: 'string', default: '1' } },
});
if (!values.data) throw new Error('--data <dir>');
const dataDir = values.data;
// A fraction of the hour (the smoke tier's check that the loop runs): every kind of call at least once.
const fraction = Number(values.fraction);
for (const kind of Object.keys(busyHour) as (keyof typeof busyHour)[]) busyHour[kind] = Math.max(1, Math.round(busyHour[kind] * fraction));

const raw = openRaw(path.join(dataDir, storeFileName), { readonly: true });
const rng = createRng(Number(values.seed));
const maxSeqno = (raw.prepare('SELECT max(seqno) AS n FROM cases').get() as { n: number }).n;
const caseAt = raw.prepare('SELECT id FROM cases WHERE seqno = ?');
const vocabulary: Vocabulary = {
  categories: raw.prepare('SELECT id, name FROM categories').all() as { id: string; name: string }[],
  departments: (raw.prepare('SELECT id FROM departments').all() as { id: string }[]).map((d) => d.id),
  receptionists: ['-'],
  handlers: new Map(),
};
const caseIds = Array.from({ length: busyHour.caseGet }, () => (caseAt.get(1 + rng.int(maxSeqno)) as { id: string } | undefined)?.id);
raw.close();

const bench = await openBenchDesk(dataDir);
const open = ['registered', 'accepted', 'investigating', 'awaiting_approval', 'responded'] as const;
const terms = [...searchTerms.two, ...searchTerms.three, ...searchTerms.four];
const months = ['2026-10', '2026-09', '2026-08'];
// The hour's calls interleaved as a desk makes them, not in blocks: each kind spread over the hour.
const plan: (() => Promise<unknown>)[] = [];
const spread = (count: number, call: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < count; i++) plan.push(() => call(i));
};
spread(busyHour.board, () => bench.call('cases.board', {}));
spread(busyHour.boardOfDepartment, (i) =>
  bench.call('cases.board', { departmentId: vocabulary.departments[i % vocabulary.departments.length] as string }),
);
spread(busyHour.list, (i) =>
  i % 2 === 0 ? bench.call('cases.browse', { statuses: [...open], sort: 'due' }) : bench.call('cases.list', {}),
);
spread(busyHour.search, (i) => bench.call('cases.list', { q: terms[i % terms.length] as string }));
spread(busyHour.caseGet, (i) => {
  const id = caseIds[i];
  return id ? bench.call('cases.get', { id }) : Promise.resolve();
});
spread(busyHour.registration, () => {
  const { input } = syntheticCase(rng, vocabulary, Date.now() - 60_000, Date.now());
  return bench.call('cases.register', { ...input, receivedAt: new Date(Date.now() - 60_000).toISOString() });
});
spread(busyHour.dashboard, (i) => {
  const [year, month] = (months[i % months.length] as string).split('-').map(Number) as [number, number];
  const from = `${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`;
  const to = month === 12 ? `${year + 1}-01-01T00:00:00+08:00` : `${year}-${String(month + 1).padStart(2, '0')}-01T00:00:00+08:00`;
  return Promise.all([
    bench.call('reports.summary', { from, to, breakdowns: ['category', 'department', 'channel', 'severity'] }),
    bench.call('reports.summary', { from, to, groupBy: 'day' }),
    bench.call('reports.repeats', { from, to, limit: 8 }),
  ]);
});
spread(busyHour.analysis, (i) => {
  const [year, index] = (months[i % months.length] as string).split('-').map(Number) as [number, number];
  return bench.call('reports.analysis', { period: { kind: 'month', year, index } });
});
for (let i = plan.length - 1; i > 0; i--) {
  const j = rng.int(i + 1);
  [plan[i], plan[j]] = [plan[j] as () => Promise<unknown>, plan[i] as () => Promise<unknown>];
}
const started = performance.now();
for (const call of plan) await call();
const seconds = (performance.now() - started) / 1000;
const memory = process.memoryUsage();
const result = {
  calls: plan.length,
  mix: busyHour,
  seconds,
  rssMiB: memory.rss / 2 ** 20,
  heapMiB: memory.heapUsed / 2 ** 20,
  externalMiB: memory.external / 2 ** 20,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
};
await bench.close();
console.log(JSON.stringify(result));
