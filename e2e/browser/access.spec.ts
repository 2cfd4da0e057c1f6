import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { password, type Staff, staff, staffHospital, tokenOf } from '../staff.ts';

/**
 * One browser shared by a receptionist, a handler and a supervisor: each sees what the
 * permission matrix gives their role (full or masked numbers, the reveal button, the register
 * page, administration), the idle lock engages and keeps a half-filled form for the same user,
 * and another user signing in at the lock screen takes over. The administrator's pages are
 * photographed on the way.
 */
const phone = '13912345678';

let host: Awaited<ReturnType<typeof startOwnHost>>;
let caseId = '';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  const { outpatientId } = await staffHospital(host.url);
  const rec = { token: await tokenOf(host.url, 'rec') };
  const registered = await api<{ id: string }>(
    host.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '陈建国', phone },
      subject: '候诊时间过长',
      content: '今天上午在内科候诊两个多小时，叫号系统显示混乱。',
    },
    rec.token,
  );
  caseId = registered.id;
  await api(host.url, 'cases.act', { id: caseId, action: { type: 'accept', departmentId: outpatientId } }, rec.token);
  await api(host.url, 'auth.logout', {}, rec.token);
});

test.afterAll(() => host?.stop());

async function takeOverAtLockScreen(page: Page, who: Staff) {
  const lock = page.getByTestId('lock-screen');
  await lock.getByLabel('登录名').fill(staff[who].username);
  await lock.getByLabel(/^密码/).fill(password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByText(`当前用户：${staff[who].displayName}`)).toBeVisible();
}

async function openCase(page: Page) {
  await page.goto(`${host.url}#/cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toBeVisible();
}

test('administrator pages, then three people take turns on one browser', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await signIn(page, 'admin');

  // The administrator: every settings page, photographed; the idle lock set short for this test.
  await page.getByRole('link', { name: '机构与受理台' }).click();
  await expect(page.getByLabel('机构名称')).toHaveValue('市第一人民医院');
  await page.getByLabel('受理台电话（印在回执上）').fill('0755-8888 1234');
  await page.getByLabel('无操作自动锁屏（分钟）').fill('0.2');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await shot(page, 'access-01-admin-settings');

  await page.getByRole('link', { name: '部门', exact: true }).click();
  await page.getByLabel('新部门名称').fill('体检中心');
  await page.getByRole('button', { name: '添加部门' }).click();
  await expect(page.getByRole('cell', { name: '体检中心' })).toBeVisible();
  await shot(page, 'access-02-admin-departments');

  await page.getByRole('link', { name: '投诉类别' }).click();
  await page.getByLabel('新类别名称').fill('排队候诊');
  await page.getByRole('combobox', { name: '上级类别' }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: '添加类别' }).click();
  await expect(page.getByText('└ 排队候诊')).toBeVisible();
  await shot(page, 'access-03-admin-categories');

  await page.getByRole('link', { name: '用户与角色' }).click();
  await expect(page.getByRole('cell', { name: staff.han.displayName })).toBeVisible();
  await shot(page, 'access-04-admin-users');

  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await shot(page, 'access-05-admin-audit');
  await page.getByRole('button', { name: '退出登录' }).click();

  // The receptionist: full numbers, the register page, no administration.
  await signIn(page, 'rec');
  await expect(page.getByRole('link', { name: '审计日志' })).toHaveCount(0);
  await openCase(page);
  await expect(page.getByTestId('complainant-phone')).toHaveText(phone);
  await expect(page.getByRole('button', { name: '显示完整号码' })).toHaveCount(0);
  await shot(page, 'access-06-receptionist-case');

  // A half-filled registration survives the idle lock and the same user's unlock.
  await page.getByRole('link', { name: '登记', exact: true }).click();
  await page.getByLabel('姓名').fill('刘芳');
  await page.getByLabel('事由').fill('收费窗口多收挂号费');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('事由')).toBeHidden();
  await expect(page.getByText('收费窗口多收挂号费')).toHaveCount(0);
  await shot(page, 'access-07-idle-locked');
  await lock.getByLabel(/^密码/).fill('wrong-password-1');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText('登录名或密码不正确')).toBeVisible();
  await lock.getByLabel(/^密码/).fill(password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByLabel('姓名')).toHaveValue('刘芳');
  await expect(page.getByLabel('事由')).toHaveValue('收费窗口多收挂号费');

  // Lock now with the shortcut; the handler signs in at the lock screen and takes over.
  await page.keyboard.press('Control+Shift+L');
  await expect(lock).toBeVisible();
  await takeOverAtLockScreen(page, 'han');
  await expect(page.getByRole('link', { name: '登记', exact: true })).toHaveCount(0);
  await openCase(page);
  await expect(page.getByTestId('complainant-phone')).toHaveText('139****5678');
  await shot(page, 'access-08-handler-masked');
  await page.getByRole('button', { name: '显示完整号码' }).click();
  await expect(page.getByTestId('complainant-phone')).toHaveText(phone);

  // Switch user: the supervisor sees full numbers and no administration either.
  await page.getByRole('button', { name: '切换用户' }).click();
  await expect(lock).toBeVisible();
  await takeOverAtLockScreen(page, 'sup');
  await openCase(page);
  await expect(page.getByTestId('complainant-phone')).toHaveText(phone);
  await expect(page.getByRole('link', { name: '用户与角色' })).toHaveCount(0);
  await shot(page, 'access-09-supervisor-case');

  // The reveal left a trace the administrator can find.
  await page.getByRole('button', { name: '切换用户' }).click();
  await takeOverAtLockScreen(page, 'admin');
  await page.getByRole('link', { name: '审计日志' }).click();
  await page.getByRole('combobox', { name: '操作', exact: true }).click();
  await page.getByRole('option', { name: '个人信息（全部）' }).click();
  await expect(page.getByTestId('audit-table').getByText('显示完整号码')).toBeVisible();
  await expect(page.getByTestId('audit-table').getByText(staff.han.displayName).first()).toBeVisible();
  // The case is named by its number, a link to it, and the detail in words, not an id and JSON.
  const revealed = page
    .getByTestId('audit-table')
    .getByRole('row')
    .filter({ hasText: staff.han.displayName })
    .filter({ hasText: '显示完整号码' });
  await expect(revealed.getByRole('link', { name: /^\d{4}-\d{4}$/ })).toHaveAttribute('href', `#/cases/${caseId}`);
  await expect(revealed).toContainText('字段 phone');
  await expect(revealed).not.toContainText(caseId);
  await shot(page, 'access-10-audit-reveal');
});
