import { describe, expect, it } from 'vitest';
import { createSetupToken } from '../../core/http/requestGuard.ts';
import { createConsoleDispatcher } from '../console/consoleDispatcher.ts';
import { consoleHandlers } from '../console/consoleHandlers.ts';
import { dialects, rowCount, serverPerSuite } from './serverHarness.ts';

const password = 'Group office 2026!';
const year2027 = JSON.stringify({ holidays: ['2027-01-01', '2027-02-10'], makeUpDays: ['2027-02-07'] });

/** The console's rules methods through its dispatcher: a group administrator's, refused to a viewer, bad input at its field. */
describe.each(dialects)('the console’s rules methods on %s', (dialect) => {
  const s = serverPerSuite(dialect, ['甲院']);
  const console = () => {
    const dispatch = createConsoleDispatcher(
      s.store.db,
      consoleHandlers({ db: s.store.db, dialect: s.store.dialect, now: () => new Date(), log: () => {}, setupToken: createSetupToken() }),
      () => new Date(),
      () => {},
    );
    return (method: string, input: unknown, token?: string, locale = 'zh-CN') =>
      dispatch(method, input, { token, locale, source: '127.0.0.1', setupToken: method === 'setup.init' });
  };
  const signIn = async (call: ReturnType<typeof console>, username: string) => {
    const login = await call('auth.login', { username, password });
    if (!login.ok) throw new Error(JSON.stringify(login.error));
    return (login.data as { token: string }).token;
  };

  it('previews a holiday file, imports it after, lists it, and refuses a viewer and bad input', async () => {
    const call = console();
    expect(await call('setup.init', { groupName: '集团', admin: { username: 'zhang', password, displayName: '张主任' } })).toMatchObject({
      ok: true,
    });
    const admin = await signIn(call, 'zhang');
    const viewerAccount = { username: 'lisi', displayName: '李四', role: 'group_viewer', password };
    expect(await call('accounts.create', viewerAccount, admin)).toMatchObject({ ok: true });
    const viewer = await signIn(call, 'lisi');

    const preview = await call('rules.calendar.preview', { content: year2027 }, admin);
    expect(preview).toMatchObject({ ok: true, data: { years: [{ year: 2027, holidays: 2, makeUpDays: 1, replaced: false }], sites: 1 } });
    // Previewing writes nothing.
    expect(await call('rules.calendar.get', {}, admin)).toMatchObject({ ok: true, data: { years: [] } });
    const bad = await call('rules.calendar.import', { content: JSON.stringify({ holidays: ['2027-02-30'] }) }, admin, 'en');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { content: expect.stringContaining('2027-02-30') } } });
    const denied = await call('rules.calendar.import', { content: year2027 }, viewer);
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('rules.calendar.import', { content: year2027 }, admin)).toMatchObject({ ok: true, data: { sites: 1 } });
    const got = await call('rules.calendar.get', {}, admin);
    expect(got).toMatchObject({ ok: true, data: { years: [{ year: 2027, makeUpDays: [{ date: '2027-02-07' }] }] } });

    const created = await call('rules.categories.create', { name: '医保政策' }, admin);
    expect(created).toMatchObject({ ok: true });
    const twice = await call('rules.categories.create', { name: '医保政策' }, admin, 'en');
    expect(twice).toMatchObject({ ok: false, error: { fields: { name: expect.stringContaining('医保政策') } } });
    const tooDeep = await call('rules.categories.create', { name: 'x', parentId: 'nope' }, admin);
    expect(tooDeep).toMatchObject({ ok: false, error: { fields: { parentId: expect.stringContaining('集团') } } });
    const policy = { profile: 'hospital', type: 'complaint', severity: 'general' };
    const clocks = { acknowledge: { unit: 'workingDays', amount: 1 }, resolve: { unit: 'workingDays', amount: 10 } };
    const shorter = await call(
      'rules.policies.set',
      { ...policy, ...clocks, feedback: { unit: 'workingDays', amount: 5, severalDepartments: 3 } },
      admin,
    );
    expect(shorter).toMatchObject({ ok: false, error: { fields: { 'feedback.severalDepartments': expect.any(String) } } });
    const unknownProfile = await call(
      'rules.policies.set',
      { ...policy, profile: 'school', ...clocks, feedback: clocks.acknowledge },
      admin,
    );
    expect(unknownProfile).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { profile: expect.any(String) } } });
    expect(await call('rules.policies.set', { ...policy, ...clocks, feedback: { unit: 'workingDays', amount: 3 } }, admin)).toMatchObject({
      ok: true,
    });
    expect(await call('rules.policies.list', {}, admin)).toMatchObject({
      ok: true,
      data: { items: [{ ...policy, policy: { feedback: { amount: 3 } } }] },
    });
    expect(await call('rules.policies.list', {}, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const audit = await s.store.db.selectFrom('group_audit').select(['action', 'actor_name']).where('action', 'like', 'rules.%').execute();
    expect(audit.map((e) => e.action).sort()).toEqual(['rules.calendar.import', 'rules.categories.create', 'rules.policies.set']);
    expect(audit.every((e) => e.actor_name === 'zhang')).toBe(true);
    // The viewer's refusals are in the group audit log too.
    expect(await rowCount(s.store, 'group_audit')).toBeGreaterThan(audit.length);
  });
});
