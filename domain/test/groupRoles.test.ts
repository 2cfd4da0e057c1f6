import { describe, expect, it } from 'vitest';
import { consoleMethods } from '../console/consoleApi.ts';
import { isSilent, silentAfterMs } from '../console/deskHealth.ts';
import { caseReaders, consoleMethodRules, groupRoles, mayCallConsole, reportReaders } from '../console/groupRoles.ts';

const methods = Object.keys(consoleMethods) as (keyof typeof consoleMethods)[];

describe('the group roles', () => {
  it('give every console method a rule, and only the session-less ones are public', () => {
    expect(Object.keys(consoleMethodRules).sort()).toEqual([...methods].sort());
    for (const m of methods) expect(consoleMethodRules[m] === 'public', m).toBe(!consoleMethods[m].session);
  });

  it('let nobody signed out past sign-in and setup', () => {
    expect(methods.filter((m) => mayCallConsole(null, m)).sort()).toEqual(['auth.login', 'setup.init', 'setup.status']);
  });

  it('keep sites, desks, codes, accounts and the audit log to group administrators', () => {
    const adminOnly = methods.filter((m) => /^(sites|desks|accounts|audit)\./.test(m));
    expect(adminOnly.length).toBeGreaterThan(10);
    for (const m of adminOnly) {
      expect(mayCallConsole('group_admin', m), m).toBe(true);
      expect(mayCallConsole('group_supervisor', m), m).toBe(false);
      expect(mayCallConsole('group_viewer', m), m).toBe(false);
    }
  });

  it('let a viewer call only reports and its own session', () => {
    for (const m of methods.filter((m) => mayCallConsole('group_viewer', m))) expect(m, m).toMatch(/^(reports\.|auth\.|setup\.)/);
  });

  it('let every role read reports, and only administrators and supervisors read cases', () => {
    expect([...reportReaders].sort()).toEqual([...groupRoles].sort());
    expect(caseReaders).not.toContain('group_viewer');
  });

  it('let every role sign out and see itself', () => {
    for (const role of groupRoles) {
      expect(mayCallConsole(role, 'auth.me')).toBe(true);
      expect(mayCallConsole(role, 'auth.logout')).toBe(true);
    }
  });
});

describe('a silent desk', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('is one not heard from for more than a day, counted from enrolment before its first request', () => {
    expect(isSilent({ enrolledAt: ago(3 * silentAfterMs), lastSeenAt: ago(silentAfterMs - 1000), revokedAt: null }, now)).toBe(false);
    expect(isSilent({ enrolledAt: ago(3 * silentAfterMs), lastSeenAt: ago(silentAfterMs + 1000), revokedAt: null }, now)).toBe(true);
    expect(isSilent({ enrolledAt: ago(1000), lastSeenAt: null, revokedAt: null }, now)).toBe(false);
    expect(isSilent({ enrolledAt: ago(2 * silentAfterMs), lastSeenAt: null, revokedAt: null }, now)).toBe(true);
  });

  it('is never a revoked one', () => {
    expect(isSilent({ enrolledAt: ago(9 * silentAfterMs), lastSeenAt: null, revokedAt: ago(silentAfterMs) }, now)).toBe(false);
  });
});
