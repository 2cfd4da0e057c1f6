import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { shot } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { setUpDesk } from '../staff.ts';

/**
 * The group's reports and cross-site work in the console: two sites, a desk each with its
 * complaints synced; the group reports with both sites side by side and a figure's cases, the
 * analysis printed on the desk's A4 paper, a search across sites and a case with an audited
 * reveal, repeat complainants; a viewer refused a case. In Chinese, then in English.
 */
let server: ServerProcess;
let serverData: string;
const desks: Awaited<ReturnType<typeof startOwnHost>>[] = [];
const adminPassword = 'Group-Admin-2026';

async function consoleCall<T>(method: string, input: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-console-reports-'));
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  // The link the server printed, read from its output as the operator reads it (printed just after it is ready).
  await expect.poll(() => server.log.some((line) => line.includes('?setup=')), { timeout: 10_000 }).toBe(true);
  const token = server.log.find((line) => line.includes('?setup='))?.match(/\?setup=([\w-]+)/)?.[1] ?? '';
  await consoleCall(
    'setup.init',
    { groupName: '示例医疗集团', admin: { username: 'jituan', password: adminPassword, displayName: '周集团' } },
    { [setupTokenHeader]: token },
  );
  const admin = (await consoleCall<{ token: string }>('auth.login', { username: 'jituan', password: adminPassword })).token;
  const as = { authorization: `Bearer ${admin}` };
  await consoleCall(
    'accounts.create',
    { username: 'chakan', displayName: '吴查看', role: 'group_viewer', password: 'Viewer-Pass-2026' },
    as,
  );
  const sites = [
    {
      name: '市第一人民医院',
      volume: { perMonth: 120_000, unit: 'visits' },
      cases: ['门诊挂号排队过久', '电梯停运无人处理', '收费窗口多收检查费'],
    },
    { name: '城东分院', volume: null, cases: ['护士态度冷淡', '电梯门夹伤老人'] },
  ];
  for (const site of sites) {
    const { id } = await consoleCall<{ id: number }>('sites.add', { name: site.name, volume: site.volume }, as);
    const { code } = await consoleCall<{ code: string }>('sites.issueCode', { siteId: id }, as);
    const desk = await startOwnHost();
    desks.push(desk);
    const deskAdmin = await setUpDesk(desk.url, site.name);
    for (const subject of site.cases) {
      await api(
        desk.url,
        'cases.register',
        {
          type: 'complaint',
          channel: 'walkIn',
          complainant: { name: '张三', phone: '13800138000' },
          subject,
          content: `${subject}，希望医院尽快处理。`,
        },
        deskAdmin,
      );
    }
    await api(desk.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: code }, deskAdmin);
    await api(desk.url, 'sync.now', {}, deskAdmin);
  }
});

test.afterAll(async () => {
  for (const desk of desks) desk.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

async function signIn(page: Page, username: string, password: string, words = { username: '用户名', password: '密码', submit: '登录' }) {
  await page.goto(server.url);
  await page.getByLabel(words.username).fill(username);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: words.submit }).click();
}

