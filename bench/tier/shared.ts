/** What every part of a tier's run shares: its options, its targets, how a row is added. */
import type { ResultRow } from '../report.ts';

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
  /** Read the store through once before measuring, so that none of it is read from the disk. */
  warmStore?: boolean;
  log?: (line: string) => void;
}

/** The generated history ends here: fixed, so that every run builds the same store. */
export const historyEnd = Date.parse('2026-11-20T16:00:00Z');

export const targets = {
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
  // 300 MB in the MiB the memory rows are given in.
  memory: { max: 300e6 / 2 ** 20, of: 'value', text: '≤ 300 MB (286 MiB)' },
} as const satisfies Record<string, ResultRow['target']>;

/** Adds one row of the tier's results. */
export type Add = (row: Omit<ResultRow, 'tier'>) => void;

/** The peak heap seen, sampled while the tier runs (maxRSS says the rest). */
export function trackPeak() {
  let heap = 0;
  return {
    sample: () => {
      heap = Math.max(heap, process.memoryUsage().heapUsed);
    },
    peakHeapMiB: () => heap / 2 ** 20,
  };
}

export type MemoryPeak = ReturnType<typeof trackPeak>;
