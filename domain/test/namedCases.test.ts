import { describe, expect, it } from 'vitest';
import type { CaseEventData } from '../cases/events.ts';
import { namedCases } from '../cases/namedCases.ts';
import { registeredData as registered } from './caseEventFixtures.ts';

let clock = 0;
function ev(h: string, parents: string[], data: CaseEventData, hlc?: string) {
  clock++;
  return { ...data, id: `id-${h}`, hash: h, parents, hlc: hlc ?? String(clock).padStart(6, '0') };
}

const first = { id: '1', name: '一院' };
const second = { id: '2', name: '二院' };
const third = { id: '3', name: '三院' };
const link = (caseId: string, number: string): CaseEventData => ({ type: 'linked', payload: { caseId, number } });
const transfer = (from: typeof first, to: typeof first): CaseEventData => ({
  type: 'transferred',
  payload: { from, to, reason: '属地处理' },
});

describe('the other cases a case’s history names', () => {
  it('names none on a case that names none, and each once, with no site on a case never transferred', () => {
    expect(namedCases([ev('r0', [], registered)])).toEqual([]);
    const events = [
      ev('r1', [], registered),
      ev('l1', ['r1'], link('y', 'A-0002')),
      ev('d1', ['l1'], { type: 'duplicateMerged', payload: { caseId: 'z', number: 'A-0003' } }),
      ev('l1b', ['d1'], link('y', 'A-0002')),
    ];
    expect(namedCases(events)).toEqual([
      { id: 'y', number: 'A-0002', relation: 'linked', site: null },
      { id: 'z', number: 'A-0003', relation: 'duplicate', site: null },
    ]);
  });

  it('places each naming at the site that held the case as the event saw it', () => {
    const events = [
      ev('r2', [], registered),
      ev('l2', ['r2'], link('y', 'A-0002')),
      ev('t2', ['l2'], transfer(first, second)),
      ev('l3', ['t2'], link('w', 'B-0009')),
      ev('t3', ['l3'], transfer(second, third)),
      ev('m3', ['t3'], { type: 'merged', payload: { intoId: 'v', intoNumber: 'C-0001', reason: '重复' } }),
    ];
    expect(namedCases(events).map((n) => [n.id, n.relation, n.site?.name])).toEqual([
      ['y', 'linked', '一院'],
      ['w', 'linked', '二院'],
      ['v', 'mergedInto', '三院'],
    ]);
  });

  it('keeps a link the sending site made without seeing the transfer at the sending site, though folded after it', () => {
    const events = [
      ev('r4', [], registered, '000001'),
      ev('t4', ['r4'], transfer(first, second), '100000'),
      // Recorded at 一院 offline, on the head before the transfer, with a later clock.
      ev('l4', ['r4'], link('y', 'A-0002'), '100001'),
      ev('l5', ['t4', 'l4'], link('w', 'B-0009'), '100002'),
    ];
    expect(namedCases(events).map((n) => [n.id, n.site?.name])).toEqual([
      ['y', '一院'],
      ['w', '二院'],
    ]);
  });
});
