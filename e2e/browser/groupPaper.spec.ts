import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * A case of one site transferred to another, read where each reads it, in zh-CN and English:
 * the receiving desk's timeline names the sending site's staff (not the end of their ids); the
 * console's timeline links a linked case to the console's own case page; the group's A4
 * analysis lists major and overdue cases and repeat complainants with their sites, masked; and
 * the desk's top bar, offline with cases waiting, fits on one line at 1366 px.
 */
let server: ServerProcess;
let serverData: string;
let serverPort: number;
let a: Awaited<ReturnType<typeof startOwnHost>>;
let b: Awaited<ReturnType<typeof startOwnHost>>;
const siteA = '市第一人民医院';
const siteB = '城东分院';
const consoleAdmin = { username: 'jituan', password: 'Group-Admin-2026', displayName: '周集团' };

async function consoleCall<T>(method: string, input: unknown, token?: string, locale = 'zh-CN'): Promise<T> {
  const setup = server.log.find((line) => line.includes('?setup='))?.match(/\?setup=(\S+)/)?.[1] ?? '';
  const response = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': locale,
      ...(token ? { authorization: `Bearer ${token}` } : { [setupTokenHeader]: setup }),
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

const syncNow = async (desk: { url: string }) => api(desk.url, 'sync.now', {}, await tokenOf(desk.url, 'admin'));

async function register(desk: { url: string }, subject: string, phone: string, severity = 'general') {
  return api<{ id: string; number: string }>(
    desk.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      severity,
      complainant: { name: '张三', phone },
      subject,
      content: `${subject}，希望尽快处理。`,
    },
    await tokenOf(desk.url, 'rec'),
  );
}

/** The console signed in, in `language`. */
async function consolePage(page: Page, language: 'zh-CN' | 'en') {
  await page.goto(server.url);
  await page.evaluate((l) => localStorage.setItem('desk.language', l), language);
  await page.reload();
  const words =
    language === 'en'
      ? { username: 'Username', password: 'Password', submit: 'Sign in' }
      : { username: '用户名', password: '密码', submit: '登录' };
  await page.getByLabel(words.username).fill(consoleAdmin.username);
  await page.getByRole('textbox', { name: words.password }).fill(consoleAdmin.password);
  await page.getByRole('button', { name: words.submit, exact: true }).click();
  await expect(page.getByText(consoleAdmin.displayName)).toBeVisible();
}

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-paper-'));
  serverPort = await freePort();
  server = await spawnServer({ port: serverPort, dataDir: serverData });
  [a, b] = await Promise.all([startOwnHost(), startOwnHost()]);
  await Promise.all([staffHospital(a.url, siteA), staffHospital(b.url, siteB)]);
  await expect.poll(() => server.log.some((line) => line.includes('?setup=')), { timeout: 10_000 }).toBe(true);
  await consoleCall('setup.init', { groupName: '示例医疗集团', admin: consoleAdmin });
  const token = (await consoleCall<{ token: string }>('auth.login', { username: consoleAdmin.username, password: consoleAdmin.password }))
    .token;
  for (const [desk, name, perMonth] of [
    [a, siteA, 900_000],
    [b, siteB, 45_000],
  ] as const) {
    const { id } = await consoleCall<{ id: number }>('sites.add', { name, volume: { perMonth, unit: 'visits' } }, token);
    const { code } = await consoleCall<{ code: string }>('sites.issueCode', { siteId: id }, token);
    await api(desk.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: code }, await tokenOf(desk.url, 'admin'));
  }
});

