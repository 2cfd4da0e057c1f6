import { describe, expect, it } from 'vitest';
import { canApply } from '../cases/caseMachine.ts';
import { checkAction } from '../cases/caseRules.ts';
import type { CaseEventData } from '../cases/events.ts';
import { projectCase, seenFromSite } from '../cases/projection.ts';
import { registeredData as registered } from './caseEventFixtures.ts';

let clock = 0;
function ev(h: string, parents: string[], data: CaseEventData, hlc?: string) {
  clock++;
  return {
    ...data,
    id: `id-${h}`,
    hash: h,
    parents,
    hlc: hlc ?? String(clock).padStart(6, '0'),
    seq: 0,
    form: 'dag' as const,
    at: '2026-11-03T02:00:00.000Z',
  };
}

const first = { id: '1', name: '一院' };
const second = { id: '2', name: '二院' };
const accepted: CaseEventData = { type: 'accepted', payload: { departmentId: 'outpatient', handlerId: 'han', coDepartmentIds: ['co'] } };
const transfer: CaseEventData = { type: 'transferred', payload: { from: first, to: second, reason: '涉及二院住院部' } };
const supervisor = { id: 'sup', roles: ['supervisor' as const], departmentIds: [] };
const rules = { now: new Date('2026-11-04T00:00:00Z'), reviewWindowDays: 30 };

describe('a transfer to another site of the group (转办)', () => {
  it('leaves the case waiting to be accepted at the receiving site, without the sender’s department and handler', () => {
    const state = projectCase([ev('r', [], registered), ev('acc', ['r'], accepted), ev('t', ['acc'], transfer)]);
    expect(state).toMatchObject({
      status: 'registered',
      departmentId: null,
      coDepartmentIds: [],
      handlerId: null,
      heldBy: second,
      transfer: { from: first, to: second, reason: '涉及二院住院部', at: '2026-11-03T02:00:00.000Z', origin: first },
    });
    // The sending site keeps it, read-only: no act, a refusal naming where it went.
    const there = seenFromSite(state, first.id);
    expect(there.status).toBe('transferred_out');
    expect(checkAction(there, 'note', supervisor, rules)).toEqual({
      code: 'invalid_transition',
      key: 'handling:refusal.transferredOut',
      values: { site: '二院' },
    });
    expect(seenFromSite(state, second.id).status).toBe('registered');
    // A desk outside any group cannot handle a case another site holds either.
    expect(seenFromSite(state, null).status).toBe('transferred_out');
  });

  it('is open while the case is open, for supervisors only', () => {
    expect(canApply('closed', 'transfer')).toBe(false);
    expect(canApply('declined', 'transfer')).toBe(false);
    expect(canApply('investigating', 'transfer')).toBe(true);
    const open = projectCase([ev('r2', [], registered)]);
    expect(checkAction(open, 'transfer', supervisor, rules)).toBeNull();
    expect(checkAction(open, 'transfer', { id: 'rec', roles: ['receptionist'], departmentIds: [] }, rules)).toMatchObject({
      code: 'forbidden',
    });
  });

  it('sets aside an act the sending site made without seeing the transfer, but keeps its facts', () => {
    const base = [ev('r3', [], registered), ev('acc3', ['r3'], accepted)];
    const move = ev('t3', ['acc3'], transfer, '100000');
    const note = ev('n3', ['acc3'], { type: 'noted', payload: { text: '离线备注' } }, '100001');
    const started = ev('s3', ['acc3'], { type: 'investigationStarted', payload: { handlerId: 'han' } }, '100002');
    const after = ev('a3', ['t3', 'n3'], { type: 'accepted', payload: { departmentId: 'ward', coDepartmentIds: [] } }, '100003');
    const state = projectCase([...base, move, note, started, after]);
    expect(state.conflictIds).toEqual(['id-s3']);
    expect(state).toMatchObject({ status: 'accepted', departmentId: 'ward', heldBy: second });
  });
});
