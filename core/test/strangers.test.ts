import { afterEach, describe, expect, it, vi } from 'vitest';
import { loginPolicy } from '../../domain/access/loginPolicy.ts';
import { auditBudgetPolicy } from '../audit/auditBudget.ts';
import * as password from '../auth/password.ts';
import { openAccessDesk } from './accessDesk.ts';

/** What a stranger can do with the sign-in: learn nothing of the names, shut nobody else out, flood no log. */

vi.mock('../auth/password.ts', { spy: true });

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.mocked(password.verifyPassword).mockClear();
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

async function desk(now: () => Date = () => new Date()) {
  const d = await openAccessDesk({ now });
  open.push(d);
  return d;
}

const login = (d: Awaited<ReturnType<typeof desk>>, username: string, pw: string, source?: string) =>
  d.raw('auth.login', { username, password: pw }, { locale: 'en', ...(source ? { source } : {}) });

describe('signing in', () => {
  it('does the same scrypt work for a name without an account, a disabled one and a wrong password', async () => {
    const d = await desk();
    const rec = await d.person('reception1', ['receptionist']);
    const gone = await d.person('gone1', ['receptionist']);
    await d.as(d.adminToken, 'users.disable', { id: gone.id });
    for (const [username, pw] of [
      ['nobody-here', 'whatever-1'],
      ['gone1', gone.password],
      ['reception1', 'wrong-password-1'],
      ['reception1', rec.password],
    ] as const) {
      vi.mocked(password.verifyPassword).mockClear();
      await login(d, username, pw);
      const checks = vi.mocked(password.verifyPassword).mock.calls;
      expect(checks, username).toHaveLength(1);
      // Against a hash of the real kind and cost, never a shortcut.
      expect(checks[0]?.[1], username).toMatch(/^scrypt\$16384\$8\$1\$/);
    }
  }, 120_000);

  it('shuts out the place that typed the wrong passwords, not the owner elsewhere, and answers made-up names alike', async () => {
    let now = new Date('2026-11-02T02:00:00Z');
    const d = await desk(() => now);
    const rec = await d.person('reception1', ['receptionist']);
    const answers = async (username: string, source: string) => {
      const out: string[] = [];
      for (let i = 0; i < loginPolicy.maxFailedLogins + 1; i++) {
        const answer = await login(d, username, 'wrong-password-1', source);
        out.push(answer.ok ? 'ok' : answer.error.message);
      }
      return out;
    };
    const known = await answers('reception1', '127.0.0.1');
    expect(known.at(-1)).toContain('15 minutes');
    // A name nobody has gets the very same answers: the shut-out tells nothing about accounts.
    expect(await answers('no-such-user', '127.0.0.1')).toEqual(known);
    // The place is shut out even with the right password ...
    expect((await login(d, 'reception1', rec.password, '127.0.0.1')).ok).toBe(false);
    // ... but the owner at another place, or at the Electron window, signs in.
    expect((await login(d, 'reception1', rec.password, '::1')).ok).toBe(true);
    expect((await login(d, 'reception1', rec.password)).ok).toBe(true);
    const listed = (await d.as(d.adminToken, 'users.list', {})).items.find((u) => u.id === rec.id);
    expect(listed?.lockedUntil).toBe('2026-11-02T02:15:00.000Z');

    // Each further shut-out of the same place lasts longer.
    now = new Date('2026-11-02T02:16:00Z');
    expect((await answers('reception1', '127.0.0.1')).at(-1)).toContain('30 minutes');
    // An administrator's reset lifts every shut-out from the name.
    await d.as(d.adminToken, 'users.resetPassword', { id: rec.id, password: 'fresh-start-7' });
    expect((await login(d, 'reception1', 'fresh-start-7', '127.0.0.1')).ok).toBe(true);
  }, 120_000);

  it('writes a bounded number of audit rows however many wrong passwords a place sends, and counts the rest', async () => {
    let now = new Date('2026-11-02T02:00:00Z');
    const d = await desk(() => now);
    const stranger = () => d.auditRows().filter((r) => r.actor_id === null && r.action.startsWith('auth.'));
    const flood = auditBudgetPolicy.rowsPerWindow + 6;
    for (let i = 0; i < flood; i++) await login(d, `guess-${i}`, 'wrong-password-1', '127.0.0.1');
    const rows = stranger();
    expect(rows.filter((r) => r.action === 'auth.loginFailed')).toHaveLength(auditBudgetPolicy.rowsPerWindow);
    expect(rows.length).toBeLessThanOrEqual(3 * auditBudgetPolicy.rowsPerWindow);
    // Another place has its own budget: its first failure is written.
    await login(d, 'guess-x', 'wrong-password-1', '::1');
    expect(stranger().filter((r) => r.action === 'auth.loginFailed')).toHaveLength(auditBudgetPolicy.rowsPerWindow + 1);

    // When the window is over, the next row comes after one that says how many were left out.
    now = new Date(now.getTime() + auditBudgetPolicy.windowMs);
    await login(d, 'guess-last', 'wrong-password-1', '127.0.0.1');
    const summary = d.auditRows('audit.suppressed').map((r) => JSON.parse(r.detail ?? '{}'));
    expect(summary).toContainEqual(
      expect.objectContaining({ source: '127.0.0.1', action: 'auth.loginFailed', count: flood - auditBudgetPolicy.rowsPerWindow }),
    );
    expect(d.auditRows('auth.loginFailed').at(-1)?.detail).toContain('guess-last');
  }, 120_000);

  it('writes the counts left out when the desk closes', async () => {
    const d = await openAccessDesk();
    for (let i = 0; i < auditBudgetPolicy.rowsPerWindow + 3; i++) await login(d, `guess-${i}`, 'wrong-password-1', '10.0.0.9');
    expect(d.auditRows('audit.suppressed')).toEqual([]);
    await d.close();
    const counts = d.auditRows('audit.suppressed').map((r) => JSON.parse(r.detail ?? '{}'));
    expect(counts).toEqual([expect.objectContaining({ source: '10.0.0.9', action: 'auth.loginFailed', count: 3 })]);
  }, 120_000);
});
