import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * The group console from a new server to a case handled at another site, in Chromium: the
 * operator sets up the group administrator from the link the server printed; the administrator
 * adds two sites and issues their enrolment codes, which each site's administrator types into
 * the desk's Settings → Sync; both desks register cases; the console shows both sites side by
 * side; a case is transferred at the console from one site to the other, and the receiving
 * desk finds it on its board with the transfer noted and accepts it; next year's holidays
 * imported at the console reach both desks at their next sync. Desk screens in zh-CN; the
 * console in zh-CN, then in English.
 */
let server: ServerProcess;
let serverData: string;
let a: Awaited<ReturnType<typeof startOwnHost>>;
let b: Awaited<ReturnType<typeof startOwnHost>>;
const adminPassword = 'Group-Admin-2026';
const siteA = '市第一人民医院';
const siteB = '城东分院';
const moving = { subject: '城东分院停车场收费争议', reason: '投诉事项发生在城东分院停车场，由城东分院核实处理' };

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-group-'));
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  [a, b] = await Promise.all([startOwnHost(), startOwnHost()]);
  await Promise.all([staffHospital(a.url, siteA), staffHospital(b.url, siteB)]);
});

test.afterAll(async () => {
  a?.stop();
  b?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

/** A desk's administrator joins the site in Settings → Sync with the code the console issued. */
async function joinSite(page: Page, desk: { url: string }, code: string, name: string) {
  await signIn(page, 'admin', { url: desk.url });
  await page.getByRole('link', { name: '同步', exact: true }).click();
  await page.getByLabel('服务器地址').fill(server.url);
  await page.getByLabel('加入码').fill(code);
  await shot(page, `group-04-${name}-join-zh-CN`);
  await page.getByRole('button', { name: '加入站点' }).click();
  await expect(page.getByTestId('sync-page-state')).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toContainText('已同步', { timeout: 20_000 });
  await shot(page, `group-05-${name}-joined-zh-CN`);
}

async function register(desk: { url: string }, subject: string, phone = '13800138000') {
  return api<{ id: string; number: string }>(
    desk.url,
    'cases.register',
    { type: 'complaint', channel: 'walkIn', complainant: { name: '张三', phone }, subject, content: `${subject}，希望尽快处理。` },
    await tokenOf(desk.url, 'rec'),
  );
}

const syncNow = async (desk: { url: string }) => api(desk.url, 'sync.now', {}, await tokenOf(desk.url, 'admin'));

/** The desk's calendar page shows 2027 as the group's year. */
async function deskCalendar(page: Page, desk: { url: string }) {
  await signIn(page, 'admin', { url: desk.url });
  await page.getByRole('link', { name: '时限与日历' }).click();
  await page.getByRole('combobox', { name: '年份' }).click();
  await page.getByRole('option', { name: '2027' }).click();
  await expect(page.getByTestId('calendar-group-note')).toContainText('由集团客服中心为所有单位导入');
  await expect(page.getByText('集团统一', { exact: true })).toBeVisible();
}

test('a new server, two sites enrolled from the console, a case transferred and handled, next year’s calendar at both desks', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const group = await browser.newPage({ locale: 'zh-CN' });
  // The operator opens the link the server printed, and makes the group's administrator.
  await expect.poll(() => server.log.some((line) => line.includes('?setup=')), { timeout: 10_000 }).toBe(true);
  const setupUrl = server.log.find((line) => line.includes('?setup='))?.match(/(http:\/\/\S+\?setup=\S+)/)?.[1] ?? '';
  await group.goto(setupUrl);
  await group.getByLabel('集团名称').fill('示例医疗集团');
  await group.getByLabel('姓名').fill('周集团');
  await group.getByLabel('用户名').fill('jituan');
  await group.getByLabel(/^密码/).fill(adminPassword);
  await group.getByLabel('再次输入密码').fill(adminPassword);
  await shot(group, 'group-01-setup-zh-CN');
  await group.getByRole('button', { name: '完成设置' }).click();
  await expect(group.getByText('设置完成。请用刚创建的管理员账号登录。')).toBeVisible();
  await group.getByLabel('用户名').fill('jituan');
  await group.getByLabel('密码').fill(adminPassword);
  await group.getByRole('button', { name: '登录' }).click();

  // Two sites, a code each.
  await group.getByRole('link', { name: '院区与受理台' }).click();
  const sites = group.getByTestId('sites-table');
  const codes: string[] = [];
  for (const [name, perMonth] of [
    [siteA, '120000'],
    [siteB, '45000'],
  ] as const) {
    await group.getByRole('button', { name: '添加院区' }).first().click();
    await group.getByLabel('院区名称').fill(name);
    await group.getByLabel('每月数量').fill(perMonth);
    await group.getByRole('dialog').getByRole('button', { name: '添加院区' }).click();
    await expect(sites.getByText(name)).toBeVisible();
    await sites
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: '发放登记码' })
      .click();
    const code = (await group.getByTestId('issued-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    codes.push(code);
    if (codes.length === 1) await shot(group, 'group-02-code-zh-CN');
    await group.getByRole('button', { name: '已抄下' }).click();
  }
  await expect(group.getByTestId('codes-table').locator('tbody tr')).toHaveCount(2);
  await shot(group, 'group-03-sites-codes-zh-CN');

  // Each site's administrator types its code into the desk's Settings → Sync.
  const deskA = await browser.newPage({ locale: 'zh-CN' });
  await joinSite(deskA, a, codes[0] ?? '', 'desk-a');
  const deskB = await browser.newPage({ locale: 'zh-CN' });
  await joinSite(deskB, b, codes[1] ?? '', 'desk-b');

  // Both desks register cases; one of A's belongs to B.
  await register(a, '门诊挂号排队过久');
  await register(a, '收费窗口多收检查费', '13900139000');
  const toMove = await register(a, moving.subject, '13700137000');
  await register(b, '护士态度冷淡', '13600136000');
  await register(b, '门诊楼电梯故障', '13500135000');
  await register(b, '住院部饭菜偏凉', '13400134000');
  await Promise.all([syncNow(a), syncNow(b)]);

  await group.reload();
  const desks = group.getByTestId('desks-table');
  await expect(desks.getByTestId('desk-row')).toHaveCount(2);
  await expect(desks.getByText('正常')).toHaveCount(2);
  await expect(group.getByTestId('codes-empty')).toBeVisible();
  await shot(group, 'group-06-desks-zh-CN');

  // Both sites side by side.
  await group.getByRole('link', { name: '集团报表' }).click();
  await expect(group.getByTestId('group-registered')).toContainText('6');
  const bySite = group.getByTestId('site-comparison');
  await expect(bySite.getByText(siteA)).toBeVisible();
  await expect(bySite.getByText(siteB)).toBeVisible();
  await shot(group, 'group-07-dashboard-zh-CN');
  await group.getByRole('link', { name: '院区对比' }).click();
  await expect(group.getByTestId('site-comparison').getByText(siteB)).toBeVisible();
  await shot(group, 'group-08-compare-zh-CN');

  // The case that belongs to B, found across sites and transferred from the console.
  await group.getByRole('link', { name: '跨院区查询' }).click();
  await group.getByTestId('group-search-input').fill('停车场');
  await group.getByRole('button', { name: '查询' }).click();
  const found = group.getByTestId('case-lines');
  await expect(found.locator('tbody tr')).toHaveCount(1);
  await expect(found.getByText(siteA)).toBeVisible();
  await found.getByText(moving.subject).click();
  await expect(group.getByRole('heading', { name: new RegExp(toMove.number) })).toBeVisible();
  await group.getByTestId('console-transfer').click();
  const dialog = group.getByRole('dialog');
  await dialog.getByRole('button', { name: '转办' }).click();
  await expect(dialog.getByText('必填')).toHaveCount(2);
  await dialog.getByRole('combobox', { name: '接收站点' }).click();
  await group.getByRole('option', { name: siteB }).click();
  await dialog.getByLabel('转办理由').fill(moving.reason);
  await shot(group, 'group-09-transfer-dialog-zh-CN');
  await dialog.getByRole('button', { name: '转办' }).click();
  await expect(group.getByTestId('console-transfer-done')).toContainText(siteB);
  await expect(group.getByTestId('console-transfer-note')).toContainText(moving.reason);
  await expect(group.locator('b', { hasText: siteB })).toBeVisible();
  await shot(group, 'group-10-transferred-zh-CN');

  // The receiving desk finds it on its board, from A, and accepts it into its own department.
  await Promise.all([syncNow(a), syncNow(b)]);
  await signIn(deskB, 'sup', { url: b.url });
  await deskB.getByRole('link', { name: '看板', exact: true }).click();
  // Prefixes are the group's (A here, B there): the arriving case keeps its number, no mark beside it.
  const card = deskB.getByTestId('board-card').filter({ hasText: moving.subject });
  await expect(card.getByTestId('board-card-number')).toHaveText(toMove.number);
  await expect(card.getByTestId('board-card-transfer')).toHaveText(`转自${siteA}`);
  await shot(deskB, 'group-11-desk-b-board-zh-CN');
  await card.click();
  await expect(deskB.getByTestId('case-transfer')).toContainText(moving.reason);
  await deskB.getByRole('button', { name: '受理', exact: true }).click();
  await deskB.getByRole('combobox', { name: '牵头部门' }).click();
  await deskB.getByRole('option', { name: '门诊部' }).click();
  await deskB.getByRole('button', { name: '确认' }).click();
  await expect(deskB.getByTestId('case-status')).toHaveText('已受理，已转责任部门');
  // The desk's header is fixed: a full-page shot of a scrolled page draws it mid-page.
  await deskB.evaluate(() => window.scrollTo(0, 0));
  await shot(deskB, 'group-12-desk-b-accepted-zh-CN');
  // The sending desk keeps it, read-only, marked as gone.
  await Promise.all([syncNow(b), syncNow(a)]);
  await signIn(deskA, 'sup', { url: a.url });
  await deskA.goto(`${a.url}#/cases/${toMove.id}`);
  await deskA.reload();
  await expect(deskA.getByTestId('case-status')).toHaveText(`已转${siteB}`);
  await shot(deskA, 'group-13-desk-a-transferred-out-zh-CN');

  // The console sees B's acceptance; the group counts the case once.
  await group.reload();
  await expect(group.getByTestId('console-transfer-note')).toBeVisible();
  await expect(group.getByText('已受理，已转责任部门')).toBeVisible();
  await group.getByRole('link', { name: '集团报表' }).click();
  await expect(group.getByTestId('group-registered')).toContainText('6');

  // Next year's holidays, imported once at the console.
  const file = path.join(serverData, 'holidays-2027.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      holidays: { '2027-01-01': "New Year's Day,元旦,1", '2027-02-06': 'Spring Festival,春节,3', '2027-02-07': 'Spring Festival,春节,3' },
      workdays: { '2027-02-13': 'Spring Festival,春节,3' },
    }),
  );
  await group.getByRole('link', { name: '统一规则' }).click();
  await group.locator('input[type=file]').setInputFiles(file);
  await group.getByRole('button', { name: '检查文件' }).click();
  await expect(group.getByTestId('calendar-preview')).toContainText('2027 年：节假日 3 天，调休上班日 1 天');
  await expect(group.getByTestId('calendar-preview')).toContainText('下发到 2 个院区');
  await shot(group, 'group-14-calendar-preview-zh-CN');
  await group.getByRole('button', { name: '确认导入到所有院区' }).click();
  await expect(group.getByTestId('calendar-imported')).toContainText('2 个院区');
  await shot(group, 'group-15-calendar-imported-zh-CN');

  // Both desks at their next sync.
  await Promise.all([syncNow(a), syncNow(b)]);
  await deskCalendar(deskA, a);
  await shot(deskA, 'group-16-desk-a-calendar-zh-CN');
  await deskCalendar(deskB, b);
  await shot(deskB, 'group-17-desk-b-calendar-zh-CN');

  // The console's part in English.
  await group.getByRole('combobox', { name: '语言' }).click();
  await group.getByRole('option', { name: 'English' }).click();
  await group.getByRole('link', { name: 'Sites & desks' }).click();
  await expect(group.getByTestId('desks-table').getByText('Active')).toHaveCount(2);
  await shot(group, 'group-18-desks-en');
  await group.getByRole('link', { name: 'Group reports' }).click();
  await expect(group.getByTestId('site-comparison').getByText(siteB)).toBeVisible();
  await shot(group, 'group-19-dashboard-en');
  await group.getByRole('link', { name: 'Sites compared' }).click();
  await expect(group.getByTestId('site-comparison').getByText(siteB)).toBeVisible();
  await shot(group, 'group-20-compare-en');
  await group.getByRole('link', { name: 'Search all sites' }).click();
  await group.getByTestId('group-search-input').fill('停车');
  await group.getByRole('button', { name: 'Search' }).click();
  await group.getByTestId('case-lines').getByText(moving.subject).click();
  await expect(group.getByTestId('console-transfer-note')).toContainText(`transferred from ${siteA} to ${siteB}`);
  await shot(group, 'group-21-case-en');
  await group.getByTestId('console-transfer').click();
  await expect(group.getByRole('dialog').getByRole('combobox', { name: 'Receiving site' })).toBeVisible();
  await group.getByRole('dialog').getByLabel('Reason for the transfer').fill('Not sent: the dialog in English');
  // Photographed once it has finished fading in.
  await expect(group.getByRole('dialog')).toHaveCSS('opacity', '1');
  await shot(group, 'group-22-transfer-dialog-en');
  await group.keyboard.press('Escape');
  await group.getByRole('link', { name: 'Group rules' }).click();
  await expect(
    group
      .getByRole('textbox', { name: 'Year' })
      .or(group.getByRole('combobox', { name: 'Year' }))
      .first(),
  ).toHaveValue('2027');
  await shot(group, 'group-23-rules-en');
});
