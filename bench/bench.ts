import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runGroupBench } from './group/groupBench.ts';
import { runPrivacyBench } from './privacy/privacyBench.ts';
import { measureFirstRender } from './renderer/firstRender.ts';
import { type ResultRow, renderReport } from './report.ts';
import { runAppliedCatchUp } from './server/appliedCatchUp.ts';
import { runServerBench } from './server/serverBench.ts';
import { runSyncBench } from './sync/syncBench.ts';
import { runTier } from './tier.ts';

/**
 * `npm run bench` — generates stores of 10k, 100k and 1M synthetic cases and measures the core
 * on each, then the renderer's first render with 5,000 open cases; writes the table to
 * bench/results/<date>.md and prints it.
 *
 *   npm run bench -- --smoke              2,000 cases, no renderer: checks the harness in ~20 s
 *   npm run bench -- --tiers 10k,100k     only these tiers
 *   npm run bench -- --no-renderer        skip Chromium
 *   npm run bench -- --renderer-only      only Chromium
 *   npm run bench -- --keep               keep the generated stores (their paths are printed)
 *   npm run bench -- --tiers 1m --generate-only   generate a store and keep it, measure nothing
 *   npm run bench -- --tiers 1m --reuse DIR       measure a kept store again (no generation)
 *   npm run bench -- --tiers 1m --reuse DIR --warm-store   read the kept store through first, as right after generation
 *   npm run bench -- --server-only        only the sync server on PostgreSQL (~2 min); also writes the 100-site scale report
 *   npm run bench -- --no-server          skip the sync server
 *   npm run bench -- --privacy --tiers 100k   only the cost of encryption, sealing and retention; writes <date>-privacy.md
 *   npm run bench -- --privacy --tiers 1m --generate-only   generate its plain store and keep it (--keep: keep it and measure)
 *   npm run bench -- --privacy --tiers 1m --reuse DIR       measure a kept plain store again (copied for both sides)
 *   npm run bench -- --sync --tiers 2k    only what sync costs a desk (registration on/off, an empty round, bytes per case); writes <date>-sync.md
 *   npm run bench -- --group              only the group console's reports and search on PostgreSQL: 100 sites, 1M cases; writes <date>-group.md
 *   npm run bench -- --group --group-cases 100k --group-sites 20   a smaller group
 *   npm run bench -- --group --group-cases 10000000 --group-copies 10   a tenth folded, the rest copied in SQL
 *   npm run bench -- --catch-up 5000      only a new desk's catch-up with its applying, site of 5,000 cases (3 runs); prints, writes only with --out
 */
const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    tiers: { type: 'string', default: '10k,100k,1m' },
    'no-renderer': { type: 'boolean', default: false },
    'renderer-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    'warm-store': { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261122' },
    out: { type: 'string' },
    'server-only': { type: 'boolean', default: false },
    'no-server': { type: 'boolean', default: false },
    privacy: { type: 'boolean', default: false },
    sync: { type: 'boolean', default: false },
    group: { type: 'boolean', default: false },
    'group-cases': { type: 'string', default: '1m' },
    'group-sites': { type: 'string', default: '100' },
    'group-copies': { type: 'string', default: '1' },
    'group-no-search': { type: 'boolean', default: false },
    'catch-up': { type: 'string' },
  },
});

if (values['catch-up']) {
  const cases = Number(values['catch-up']);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--catch-up takes a number of cases');
  const started = new Date();
  const result = await runAppliedCatchUp({
    cases,
    runs: 3,
    seed: Number(values.seed),
    log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
  });
  const args = process.argv.slice(2).join(' ');
  const report = renderReport({ started, seconds: (Date.now() - started.getTime()) / 1000, rows: result.rows, notes: result.notes, args });
  console.log(`\n${report}`);
  if (values.out) fs.writeFileSync(values.out, report);
  process.exit(0);
}

