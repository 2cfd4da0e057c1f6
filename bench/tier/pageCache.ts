import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * How much of a store the kernel holds in its page cache. A kept store that sat idle is read back
 * from the disk by the first calls of a run, and the kernel's reclaim can empty the cache of an
 * idle file within the hour: the same store measures differently, so a run says which it had.
 */
export interface Residency {
  resident: number;
  size: number;
}

/** The file's bytes in the page cache, by util-linux's `fincore`; undefined where it cannot tell. */
export function residencyOf(file: string): Residency | undefined {
  try {
    const out = execFileSync('fincore', ['--json', '--bytes', '--output', 'RES,SIZE', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [entry] = (JSON.parse(out) as { fincore: { res: number | string; size: number | string }[] }).fincore;
    if (!entry) return undefined;
    return { resident: Number(entry.res), size: Number(entry.size) };
  } catch {
    return undefined;
  }
}

export function describeResidency(residency: Residency | undefined): string {
  if (!residency) return 'unknown (fincore could not tell)';
  const share = residency.size === 0 ? 1 : residency.resident / residency.size;
  return `${(share * 100).toFixed(0)}% (${(residency.resident / 2 ** 20).toFixed(0)} of ${(residency.size / 2 ** 20).toFixed(0)} MiB)`;
}

/** Reads the whole file once, so that the kernel brings it into its page cache. */
export function readThrough(file: string): void {
  const chunk = Buffer.allocUnsafe(8 * 2 ** 20);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}
