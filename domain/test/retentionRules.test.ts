import { describe, expect, it } from 'vitest';
import { addMonths, defaultRetention, dueBounds, dueRemovals, finishedBounds } from '../retention/retentionRules.ts';

/** A small deterministic generator, so a failure repeats. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('retention rules', () => {
  it('clamps a day past the end of the target month', () => {
    expect(addMonths('2025-01-31T10:00:00.000Z', 1)).toBe('2025-02-28T10:00:00.000Z');
    expect(addMonths('2024-01-31T10:00:00.000Z', 1)).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonths('2025-03-15T10:00:00.000Z', 12)).toBe('2026-03-15T10:00:00.000Z');
  });

  it('bounds the finishing days whose period has ended, as dueRemovals decides each case', () => {
    const next = random(20261203);
    // Month ends and their neighbours, where the clamping bites, and any instant.
    const nows = ['2025-03-31T12:00:00.000Z', '2025-03-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2025-12-31T15:00:00.000Z'];
    for (let i = 0; i < 40; i++) nows.push(new Date(Date.UTC(2020, 0, 1) + next() * 10 * 365 * 86_400_000).toISOString());
    let between = 0;
    for (const now of nows) {
      for (const months of [1, 2, 11, 12, 13, 36, 1200]) {
        const { surely, maybe } = finishedBounds(months, now);
        expect(surely < maybe).toBe(true);
        const span = Date.parse(maybe) - Date.parse(surely);
        // Instants around each bound and across the days between them.
        for (let k = 0; k < 60; k++) {
          const at = new Date(Date.parse(surely) - 2 * 86_400_000 + next() * (span + 4 * 86_400_000)).toISOString();
          const due = addMonths(at, months) <= now;
          if (at <= surely) expect(due, `${at} + ${months} months by ${now}`).toBe(true);
          else if (at > maybe) expect(due, `${at} + ${months} months by ${now}`).toBe(false);
          else between += 1;
        }
        for (const at of [surely, maybe]) {
          const just = new Date(Date.parse(at) + 1).toISOString();
          if (at === surely) expect(addMonths(at, months) <= now).toBe(true);
          else expect(addMonths(just, months) <= now).toBe(false);
        }
      }
    }
    expect(between).toBeGreaterThan(0);
  });

  it("takes the evidence with the personal data when the personal data's period ends first", () => {
    const periods = { ...defaultRetention('hospital'), evidence: 48 };
    const now = '2026-12-03T00:00:00.000Z';
    const complaint = dueBounds(periods, now).find((b) => b.type === 'complaint');
    expect(complaint?.evidence).toEqual(complaint?.personalData);
    const finishedAt = new Date(Date.parse(complaint?.personalData.surely ?? '') - 1).toISOString();
    expect(dueRemovals({ type: 'complaint', finishedAt, removed: [] }, periods, now)).toEqual(['evidence', 'personalData']);
    const praise = dueBounds(defaultRetention('hospital'), now).find((b) => b.type === 'praise');
    expect(praise?.evidence).toEqual(praise?.personalData);
    const lodged = dueBounds(defaultRetention('hospital'), now).find((b) => b.type === 'complaint');
    expect(lodged && lodged.evidence.surely > lodged.personalData.surely).toBe(true);
  });
});
