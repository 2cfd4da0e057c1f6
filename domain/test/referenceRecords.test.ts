import { describe, expect, it } from 'vitest';
import { decodeHlc } from '../cases/hlc.ts';
import { applyEvent } from '../cases/projection.ts';
import {
  canonicalEvent,
  canonicalState,
  noAliases,
  referenceKey,
  referenceRowSchemas,
  sameName,
  samePerson,
  stampOf,
} from '../sync/referenceRecords.ts';
import { registeredData } from './caseEventFixtures.ts';

const accepted = () => {
  const registered = applyEvent(null, registeredData);
  return applyEvent(registered, {
    type: 'accepted',
    payload: { departmentId: 'dept-local', coDepartmentIds: ['dept-site', 'dept-other'], handlerId: 'user-local' },
  } as Parameters<typeof applyEvent>[1]);
};

describe('reference records', () => {
  it('stamp a change by its wall time, always after the version it changed', () => {
    expect(decodeHlc(stampOf(5000, undefined, 'd'))).toEqual({ wallMs: 5000, counter: 0 });
    expect(decodeHlc(stampOf(5000, stampOf(3000, undefined, 'x'), 'd'))).toEqual({ wallMs: 5000, counter: 0 });
    // The version came from a desk whose clock runs ahead: the edit of it still wins.
    const ahead = stampOf(9000, undefined, 'x');
    const edit = stampOf(5000, ahead, 'd');
    expect(edit > ahead).toBe(true);
    expect(decodeHlc(edit)).toEqual({ wallMs: 9000, counter: 1 });
  });

  it('take two names as one despite spaces, and two accounts as one person only with the same name and hash', () => {
    expect(sameName(' 门诊部', '门诊部\u3000')).toBe(true);
    expect(sameName('门诊部', '门诊一部')).toBe(false);
    expect(samePerson({ display_name: '赵医生', password_hash: 'h1' }, { display_name: '赵医生', password_hash: 'h1' })).toBe(true);
    expect(samePerson({ display_name: '赵医生', password_hash: 'h1' }, { display_name: '赵医生', password_hash: 'h2' })).toBe(false);
    expect(samePerson({ display_name: '赵医生', password_hash: 'h1' }, { display_name: '赵大夫', password_hash: 'h1' })).toBe(false);
  });

  it('key each kind by its meaning and refuse a row with columns it does not have', () => {
    expect(referenceKey('policy', { type: 'complaint', severity: 'major' })).toBe('complaint|major');
    expect(referenceKey('localDay', { date: '2026-12-24' })).toBe('2026-12-24');
    expect(referenceKey('alias', { kind: 'department', local_id: 'x' })).toBe('department:x');
    expect(referenceRowSchemas.calendarDay.safeParse({ date: '2026-10-01', kind: 'holiday', name: '国庆节' }).success).toBe(true);
    expect(referenceRowSchemas.calendarDay.safeParse({ date: '2026-10-01', kind: 'holiday', name: null, extra: 1 }).success).toBe(false);
  });

  it('fold the ids a case names into the site’s records, leaving the rest as they are', () => {
    const state = accepted();
    expect(canonicalState(state, noAliases)).toBe(state);
    const aliases = {
      department: new Map([['dept-local', 'dept-site']]),
      category: new Map<string, string>(),
      user: new Map([['user-local', 'user-site']]),
    };
    const shown = canonicalState(state, aliases);
    expect(shown).toMatchObject({ departmentId: 'dept-site', handlerId: 'user-site', coDepartmentIds: ['dept-other'] });
    expect(state.departmentId).toBe('dept-local');
    const event = { type: 'accepted', payload: { departmentId: 'dept-local', coDepartmentIds: ['dept-local'], text: 'dept-local' } };
    expect(canonicalEvent(event, aliases).payload).toEqual({
      departmentId: 'dept-site',
      coDepartmentIds: ['dept-site'],
      text: 'dept-local',
    });
    expect(event.payload.departmentId).toBe('dept-local');
  });
});
