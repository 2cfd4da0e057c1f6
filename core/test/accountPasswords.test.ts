import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffPassword } from './staff.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openTestDesk>>;
beforeAll(async () => {
  desk = await openTestDesk();
});
afterAll(() => desk.close());

describe('a new account', () => {
  it('may not have a password containing its login name, at setup as for every later account; nothing written', async () => {
    const before = rowCounts(desk.dataDir);
    const answer = await desk.raw(
      'setup.init',
      { orgName: '市第一人民医院', profile: 'hospital', admin: { username: 'wangli', password: 'Wangli-2026', displayName: '王丽' } },
      { locale: 'zh-CN' },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'admin.password': '密码不能包含登录名' } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
    expect(await desk.call('setup.status', {})).toMatchObject({ initialized: false });

    await desk.setupAndLogin();
    const created = await desk.raw(
      'users.create',
      { username: 'wangli', password: 'Wangli-2026', displayName: '王丽', roles: ['receptionist'] },
      { locale: 'zh-CN' },
    );
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { password: '密码不能包含登录名' } } });
  });

  it('asks for a role when none is chosen, in words', async () => {
    const answer = await desk.raw(
      'users.create',
      { username: 'zhaomin', password: staffPassword, displayName: '赵敏', roles: [] },
      { locale: 'zh-CN' },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { roles: '请至少选择一项' } } });
  });
});
