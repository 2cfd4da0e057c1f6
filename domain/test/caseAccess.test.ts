import { describe, expect, it } from 'vitest';
import { type Actor, type CaseFacts, complainantViewOf, mayActOnCase, mayRevealPersonalData, mayViewCase } from '../access/caseAccess.ts';
import { afterFailedLogin, isShutOut, loginPolicy, noLoginAttempts } from '../access/loginPolicy.ts';
import { maskIdNumber, maskPhone } from '../access/masking.ts';
import { passwordWeakness } from '../access/passwordStrength.ts';

const receptionist: Actor = { id: 'u-rec', roles: ['receptionist'], departmentIds: [] };
const supervisor: Actor = { id: 'u-sup', roles: ['supervisor'], departmentIds: [] };
const director: Actor = { id: 'u-dir', roles: ['director'], departmentIds: [] };
const nurse: Actor = { id: 'u-nurse', roles: ['handler'], departmentIds: ['d-outpatient'] };
const pharmacist: Actor = { id: 'u-pharm', roles: ['handler'], departmentIds: ['d-pharmacy'] };
const admin: Actor = { id: 'u-admin', roles: ['admin'], departmentIds: [] };

const outpatientCase: CaseFacts = {
  respondentUserId: null,
  departmentId: 'd-outpatient',
  coDepartmentIds: ['d-lab'],
  handlerId: null,
  confidential: false,
};

describe('who sees a case', () => {
  it('lets the desk, supervisors and directors see every case', () => {
    for (const actor of [receptionist, supervisor, director]) expect(mayViewCase(actor, outpatientCase)).toEqual({ ok: true });
  });

  it('lets department staff see their lead and co-department cases and those assigned to them, nothing else', () => {
    expect(mayViewCase(nurse, outpatientCase).ok).toBe(true);
    expect(mayViewCase(pharmacist, outpatientCase)).toEqual({ ok: false, reason: 'notYourDepartment' });
    expect(mayViewCase({ ...pharmacist, departmentIds: ['d-lab'] }, outpatientCase).ok).toBe(true);
    expect(mayViewCase(pharmacist, { ...outpatientCase, handlerId: pharmacist.id }).ok).toBe(true);
    expect(mayViewCase(nurse, { ...outpatientCase, departmentId: null, coDepartmentIds: [] }).ok).toBe(false);
  });

  it('keeps an administrator out of case files', () => {
    expect(mayViewCase(admin, outpatientCase).ok).toBe(false);
  });

  it('hides a case from the person it complains about, whatever their roles (回避)', () => {
    const accused = { ...outpatientCase, respondentUserId: nurse.id };
    expect(mayViewCase(nurse, accused)).toEqual({ ok: false, reason: 'recused' });
    const accusedSupervisor = { ...outpatientCase, respondentUserId: supervisor.id };
    expect(mayViewCase(supervisor, accusedSupervisor)).toEqual({ ok: false, reason: 'recused' });
    expect(mayActOnCase(supervisor, accusedSupervisor, 'accept')).toEqual({ ok: false, reason: 'recused' });
    expect(mayViewCase(receptionist, accusedSupervisor).ok).toBe(true);
  });
});

describe('who acts on a case', () => {
  it('follows the action roles', () => {
    expect(mayActOnCase(receptionist, outpatientCase, 'accept').ok).toBe(true);
    expect(mayActOnCase(receptionist, outpatientCase, 'approve')).toEqual({ ok: false, reason: 'roleMayNot' });
    expect(mayActOnCase(director, outpatientCase, 'approve').ok).toBe(true);
    expect(mayActOnCase(nurse, outpatientCase, 'propose').ok).toBe(true);
    expect(mayActOnCase(pharmacist, outpatientCase, 'propose')).toEqual({ ok: false, reason: 'notYourDepartment' });
    expect(mayActOnCase(nurse, outpatientCase, 'decline')).toEqual({ ok: false, reason: 'roleMayNot' });
  });

  it('keeps department staff to their own departments, unless another role grants the action', () => {
    const other = { ...outpatientCase, departmentId: 'd-pharmacy', coDepartmentIds: [] };
    expect(mayViewCase({ ...nurse, roles: ['handler', 'receptionist'] }, other).ok).toBe(true);
    expect(mayActOnCase({ ...nurse, roles: ['handler', 'supervisor'] }, other, 'accept').ok).toBe(true);
  });
});

