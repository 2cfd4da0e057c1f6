import { describe, expect, it } from 'vitest';
import { repeatedBreaches } from '../deadlines/breachRepeats.ts';

const registered = { id: 'r', hash: 'h-r', parents: [], hlc: '001', type: 'registered', payload: {} };
const breach = (id: string, hlc: string, clock: string, due: string, parents = ['h-r']) => ({
  id,
  hash: `h-${id}`,
  parents,
  hlc,
  type: 'deadlineBreached',
  payload: { clock, due },
});

describe('a breach recorded by two desks', () => {
  it('is one fact: the first in causal order stays, whatever order the desk holds them in', () => {
    const onA = breach('a', '005-deskA', 'acknowledge', '2026-11-24T16:00:00Z');
    const onB = breach('b', '004-deskB', 'acknowledge', '2026-11-24T16:00:00Z');
    expect(repeatedBreaches([registered, onA, onB])).toEqual(new Set(['a']));
    expect(repeatedBreaches([registered, onB, onA])).toEqual(new Set(['a']));
  });

  it('keeps breaches of other clocks or other due times, and a log with one breach as it is', () => {
    const first = breach('a', '005', 'acknowledge', '2026-11-24T16:00:00Z');
    const otherClock = breach('b', '006', 'feedback', '2026-11-24T16:00:00Z');
    const otherDue = breach('c', '007', 'acknowledge', '2026-11-26T16:00:00Z', ['h-a']);
    expect(repeatedBreaches([registered, first, otherClock, otherDue])).toEqual(new Set());
    expect(repeatedBreaches([registered, first])).toEqual(new Set());
  });
});