test.afterAll(async () => {
  a?.stop();
  b?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

test('a transferred case named by its people at the receiving desk, linked within the console, on the group’s paper; the top bar offline', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // On A: an urgent case handled by A's staff, linked to an earlier one, then transferred to B.
  const earlier = await register(a, '城东分院停车场收费不透明', '13700137000');
  const moving = await register(a, '城东分院停车场收费争议', '13700137000', 'urgent');
  await register(b, '门诊楼电梯故障', '13700137000');
  const aToken = async (who: 'admin' | 'han' | 'sup' | 'rec') => tokenOf(a.url, who);
  const act = async (who: 'admin' | 'han' | 'sup' | 'rec', action: unknown) =>
    api(a.url, 'cases.act', { id: moving.id, action }, await aToken(who));
  await act('rec', { type: 'link', number: earlier.number });
  await act('admin', { type: 'note', text: '经核实停车场属城东分院管理' });
  await syncNow(a);
  const sites = await api<{ others: { id: string; name: string }[] }>(a.url, 'sync.sites', {}, await aToken('sup'));
  await act('sup', { type: 'transfer', toSiteId: sites.others[0]?.id ?? '', reason: '停车场属城东分院管理，由城东分院核实处理' });
  await syncNow(a);
  await syncNow(b);
  await syncNow(b);

  // The receiving desk's timeline names A's people.
  for (const language of ['zh-CN', 'en'] as const) {
    const page = await browser.newPage();
    await signIn(page, 'admin', { url: b.url, language });
    await page.goto(`${b.url}#/cases/${moving.id}`);
    const timeline = page.getByTestId('case-timeline');
    await expect(timeline).toContainText('经核实停车场属城东分院管理');
    await expect(timeline).toContainText('李洁');
    await expect(timeline).toContainText('王主任');
    await expect(timeline).toContainText('周主管');
    await expect(timeline).not.toContainText(/#[0-9a-f]{8}/);
    await shot(page, `paper-01-desk-b-timeline-${language}`);
    await page.close();
  }

  // The console's timeline: the linked case opens in the console.
  for (const language of ['zh-CN', 'en'] as const) {
    const page = await browser.newPage();
    await consolePage(page, language);
    await page.goto(`${server.url}/#/search/cases/${moving.id}`);
    const timeline = page.getByTestId('case-timeline');
    await expect(timeline).toContainText('周主管');
    const link = timeline.getByRole('link', { name: earlier.number });
    await expect(link).toHaveAttribute('href', `#/search/cases/${earlier.id}`);
    await shot(page, `paper-02-console-timeline-${language}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/search/cases/${earlier.id}$`));
    await expect(page.getByText('城东分院停车场收费不透明').first()).toBeVisible();
    await page.close();
  }

  // The group's analysis on A4: the lists with their sites, the complainant masked.
  const token = (await consoleCall<{ token: string }>('auth.login', { username: consoleAdmin.username, password: consoleAdmin.password }))
    .token;
  const now = new Date(Date.now() + 8 * 3_600_000);
  const period = { kind: 'month', year: now.getUTCFullYear(), index: now.getUTCMonth() + 1 };
  for (const language of ['zh-CN', 'en'] as const) {
    const { html } = await consoleCall<{ html: string }>('reports.print', { period }, token, language);
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await expect(page.getByText(moving.number).first()).toBeVisible();
    await expect(page.locator('body')).toContainText('张*');
    await expect(page.locator('body')).not.toContainText('13700137000');
    await shot(page, `paper-03-group-analysis-${language}`);
    await page.close();
  }

  // The server away, something waiting: the top bar says so in one line, the rest in its tooltip.
  await server.kill();
  await register(a, '住院部夜间噪音', '13912345678');
  await syncNow(a).catch(() => {});
  for (const [language, offline] of [
    ['zh-CN', '离线'],
    ['en', 'Offline'],
  ] as const) {
    const page = await browser.newPage();
    await signIn(page, 'admin', { url: a.url, language });
    const badge = page.getByTestId('sync-indicator');
    await expect(async () => {
      await page.reload();
      await expect(badge).toContainText(offline, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const header = page.locator('header');
    const fits = await header.evaluate((h) => {
      const row = h.firstElementChild as HTMLElement;
      const lines = [...h.querySelectorAll('p, span, button')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.height === 0 || r.height <= 40;
      });
      return { overflow: row.scrollWidth - row.clientWidth, lines };
    });
    expect(fits).toEqual({ overflow: 0, lines: true });
    await badge.hover();
    await expect(page.getByRole('tooltip')).toContainText(language === 'en' ? 'Offline since' : '起离线');
    await shot(page, `paper-05-top-bar-offline-${language}`);
    await page.close();
  }
});