describe('what of the complainant is shown', () => {
  it('shows the desk and supervisors full numbers, masks them for others', () => {
    expect(complainantViewOf(receptionist, outpatientCase)).toBe('full');
    expect(complainantViewOf(supervisor, outpatientCase)).toBe('full');
    expect(complainantViewOf(nurse, outpatientCase)).toBe('masked');
    expect(complainantViewOf(director, outpatientCase)).toBe('masked');
  });

  it('hides a confidential complainant from the department, not from the desk', () => {
    const confidential = { ...outpatientCase, confidential: true };
    expect(complainantViewOf(nurse, confidential)).toBe('hidden');
    expect(complainantViewOf(receptionist, confidential)).toBe('full');
    expect(complainantViewOf(director, confidential)).toBe('masked');
    expect(mayRevealPersonalData(nurse, confidential).ok).toBe(false);
    expect(mayRevealPersonalData(nurse, outpatientCase).ok).toBe(true);
    expect(mayRevealPersonalData(pharmacist, outpatientCase).ok).toBe(false);
  });
});

describe('masks', () => {
  it('masks a mobile as 138****5678 and an ID number keeping its ends', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskPhone('0755-8888 1234')).toBe('075*****1234');
    expect(maskPhone('22345678')).toBe('22****78');
    expect(maskPhone('123')).toBe('**3');
    expect(maskPhone('')).toBe('');
  });
});

describe('passwords and sign-in', () => {
  it('refuses short, common, one-kind and name-bearing passwords', () => {
    expect(passwordWeakness('abc12')).toBe('tooShort');
    expect(passwordWeakness('12345678')).toBe('common');
    expect(passwordWeakness('Password1')).toBe('common');
    expect(passwordWeakness('abcdefghij')).toBe('oneKind');
    expect(passwordWeakness('1111aaaa')).toBe('common');
    expect(passwordWeakness('zhangli-2026', 'zhangli')).toBe('containsUsername');
    expect(passwordWeakness('correct horse 1')).toBeNull();
    expect(passwordWeakness('desk-pass-2026')).toBeNull();
    expect(passwordWeakness('投诉受理台2026')).toBeNull();
  });

  it('shuts a place out of a name after several wrong passwords in a row, each time for longer, up to a day', () => {
    const at = (iso: string) => Date.parse(iso);
    const fail = (from: typeof noLoginAttempts, times: number, nowMs: number) => {
      let attempts = from;
      for (let i = 0; i < times; i++) attempts = afterFailedLogin(attempts, nowMs);
      return attempts;
    };
    const four = fail(noLoginAttempts, loginPolicy.maxFailedLogins - 1, at('2026-11-02T01:00:00Z'));
    expect(isShutOut(four, at('2026-11-02T01:00:00Z'))).toBe(false);
    const first = afterFailedLogin(four, at('2026-11-02T01:00:00Z'));
    expect(new Date(first.lockedUntil ?? 0).toISOString()).toBe('2026-11-02T01:15:00.000Z');
    expect(isShutOut(first, at('2026-11-02T01:14:59Z'))).toBe(true);
    expect(isShutOut(first, at('2026-11-02T01:15:00Z'))).toBe(false);
    // Once it has run out the count starts again, and the next shut-out lasts twice as long.
    const second = fail(first, loginPolicy.maxFailedLogins, at('2026-11-02T02:00:00Z'));
    expect(new Date(second.lockedUntil ?? 0).toISOString()).toBe('2026-11-02T02:30:00.000Z');
    let attempts = second;
    for (let i = 0; i < 20; i++) attempts = fail(attempts, loginPolicy.maxFailedLogins, at('2026-12-01T00:00:00Z'));
    expect((attempts.lockedUntil ?? 0) - at('2026-12-01T00:00:00Z')).toBe(24 * 3_600_000);
    expect(isShutOut(noLoginAttempts, at('2026-11-02T01:00:00Z'))).toBe(false);
  });
});
