import os from 'node:os';
import type { Sample } from './measure/stats.ts';

/** One line of the results table. Figures are milliseconds unless `unit` says otherwise. */
export interface ResultRow {
  tier: string;
  metric: string;
  unit?: string;
  value: Sample | number | null;
  floor?: Sample | number | null;
  /** Which figure the target applies to. */
  target?: { max: number; of: 'p95' | 'median' | 'value'; text: string; ratioMax?: number };
  note?: string;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

function figure(v: Sample | number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return fmt(v);
  return `${fmt(v.median)} / ${fmt(v.p95)}`;
}

const median = (v: Sample | number) => (typeof v === 'number' ? v : v.median);

export function ratioOf(row: ResultRow): number | null {
  if (row.value === null || row.floor === null || row.floor === undefined) return null;
  const floor = median(row.floor);
  return floor > 0 ? median(row.value) / floor : null;
}

export function verdict(row: ResultRow): 'PASS' | 'MISS' | '' {
  const { target, value } = row;
  if (!target || value === null) return '';
  const measured = typeof value === 'number' ? value : target.of === 'median' ? value.median : value.p95;
  let ok = measured <= target.max;
  const ratio = ratioOf(row);
  if (target.ratioMax !== undefined && ratio !== null) ok = ok && ratio <= target.ratioMax;
  return ok ? 'PASS' : 'MISS';
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function renderTable(rows: readonly ResultRow[]): string {
  const lines = [
    '| tier | measurement | median / p95 | floor median / p95 | ratio | target | result | note |',
    '| ---- | ----------- | ------------ | ------------------ | ----- | ------ | ------ | ---- |',
  ];
  for (const row of rows) {
    const ratio = ratioOf(row);
    const unit = row.unit ? ` ${row.unit}` : '';
    lines.push(
      `| ${row.tier} | ${row.metric} | ${figure(row.value)}${unit} | ${row.floor === undefined ? '' : `${figure(row.floor)}${unit}`} | ${
        ratio === null ? '' : `${ratio.toFixed(1)}×`
      } | ${row.target?.text ?? ''} | ${verdict(row)} | ${row.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}

export function renderReport(options: {
  started: Date;
  seconds: number;
  rows: readonly ResultRow[];
  notes: readonly string[];
  args: string;
}): string {
  const m = machine();
  return [
    `# Benchmark ${options.started.toISOString().slice(0, 10)}`,
    '',
    `- run: ${options.started.toISOString()}, \`npm run bench${options.args ? ` -- ${options.args}` : ''}\`, ${Math.round(options.seconds)} s in all`,
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.platform}, Node ${m.node}`,
    '- figures: milliseconds unless a unit is given; "median / p95" of the samples; the floor is the same work done',
    '  with raw better-sqlite3 prepared statements (or a raw FTS5 query) in the same run; ratio = median ÷ floor median.',
    "- targets are the issue's targets at 1M cases; smaller tiers are judged against them too, for the trend.",
    '',
    renderTable(options.rows),
    '',
    ...options.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
