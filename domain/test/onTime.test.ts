import { describe, expect, it } from 'vitest';
import { clockOutcome, onTimeRates } from '../deadlines/onTime.ts';

const due = '2026-11-24T09:59:59.999Z';
const now = '2026-11-26T02:00:00.000Z';
const before = '2026-11-24T01:00:00.000Z';
const after = '2026-11-25T01:00:00.000Z';

describe('on time, per clock (the one definition)', () => {
  it.each([
    ['met by its due time', { due, metAt: before, breachedAt: null }, 'onTime'],
    ['met exactly at its due time', { due, metAt: due, breachedAt: null }, 'onTime'],
    ['met after its due time', { due, metAt: after, breachedAt: after }, 'late'],
    ['met after its due time before the sweep recorded it', { due, metAt: after, breachedAt: null }, 'late'],
    // Breached, then an extension moved the due time, then met before the new one: the breach stays.
    ['met by an extended due time after a breach', { due: '2026-12-01T09:59:59.999Z', metAt: after, breachedAt: before }, 'late'],
    ['breached and still running under an extension', { due: '2026-12-01T09:59:59.999Z', metAt: null, breachedAt: before }, 'late'],
    ['past due, not met, breach not yet recorded', { due, metAt: null, breachedAt: null }, 'late'],
    ['running within its due time', { due: '2026-12-01T09:59:59.999Z', metAt: null, breachedAt: null }, 'running'],
  ] as const)('%s: %s', (_, clock, outcome) => {
    expect(clockOutcome(clock, now)).toBe(outcome);
  });

  it('rates each clock over the decided ones, running clocks left out, none decided is null', () => {
    const rates = onTimeRates(
      [
        { clock: 'acknowledge', due, metAt: before, breachedAt: null },
        { clock: 'acknowledge', due, metAt: before, breachedAt: null },
        { clock: 'acknowledge', due, metAt: null, breachedAt: null },
        { clock: 'feedback', due: '2026-12-01T09:59:59.999Z', metAt: null, breachedAt: null },
        { clock: 'resolve', due: '2026-12-01T09:59:59.999Z', metAt: after, breachedAt: before },
      ],
      now,
    );
    expect(rates).toEqual({
      acknowledge: { onTime: 2, late: 1, rate: 2 / 3 },
      feedback: { onTime: 0, late: 0, rate: null },
      resolve: { onTime: 0, late: 1, rate: 0 },
    });
  });
});
