/** Timing helpers: every figure the bench prints is a median or p95 of wall-clock samples. */
export interface Sample {
  n: number;
  median: number;
  p95: number;
}

export function summarise(durations: readonly number[]): Sample {
  if (durations.length === 0) throw new Error('no samples');
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95) };
}

/** Runs `fn(i)` `n` times after `warmup` unmeasured runs and summarises the milliseconds each took. */
export async function time(n: number, fn: (i: number) => unknown, warmup = Math.min(3, n)): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const durations: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
}
