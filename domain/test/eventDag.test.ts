import { describe, expect, it } from 'vitest';
import { causalOrder, headsOf, logFault, madeConcurrently } from '../cases/eventDag.ts';
import type { CaseEventData } from '../cases/events.ts';
import { projectCase } from '../cases/projection.ts';
import { registeredData as registered } from './caseEventFixtures.ts';

let clock = 0;
/** An event named by its hash `h`, seeing `parents`, at the next clock unless told. */
function ev(h: string, parents: string[], data: CaseEventData, hlc?: string) {
  clock++;
  return { ...data, id: `id-${h}`, hash: h, parents, hlc: hlc ?? String(clock).padStart(6, '0'), seq: 0, form: 'dag' as const };
}

/** A case in awaiting approval on one desk; then desks A and B act without seeing each other. */
function forked(a: CaseEventData, b: CaseEventData, aFirst: boolean) {
  const base = [
    ev('r', [], registered),
    ev('acc', ['r'], { type: 'accepted', payload: { departmentId: 'd', coDepartmentIds: [] } }),
    ev('inv', ['acc'], { type: 'investigationStarted', payload: { handlerId: 'h' } }),
    ev('pro', ['inv'], { type: 'proposed', payload: { text: 't', finding: 'valid' } }),
  ];
  const ea = ev('a', ['pro'], a, aFirst ? '100000' : '100002');
  const eb = ev('b', ['pro'], b, aFirst ? '100001' : '100000');
  return { base, ea, eb };
}

const shuffles = <T>(items: T[]): T[][] =>
  items.length <= 1 ? [items] : items.flatMap((x, i) => shuffles(items.filter((_, j) => j !== i)).map((rest) => [x, ...rest]));

describe('the event DAG of a case', () => {
  it('orders events the same way whatever order they arrived in: causes first, then the clock', () => {
    const { base, ea, eb } = forked({ type: 'noted', payload: { text: 'x' } }, { type: 'noted', payload: { text: 'y' } }, false);
    const after = ev('m', ['a', 'b'], { type: 'noted', payload: { text: 'z' } });
    const expected = [...base, eb, ea, after].map((e) => e.hash);
    for (const arrival of shuffles([...base.slice(1), ea, eb, after])) {
      expect(causalOrder([base[0] as (typeof base)[0], ...arrival]).map((e) => e.hash)).toEqual(expected);
    }
    expect(headsOf([...base, ea, eb])).toEqual(['a', 'b']);
    expect(headsOf([...base, ea, eb, after])).toEqual(['m']);
  });

  it('names the events made without seeing one folded before them, and only those', () => {
    const { base, ea, eb } = forked({ type: 'noted', payload: { text: 'x' } }, { type: 'noted', payload: { text: 'y' } }, true);
    const merge = ev('m', ['a', 'b'], { type: 'noted', payload: { text: 'z' } });
    expect([...madeConcurrently(causalOrder([...base, ea, eb, merge]))]).toEqual(['id-b']);
    expect(madeConcurrently(base).size).toBe(0);
  });

  it('keeps a second approval and a send-back against an approval as conflicts, applied nowhere, the same on every order', () => {
    const approve: CaseEventData = { type: 'approved', payload: { comment: 'ok' } };
    const sendBack: CaseEventData = { type: 'sentBack', payload: { reason: 'no' } };
    for (const aFirst of [true, false]) {
      const twice = forked(approve, approve, aFirst);
      const state = projectCase([...twice.base, twice.eb, twice.ea]);
      expect(state.proposalState).toBe('approved');
      expect(state.conflictIds).toEqual([aFirst ? 'id-b' : 'id-a']);
    }
    const { base, ea, eb } = forked(approve, sendBack, true);
    for (const order of [
      [...base, ea, eb],
      [...base, eb, ea],
    ]) {
      const state = projectCase(order);
      expect(state.status).toBe('awaiting_approval');
      expect(state.conflictIds).toEqual(['id-b']);
    }
  });

  it('never sets facts aside: two notes made apart both count', () => {
    const { base, ea, eb } = forked(
      { type: 'noted', payload: { text: 'x' } },
      { type: 'contacted', payload: { contactedAt: 'a', method: 'phone', person: 'p', summary: 's' } },
      true,
    );
    expect(projectCase([...base, ea, eb]).conflictIds).toEqual([]);
  });

  it('finds what is wrong with a stored log by place', () => {
    const log = [
      ev('r', [], registered),
      ev('x', ['r'], { type: 'noted', payload: { text: 'x' } }),
      ev('y', ['x'], { type: 'noted', payload: { text: 'y' } }),
    ].map((e, i) => ({ ...e, seq: i + 1 }));
    expect(logFault(log, { heads: ['y'], count: 3 })).toBeNull();
    // Edited: event 2 hashes to something nothing names.
    const edited = log.map((e) => (e.seq === 2 ? { ...e, hash: 'x2' } : e));
    expect(logFault(edited, { heads: ['y'], count: 3 })).toEqual({ seq: 2, problem: 'hash' });
    // Removed at the end or in the middle.
    expect(logFault(log.slice(0, 2), { heads: ['y'], count: 3 })).toEqual({ seq: 3, problem: 'sequence' });
    expect(logFault([log[0], log[2]] as typeof log, { heads: ['y'], count: 3 })).toEqual({ seq: 2, problem: 'sequence' });
    // A parent that is not in the log.
    expect(logFault([log[0], { ...log[1], parents: ['q'] }] as typeof log, { heads: ['x'], count: 2 })).toEqual({
      seq: 1,
      problem: 'hash',
    });
    // The case's recorded heads disagree.
    expect(logFault(log, { heads: ['x'], count: 3 })).toEqual({ seq: 3, problem: 'hash' });
    expect(
      logFault([...log, { ...ev('z', ['x'], { type: 'noted', payload: { text: 'z' } }), seq: 4 }], { heads: ['y'], count: 4 }),
    ).toEqual({
      seq: 4,
      problem: 'hash',
    });
  });
});
