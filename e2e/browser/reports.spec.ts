import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createDesk, type Desk } from '../../core/desk.ts';
import { listen } from '../../core/http/httpTransport.ts';
import { createSetupToken } from '../../core/http/requestGuard.ts';
import type { DeskInput } from '../../domain/api/deskApi.ts';
import { shot, signIn } from '../flows.ts';
import { printedCount, stubBrowserPrint } from '../printStub.ts';
import { password, staff } from '../staff.ts';

/**
 * The supervisor's dashboard on a desk of its own (a second browser host in this process, on
 * a free port), seeded through the API with this month's cases: the figures, the charts, and a
 * click on a slice that opens the matching cases.
 */
let desk: Desk;
let server: Awaited<ReturnType<typeof listen>>;
let base = '';

async function call<M extends string>(method: M, input: unknown, token?: string) {
  const answer = await desk.call(method, input, token ? { token } : {});
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.data as Record<string, unknown> & { id: string; token: string };
}

/**
 * The desk and the browser read a clock pinned at noon on the 15th of the desk's current month
 * (the desk's runs on from there), so "today" and "this month" cannot change under a run that
 * crosses the desk's midnight (16:00 UTC) or the end of a month.
 */
const deskMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
const pinnedAt = Date.parse(`${deskMonth}-15T12:00:00+08:00`);
const realStart = Date.now();
const deskNow = () => new Date(pinnedAt + (Date.now() - realStart));

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-reports-'));
  desk = await createDesk({ dataDir, log: () => {}, now: deskNow });
  await call('setup.init', {
    orgName: '市第一人民医院',
    profile: 'hospital',
    admin: { ...staff.admin, password },
  });
  const admin = (await call('auth.login', { username: staff.admin.username, password })).token;
  await call('users.create', { ...staff.sup, password, roles: ['supervisor'] }, admin);
  const zhou = (await call('auth.login', { username: staff.sup.username, password })).token;
  const departments = (await call('departments.list', {}, admin)).items as { id: string; name: string }[];
  const dept = (name: string) => departments.find((d) => d.name === name)?.id ?? '';
  const now = pinnedAt;
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const cases: Partial<DeskInput<'cases.register'>>[] = [
    {
      channel: 'walkIn',
      subject: '挂号窗口排队过久',
      respondent: { departmentId: dept('门诊部'), person: '刘护士' },
      complainant: { name: '张三', phone: '13900001111' },
    },
    {
      channel: 'walkIn',
      subject: '候诊区空调不制冷',
      respondent: { departmentId: dept('门诊部') },
      complainant: { name: '张三', phone: '13900001111' },
    },
    {
      channel: 'phone',
      subject: '收费项目不清楚',
      respondent: { departmentId: dept('收费处'), person: '陈收费员' },
      complainant: { name: '李四', phone: '13900002222' },
    },
    {
      channel: 'phone',
      subject: '药房发错药',
      severity: 'major',
      respondent: { departmentId: dept('药剂科') },
      complainant: { name: '王五', phone: '13900003333' },
    },
    { channel: 'wechat', subject: '停车场收费过高', type: 'suggestion', complainant: { name: '赵六' } },
    {
      channel: 'walkIn',
      subject: '医生态度生硬',
      respondent: { departmentId: dept('门诊部'), person: '刘护士' },
      complainant: { name: '孙七', phone: '13900004444' },
    },
  ];
  const ids: string[] = [];
  for (const [i, c] of cases.entries()) {
    const registered = await call(
      'cases.register',
      { type: 'complaint', content: `${c.subject}，请尽快处理。`, receivedAt: minutesAgo(60 - i), ...c },
      admin,
    );
    ids.push(registered.id);
  }
  const act = (id: string | undefined, action: DeskInput<'cases.act'>['action']) => call('cases.act', { id, action }, admin);
  await act(ids[0], { type: 'accept', departmentId: dept('门诊部') });
  await act(ids[0], { type: 'startInvestigation' });
  await act(ids[0], { type: 'contact', method: 'phone', person: '张三', summary: '已致电说明' });
  await act(ids[0], { type: 'propose', text: '高峰时段增开挂号窗口', finding: 'valid' });
  await call('cases.act', { id: ids[0], action: { type: 'approve' } }, zhou);
  await act(ids[0], { type: 'respond', channel: 'phone', content: '已增开挂号窗口' });
  await act(ids[0], { type: 'followUp', method: 'phone', satisfaction: 5 });
  await act(ids[0], { type: 'close' });
  await act(ids[2], { type: 'accept', departmentId: dept('收费处') });
  await act(ids[4], { type: 'decline', reason: '属于停车场管理公司，已告知联系方式' });
  server = await listen(desk, { port: 0, rendererDir: path.resolve('out/renderer'), setupToken: createSetupToken() });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server?.close();
  await desk?.close();
});

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(pinnedAt);
});

