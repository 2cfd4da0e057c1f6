import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { addSite, issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { seriousViolations } from '../axe.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * What the group keeps the same everywhere, in Chromium: a group administrator imports next
 * year's holidays at the console (checked and shown before it is confirmed), and the desks of
 * two sites show the group's year at their next sync, marked as the group's, in zh-CN and English.
 */
let server: ServerProcess;
let serverData: string;
let a: Awaited<ReturnType<typeof startOwnHost>>;
let b: Awaited<ReturnType<typeof startOwnHost>>;
const groupPassword = 'Group office 2026!';
const sites = ['市第一人民医院', '市第二人民医院'];

async function consoleCall(method: string, input: unknown, token?: string) {
  const response = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [setupTokenHeader]: process.env.DESK_SETUP_TOKEN ?? '',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data;
}

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-rules-'));
  const admin = await openServerStore({ dataDir: serverData });
  const codes: string[] = [];
  for (const site of sites) {
    await addSite(admin.db, site, new Date());
    codes.push((await issueEnrolmentCode(admin.db, site, new Date())).code);
  }
  await admin.close();
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  await consoleCall('setup.init', {
    groupName: '市医疗集团',
    admin: { username: 'zhang', displayName: '张主任', password: groupPassword },
  });
  [a, b] = await Promise.all([startOwnHost(), startOwnHost()]);
  for (const [i, desk] of [a, b].entries()) {
    await staffHospital(desk.url);
    await api(desk.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: codes[i] }, await tokenOf(desk.url, 'admin'));
  }
});

test.afterAll(async () => {
  a?.stop();
  b?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

async function deskCalendar(page: Page, desk: { url: string }, language: 'zh-CN' | 'en') {
  const words =
    language === 'en'
      ? { menu: 'Deadlines & calendar', year: 'Year', group: 'Group', note: 'imported by the group' }
      : { menu: '时限与日历', year: '年份', group: '集团统一', note: '由集团客服中心为所有单位导入' };
  await signIn(page, 'admin', { url: desk.url, language });
  await page.getByRole('link', { name: words.menu }).click();
  await page.getByRole('combobox', { name: words.year }).click();
  await page.getByRole('option', { name: '2027' }).click();
  await expect(page.getByTestId('calendar-group-note')).toContainText(words.note);
  await expect(page.getByText(words.group, { exact: true })).toBeVisible();
}

test('next year’s calendar imported at the console reaches the desks of both sites at their next sync', async ({ browser }) => {
  test.setTimeout(150_000);
  const file = path.join(serverData, 'holidays-2027.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      holidays: { '2027-01-01': "New Year's Day,元旦,1", '2027-02-06': 'Spring Festival,春节,3', '2027-02-07': 'Spring Festival,春节,3' },
      workdays: { '2027-02-13': 'Spring Festival,春节,3' },
    }),
  );
  const group = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await group.goto(server.url);
  await group.getByRole('textbox', { name: '用户名' }).fill('zhang');
  await group.getByRole('textbox', { name: '密码' }).fill(groupPassword);
  await group.keyboard.press('Enter');
  await group.getByRole('link', { name: '统一规则' }).click();
  await group.locator('input[type=file]').setInputFiles(file);
  await group.getByRole('button', { name: '检查文件' }).click();
  await expect(group.getByTestId('calendar-preview')).toContainText('2027 年：节假日 3 天，调休上班日 1 天');
  await expect(group.getByTestId('calendar-preview')).toContainText('下发到 2 个院区');
  await shot(group, 'rules-01-console-preview');
  const violations: string[] = [];
  await group.mouse.move(0, 700);
  violations.push(...(await seriousViolations(group, 'rules-preview')));
  await group.getByRole('button', { name: '确认导入到所有院区' }).click();
  await expect(group.getByTestId('calendar-imported')).toContainText('2 个院区');
  await expect(group.getByTestId('empty-state')).toBeHidden();
  await shot(group, 'rules-02-console-imported');

  // A category of the group, added in the console's tree editor (the desk's own).
  await group.getByRole('tab', { name: '投诉类别' }).click();
  await group.getByRole('textbox', { name: '新类别名称' }).fill('医保政策');
  await group.getByRole('button', { name: '添加类别' }).click();
  await expect(group.getByRole('cell', { name: '医保政策' })).toBeVisible();
  await shot(group, 'rules-02b-console-category');
  await group.mouse.move(0, 700);
  violations.push(...(await seriousViolations(group, 'rules-categories')));
  await group.getByRole('tab', { name: '办理时限' }).click();
  await expect(group.getByTestId('group-policy-complaint-general')).toBeVisible();
  await group.mouse.move(0, 700);
  violations.push(...(await seriousViolations(group, 'rules-policies')));
  expect(violations).toEqual([]);

  for (const desk of [a, b]) await api(desk.url, 'sync.now', {}, await tokenOf(desk.url, 'admin'));
  const pageA = await browser.newPage();
  await deskCalendar(pageA, a, 'zh-CN');
  await shot(pageA, 'rules-03-desk-a-zh');
  // On the desk the group's category is marked, explained, and offers no rename or disable.
  await pageA.getByRole('link', { name: '投诉类别' }).click();
  const row = pageA.getByRole('row').filter({ hasText: '医保政策' });
  await expect(row.getByText('集团统一')).toBeVisible();
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(pageA.getByText('只能由集团客服中心修改')).toBeVisible();
  await shot(pageA, 'rules-03b-desk-a-categories');
  const pageB = await browser.newPage();
  await deskCalendar(pageB, b, 'en');
  await shot(pageB, 'rules-04-desk-b-en');
  // The desk's own import of the group's year is refused at the file's field.
  const refused = await fetch(`${b.url}api/calendar.import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(b.url, 'admin')}`, 'accept-language': 'en' },
    body: JSON.stringify({ content: fs.readFileSync(file, 'utf8') }),
  });
  expect(JSON.stringify(await refused.json())).toContain('The group has imported the official calendar of 2027');
});