test('the group reports, analysis, search and a revealed case, in Chinese and English', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, 'jituan', adminPassword);
  await page.getByRole('link', { name: '集团报表' }).click();
  await expect(page.getByRole('heading', { name: '集团报表' })).toBeVisible();
  await expect(page.getByTestId('group-registered')).toContainText('5');
  const bySite = page.getByTestId('site-comparison');
  await expect(bySite.getByText('市第一人民医院')).toBeVisible();
  await expect(bySite.getByText('城东分院')).toBeVisible();
  await shot(page, 'console-reports-01-dashboard-zh-CN');

  // A figure leads to its cases, of both sites.
  await page.getByTestId('group-registered').click();
  const drill = page.getByTestId('drill-modal');
  await expect(drill.getByTestId('case-lines').locator('tbody tr')).toHaveCount(5);
  await expect(drill.getByText('张*').first()).toBeVisible();
  await shot(page, 'console-reports-02-drill-zh-CN');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: '分析报告' }).click();
  await expect(page.getByRole('heading', { name: /投诉情况分析/ })).toBeVisible();
  // This month, where the desks' cases are (the page opens on the month just ended).
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-');
  await page.getByRole('combobox', { name: '期间' }).click();
  await page.getByRole('option', { name: `${year}年${Number(month)}月` }).click();
  await expect(page.getByTestId('site-comparison').getByText('城东分院')).toBeVisible();
  await shot(page, 'console-reports-03-analysis-zh-CN');
  await page.getByRole('button', { name: '打印 A4 报告' }).click();
  const frame = page.frameLocator('[data-testid="group-print-frame"]');
  await expect(frame.getByText('按院区/站点')).toBeVisible();
  await shot(page, 'console-reports-04-print-zh-CN');
  await page.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('link', { name: '院区对比' }).click();
  await expect(page.getByTestId('site-comparison').getByText('城东分院')).toBeVisible();
  await shot(page, 'console-reports-05-compare-zh-CN');

  await page.getByRole('link', { name: '跨院区查询' }).click();
  await page.getByTestId('group-search-input').fill('电梯');
  await page.getByRole('button', { name: '查询' }).click();
  const found = page.getByTestId('case-lines');
  await expect(found.locator('tbody tr')).toHaveCount(2);
  await expect(found.getByText('城东分院')).toBeVisible();
  await expect(found.getByText('138****8000').first()).toBeVisible();
  await shot(page, 'console-reports-06-search-zh-CN');
  // One character finds too.
  await page.getByTestId('group-search-input').fill('梯');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(found.locator('tbody tr')).toHaveCount(2);
  await found.getByText('电梯门夹伤老人').click();
  await expect(page.getByRole('heading', { name: /投诉 / })).toBeVisible();
  await expect(page.getByTestId('case-timeline')).toBeVisible();
  await page.getByTestId('reveal').click();
  await page.getByRole('button', { name: '确认查看（将记录审计日志）' }).click();
  await expect(page.getByRole('dialog').getByText(/不能为空|必填|至少/)).toBeVisible();
  await page.getByLabel('查看理由').fill('核实跨院区重复投诉');
  await page.getByRole('button', { name: '确认查看（将记录审计日志）' }).click();
  await expect(page.getByText('13800138000')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await shot(page, 'console-reports-07-case-zh-CN');

  await page.getByRole('link', { name: '重复投诉人' }).click();
  await expect(page.getByTestId('group-repeats').getByText('市第一人民医院 3、城东分院 2')).toBeVisible();
  await shot(page, 'console-reports-08-repeats-zh-CN');

  // The same pages in English.
  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Group reports' }).click();
  await expect(page.getByRole('heading', { name: 'Group reports' })).toBeVisible();
  await expect(page.getByTestId('site-comparison').getByText('Per 1,000 visits/units')).toBeVisible();
  await shot(page, 'console-reports-09-dashboard-en');
  await page.getByRole('link', { name: 'Analysis' }).click();
  await expect(page.getByRole('button', { name: 'Export to Excel' })).toBeVisible();
  await shot(page, 'console-reports-10-analysis-en');
  await page.getByRole('link', { name: 'Search all sites' }).click();
  await page.getByTestId('group-search-input').fill('收费');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('case-lines').locator('tbody tr')).toHaveCount(1);
  await shot(page, 'console-reports-11-search-en');
  await page.getByTestId('case-lines').getByText('收费窗口多收检查费').click();
  await expect(page.getByTestId('case-timeline')).toBeVisible();
  await shot(page, 'console-reports-12-case-en');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // A viewer reads the reports, and is refused a case.
  await signIn(page, 'chakan', 'Viewer-Pass-2026', { username: 'Username', password: 'Password', submit: 'Sign in' });
  await expect(page.getByRole('link', { name: 'Group reports' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Search all sites' })).toHaveCount(0);
  await shot(page, 'console-reports-13-viewer-en');
});