test('the supervisor reads the dashboard and opens the cases behind a slice', async ({ page }) => {
  await signIn(page, 'sup', { url: `${base}/` });
  await page.getByRole('link', { name: '统计分析' }).click();
  await expect(page.getByRole('heading', { name: '统计分析', level: 1 })).toBeVisible();
  await expect(page.getByTestId('stat-registered')).toContainText('6');
  await expect(page.getByTestId('stat-closed')).toContainText('1');
  await expect(page.getByTestId('stat-follow-up')).toContainText('100.0%');
  await expect(page.getByTestId('stat-satisfaction')).toContainText('100.0%');
  await expect(page.getByTestId('chart-channel').locator('.recharts-pie-sector')).toHaveCount(3);
  await expect(page.getByTestId('repeats')).toContainText('张三');
  // No horizontal scrolling at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await shot(page, 'reports-01-dashboard');

  await page.getByText('今日', { exact: true }).click();
  await expect(page.getByText(/^\d{4}年\d{1,2}月\d{1,2}日 至 /)).toBeVisible();
  const pinnedDay = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(pinnedAt);
  await expect(page.getByText(`${pinnedDay} 至 ${pinnedDay}`)).toBeVisible();
  await expect(page.getByTestId('stat-registered')).toContainText('6');
  await page.getByText('本月', { exact: true }).click();

  // The "phone" slice: the two cases that came in by phone. (A slice is a wedge: its box's
  // centre can lie on a neighbour, so the click is dispatched on the slice itself.)
  await page.getByTestId('chart-channel').locator('path[name="电话"]').dispatchEvent('click');
  await expect(page.getByTestId('case-list-filters')).toContainText('电话');
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('row', { name: /收费项目不清楚/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /药房发错药/ })).toBeVisible();
  await shot(page, 'reports-02-drilldown-phone');

  // A bar of the departments complained about: 门诊部, three cases.
  await page.goBack();
  const bars = page.getByTestId('chart-top-departments').locator('.recharts-bar-rectangle path');
  await expect(bars.first()).toBeVisible();
  await bars.first().click();
  await expect(page.getByTestId('case-list-filters')).toContainText('门诊部');
  await expect(page.getByRole('row')).toHaveCount(4);

  // The same in English: the dashboard, and the analysis of this month printed in the reader's language.
  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByTestId('stat-registered')).toContainText('6');
  await expect(page.getByTestId('repeats')).toContainText('张三');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await shot(page, 'reports-06-dashboard-en');
  await page.getByRole('tab', { name: 'Complaint analysis' }).click();
  await page.getByRole('combobox', { name: 'Period', exact: true }).click();
  await page.getByRole('option', { name: `${deskMonth.slice(0, 4)}-${Number(deskMonth.slice(5))}`, exact: true }).click();
  await expect(page.getByTestId('analysis-figures').getByRole('row', { name: /Registered/ })).toContainText('6');
  await shot(page, 'reports-07-analysis-en');
  await page.getByRole('button', { name: 'Print (A4)' }).click();
  await expect(page.frameLocator('[data-testid="print-frame"]').getByRole('heading', { name: /analysis/i })).toBeVisible();
  await shot(page, 'reports-08-analysis-print-preview-en');
});