const tierSizes: Record<string, number> = { '2k': 2_000, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const tiers =
  values['renderer-only'] || values['server-only'] || values.group
    ? []
    : values.smoke
      ? ['2k']
      : values.tiers
          .toLowerCase()
          .split(',')
          .map((t) => t.trim());
for (const t of tiers) if (!tierSizes[t]) throw new Error(`unknown tier ${t}; use ${Object.keys(tierSizes).join(', ')}`);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = new Date();
const seed = Number(values.seed);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const rows: ResultRow[] = [];
const notes: string[] = [];

for (const t of values.privacy ? tiers : []) {
  const count = tierSizes[t] as number;
  const result = await runPrivacyBench({
    label: t,
    count,
    seed,
    samples: values.smoke ? 10 : 60,
    removals: values.smoke ? 200 : 2_000,
    keep: values.keep,
    generateOnly: values['generate-only'],
    reuse: values.reuse,
    log,
  });
  rows.push(...result.rows);
  notes.push(...result.notes);
}

for (const t of values.sync ? tiers : []) {
  const result = await runSyncBench({ label: t, count: tierSizes[t] as number, seed, samples: values.smoke ? 10 : 100, log });
  rows.push(...result.rows);
  notes.push(...result.notes);
}

if (values.group) {
  const count = tierSizes[values['group-cases'].toLowerCase()] ?? Number(values['group-cases']);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`--group-cases: 2k, 10k, 100k, 1m or a number`);
  const copies = Number(values['group-copies']);
  if (!Number.isInteger(copies) || copies < 1 || count % copies !== 0) throw new Error('--group-copies: a whole divisor of --group-cases');
  const result = await runGroupBench({
    sites: Number(values['group-sites']),
    count,
    copies,
    search: !values['group-no-search'],
    seed,
    samples: values.smoke ? 10 : 40,
    log,
  });
  rows.push(...result.rows);
  notes.push(...result.notes);
}

for (const t of values.privacy || values.sync ? [] : tiers) {
  const count = tierSizes[t] as number;
  const result = await runTier({
    label: t === '1m' ? '1M' : t,
    count,
    seed,
    reads: count >= 1_000_000 ? 25 : values.smoke ? 10 : 60,
    writes: values.smoke ? 10 : 100,
    keep: values.keep,
    reuse: values.reuse,
    generateOnly: values['generate-only'],
    warmStore: values['warm-store'],
    log,
  });
  rows.push(...result.rows);
  notes.push(...result.notes);
}

if (!values.smoke && !values['no-renderer'] && !values['server-only'] && !values.privacy && !values.sync && !values.group) {
  log('renderer: first render with 5,000 open cases');
  const render = await measureFirstRender({ root, seed, openCases: 5_000, runs: 7, log });
  rows.push(...render.rows);
  notes.push(...render.notes);
}

let scale: string | null = null;
if (!values.smoke && !values['no-server'] && !values['renderer-only'] && !values.privacy && !values.sync && !values.group) {
  log('server: sync server on PostgreSQL');
  const server = await runServerBench({ seed, log });
  rows.push(...server.rows);
  notes.push(...server.notes);
  scale = server.scale;
}

const seconds = (Date.now() - started.getTime()) / 1000;
const args = process.argv.slice(2).join(' ');
const report = renderReport({ started, seconds, rows, notes, args });
console.log(`\n${report}`);
if (!values.smoke || values.out) {
  const day = started.toISOString().slice(0, 10);
  const out =
    values.out ??
    path.join(
      root,
      'bench/results',
      `${day}${values['server-only'] ? '-server' : values.privacy ? '-privacy' : values.sync ? '-sync' : values.group ? '-group' : ''}.md`,
    );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, report);
  log(`written to ${path.relative(root, out)}`);
  if (scale) {
    const scaleOut = path.join(path.dirname(out), `${day}-server-scale.md`);
    fs.writeFileSync(scaleOut, scale);
    log(`written to ${path.relative(root, scaleOut)}`);
  }
}
