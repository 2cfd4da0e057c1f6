import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeResidency, readThrough, residencyOf } from '../tier/pageCache.ts';

describe("a store's share of the page cache", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-page-cache-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file through and reports its size and resident bytes', () => {
    const file = path.join(dir, 'store');
    fs.writeFileSync(file, Buffer.alloc(3 * 2 ** 20, 7));
    readThrough(file);
    const residency = residencyOf(file);
    // fincore is util-linux's, on every Debian machine; where it is missing the run says so.
    if (!residency) return expect(describeResidency(undefined)).toMatch(/unknown/);
    expect(residency.size).toBe(3 * 2 ** 20);
    expect(residency.resident).toBeGreaterThan(0);
    expect(residency.resident).toBeLessThanOrEqual(residency.size);
    expect(describeResidency(residency)).toMatch(/^\d+% \(\d+ of 3 MiB\)$/);
  });

  it('says so when it cannot tell', () => {
    expect(residencyOf(path.join(dir, 'missing'))).toBeUndefined();
    expect(describeResidency({ resident: 512 * 2 ** 20, size: 2 ** 31 })).toBe('25% (512 of 2048 MiB)');
  });
});