test('performance and corrective actions', async ({ page }) => {
  await signIn(page, 'sup', { url: `${base}/` });
  await page.getByRole('link', { name: '统计分析' }).click();
  await page.getByRole('tab', { name: '绩效考核' }).click();
  await expect(page.getByTestId('performance-departments')).toContainText('门诊部');
  await expect(page.getByTestId('performance-people')).toContainText('刘护士');
  await shot(page, 'reports-03-performance');

  await page.getByRole('tab', { name: '整改措施' }).click();
  await page.getByRole('button', { name: '新增整改措施' }).click();
  await page.getByLabel('原因分析').fill('挂号高峰窗口不足');
  await page.getByRole('textbox', { name: /^整改措施/ }).fill('高峰时段增开两个挂号窗口');
  await page.getByLabel('责任人').fill('门诊部 刘主任');
  await page.getByLabel('完成期限').fill('2020-01-01');
  await page.getByRole('button', { name: '保存整改措施' }).click();
  // Neither a case nor an analysis named: refused next to the field, nothing saved.
  await expect(page.getByText('请说明整改措施来自哪件投诉或哪一期分析。')).toBeVisible();
  await page.getByLabel('关联投诉编号').fill('9999-9999');
  await page.getByRole('button', { name: '保存整改措施' }).click();
  await expect(page.getByText('没有这件投诉件。')).toBeVisible();
  await shot(page, 'reports-04-action-refused');

  // Raised from a case: the case page opens the form with the case's number filled in.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: '投诉件', exact: true }).click();
  await page.getByRole('row', { name: /挂号窗口排队过久/ }).click();
  await page.getByRole('button', { name: '提出整改措施' }).click();
  await expect(page.getByLabel('关联投诉编号')).toHaveValue(/^\d{4}-\d{4}$/);
  await page.getByLabel('原因分析').fill('挂号高峰窗口不足');
  await page.getByRole('textbox', { name: /^整改措施/ }).fill('高峰时段增开两个挂号窗口');
  await page.getByRole('textbox', { name: /^教育培训/ }).fill('挂号窗口人员服务规范培训');
  await page.getByLabel('责任人').fill('门诊部 刘主任');
  await page.getByRole('button', { name: '保存整改措施' }).click();
  const row = page.getByTestId('corrective-actions').getByRole('row', { name: /高峰时段增开两个挂号窗口/ });
  await expect(row).toContainText('整改中');
  await row.getByRole('button', { name: '登记落实情况' }).click();
  await page.getByRole('textbox', { name: /^落实情况/ }).fill('已于本周增开两个窗口');
  await page.getByRole('dialog').getByRole('button', { name: '登记落实情况' }).click();
  await expect(row).toContainText('已落实，待验证');
  await row.getByRole('button', { name: '验证效果' }).click();
  await page.getByRole('textbox', { name: /^验证意见/ }).fill('排队时间明显缩短');
  await page.getByRole('button', { name: '有效，关闭' }).click();
  await expect(row).toContainText('已验证关闭');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await shot(page, 'reports-04b-action-closed');

  // The analysis of this month: exported as a workbook and previewed for printing on A4.
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '投诉情况分析' }).click();
  await page.getByRole('combobox', { name: '分析周期' }).click();
  await page.getByRole('option', { name: '月度' }).click();
  const thisMonth = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric' }).format(pinnedAt);
  await page.getByRole('combobox', { name: '期间' }).click();
  await page.getByRole('option', { name: thisMonth.replace('/', '年').replace(/$/, '月') }).click();
  await expect(page.getByTestId('analysis-figures')).toContainText('登记件数');
  await expect(page.getByTestId('analysis-figures').getByRole('row', { name: /登记件数/ })).toContainText('6');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^投诉情况分析-\d{4}-\d{2}\.xlsx$/);
  // Printed through print.render like a case's documents: the same preview, a numbered copy.
  await page.getByRole('button', { name: '打印（A4）' }).click();
  const preview = page.frameLocator('[data-testid="print-frame"]');
  await expect(preview.getByRole('heading', { name: /投诉情况分析/ })).toBeVisible();
  await shot(page, 'reports-05-analysis-print-preview');
  await stubBrowserPrint(page);
  await page.getByTestId('print-preview').getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByText('已发送到打印机（第 1 份）')).toBeVisible();
  expect(await printedCount(page)).toBe(1);
});
