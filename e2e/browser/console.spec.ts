import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { seriousViolations } from '../axe.ts';
import { shot } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { setUpDesk } from '../staff.ts';

/**
 * The group console of a new server: the operator opens the setup link the server printed,
 * names the group and its first administrator, signs in, adds a site, issues an enrolment
 * code, a desk enrols with it, and the desks list shows the desk and its last sync; then the
 * same pages in English.
 */
let server: ServerProcess;
let serverData: string;
let desk: Awaited<ReturnType<typeof startOwnHost>>;
const adminPassword = 'Group-Admin-2026';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-console-'));
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  desk = await startOwnHost();
});

test.afterAll(async () => {
  desk?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

async function signInToConsole(page: Page, words: { username: string; password: string; submit: string }) {
  await page.getByLabel(words.username).fill('jituan');
  await page.getByLabel(words.password).fill(adminPassword);
  await page.getByRole('button', { name: words.submit }).click();
}

test('a new server is set up from its printed link, a site added, a desk enrolled and listed', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // Each screen looked at: a screenshot, and axe's serious and critical findings, checked at the end.
  const violations: string[] = [];
  const look = async (name: string) => {
    await shot(page, name);
    // The pointer leaves the link it clicked: axe judges the screen as read, not a hovered menu entry
    // (the desk's axe spec opens its screens by address for the same reason).
    await page.mouse.move(0, 700);
    violations.push(...(await seriousViolations(page, name)));
  };
  await page.goto(server.url);
  // Without the printed link the setup page cannot create anyone.
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  // The link the server printed, read from its output as the operator reads it.
  const setupLine = server.log.find((line) => line.includes('?setup='));
  const setupUrl = setupLine?.match(/(http:\/\/\S+\?setup=\S+)/)?.[1];
  expect(setupUrl).toBeTruthy();
  await page.getByLabel('集团名称').fill('示例医疗集团');
  await page.getByLabel('姓名').fill('周集团');
  await page.getByLabel('用户名').fill('jituan');
  await page.getByLabel(/^密码/).fill(adminPassword);
  await page.getByLabel('再次输入密码').fill(adminPassword);
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('首次设置需要服务器启动时打印的设置链接')).toBeVisible();

  await page.goto(setupUrl ?? '');
  await page.getByLabel('集团名称').fill('示例医疗集团');
  await page.getByLabel('姓名').fill('周集团');
  await page.getByLabel('用户名').fill('jituan');
  await page.getByLabel(/^密码/).fill('short');
  await page.getByLabel('再次输入密码').fill('short');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('至少 8 个字符')).toBeVisible();
  await page.getByLabel(/^密码/).fill(adminPassword);
  await page.getByLabel('再次输入密码').fill(adminPassword);
  await look('console-01-setup-zh-CN');
  await page.getByRole('button', { name: '完成设置' }).click();

  await expect(page.getByText('设置完成。请用刚创建的管理员账号登录。')).toBeVisible();
  await signInToConsole(page, { username: '用户名', password: '密码', submit: '登录' });
  await expect(page.getByRole('heading', { name: '院区与受理台' })).toBeVisible();
  await expect(page.getByText('还没有院区')).toBeVisible();

  await page.getByRole('button', { name: '添加院区' }).click();
  await page.getByLabel('院区名称').fill('市第一人民医院');
  await page.getByLabel('每月数量').fill('120000');
  await page.getByRole('dialog').getByRole('button', { name: '添加院区' }).click();
  const sites = page.getByTestId('sites-table');
  await expect(sites.getByText('市第一人民医院')).toBeVisible();
  await expect(sites.getByText('每月 120,000 人次')).toBeVisible();

  await sites.getByRole('button', { name: '发放登记码' }).click();
  const code = (await page.getByTestId('issued-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await look('console-02-code-zh-CN');
  await page.getByRole('button', { name: '已抄下' }).click();
  await expect(page.getByTestId('codes-table')).toBeVisible();

  // The site's desk joins with the code and syncs once.
  const deskAdmin = await setUpDesk(desk.url);
  await api(desk.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: code }, deskAdmin);
  await api(desk.url, 'sync.now', {}, deskAdmin);

  await page.reload();
  const desks = page.getByTestId('desks-table');
  await expect(desks.getByTestId('desk-row')).toHaveCount(1);
  await expect(desks.getByText('正常')).toBeVisible();
  await expect(desks.getByText('0.1.0')).toBeVisible();
  await expect(page.getByTestId('codes-empty')).toBeVisible();
  await look('console-03-sites-zh-CN');

  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByTestId('audit-table').getByText('发放登记码')).toBeVisible();
  await look('console-04-audit-zh-CN');

  // The same console in English.
  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Group audit log' })).toBeVisible();
  await look('console-05-audit-en');
  await page.getByRole('link', { name: 'Sites & desks' }).click();
  await expect(page.getByTestId('desks-table').getByText('Active')).toBeVisible();
  await look('console-06-sites-en');
  await page.getByRole('link', { name: 'Group accounts' }).click();
  await page.getByRole('button', { name: 'New account' }).click();
  await page.getByLabel('Full name').fill('Wu Viewer');
  await page.getByLabel('Username').fill('wuviewer');
  await page.getByLabel('First password').fill('viewer');
  await page.getByRole('button', { name: 'New account' }).last().click();
  await expect(page.getByText('At least 8 characters')).toBeVisible();
  await page.getByLabel('First password').fill('Viewer-Pass-2026');
  await page.getByRole('button', { name: 'New account' }).last().click();
  await expect(page.getByTestId('accounts-table').getByText('wuviewer')).toBeVisible();
  await look('console-07-accounts-en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await look('console-08-sign-in-en');
  expect(violations).toEqual([]);
});
