import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { type Staff, staffHospital, tokenOf } from '../staff.ts';

/**
 * Defects a new user met at 1366×768, each kept fixed by a check here: the wizard's first step,
 * status words after approval, empty filtered lists, the case page's category and demands, the
 * accepted department, the menu's reach, the badges, the slip preview and the board's filters.
 */
let host: Awaited<ReturnType<typeof startOwnHost>>;
let outpatientId = '';
const tokens: Record<string, string> = {};
const call = <T>(who: Staff, method: string, input: unknown) => api<T>(host.url, method, input, tokens[who]);

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  ({ outpatientId } = await staffHospital(host.url));
  for (const who of ['admin', 'rec', 'han', 'sup'] as const) {
    tokens[who] = await tokenOf(host.url, who);
  }
});
test.afterAll(() => host?.stop());

type Registered = { id: string; number: string; deadlines: { acknowledge: string } };
const register = (extra: Record<string, unknown> = {}) =>
  call<Registered>('rec', 'cases.register', {
    type: 'complaint',
    channel: 'walkIn',
    complainant: { name: '陈建国', phone: '13912345678' },
    subject: '候诊时间过长',
    content: '今天上午在内科候诊两个多小时。',
    ...extra,
  });

test('1: the wizard’s Next checks the organisation name before the administrator step', async ({ page }) => {
  const fresh = await startOwnHost();
  try {
    await page.goto(fresh.setupUrl);
    await expect(page.getByRole('heading', { name: '首次使用：设置受理台' })).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('必填')).toBeVisible();
    await expect(page.getByLabel('机构名称')).toBeFocused();
    await expect(page.getByLabel('登录名')).toHaveCount(0);
    await page.getByLabel('机构名称').fill('市第一人民医院');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByLabel('登录名')).toBeVisible();
  } finally {
    fresh.stop();
  }
});

test('4, 5, 14: the case list says an approved case awaits its reply, names the clock beside its date, and an empty filter says so', async ({
  page,
}) => {
  const approved = await register({ subject: '收费窗口多收挂号费' });
  await call('rec', 'cases.act', { id: approved.id, action: { type: 'accept', departmentId: outpatientId } });
  await call('han', 'cases.act', { id: approved.id, action: { type: 'startInvestigation' } });
  await call('han', 'cases.act', { id: approved.id, action: { type: 'propose', text: '退还多收的十元并致歉。', finding: 'valid' } });
  await call('sup', 'cases.act', { id: approved.id, action: { type: 'approve' } });
  const fresh = await register({ subject: '挂号窗口排队过久' });
  await signIn(page, 'sup', { url: host.url });
  await page.goto(`${host.url}#/cases`);
  const approvedRow = page.getByRole('row', { name: new RegExp(approved.number) });
  await expect(approvedRow.getByText('处理意见已批准，待答复')).toBeVisible();
  // A new case works towards its acknowledgement: the badge says so, with that clock's date.
  const ack = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
    new Date(fresh.deadlines.acknowledge),
  );
  await expect(page.getByRole('row', { name: new RegExp(fresh.number) })).toContainText(`受理时限`);
  await expect(page.getByRole('row', { name: new RegExp(fresh.number) })).toContainText(ack);
  await shot(page, 'defects-01-case-list');
  // The same complainant's other cases on the case page say it too.
  await page.goto(`${host.url}#/cases/${fresh.id}`);
  await expect(page.getByRole('row', { name: new RegExp(approved.number) }).getByText('处理意见已批准，待答复')).toBeVisible();
  // Filtered to nothing: not "no cases yet".
  await page.goto(`${host.url}#/cases?status=closed`);
  await expect(page.getByTestId('list-empty')).toHaveText(/没有符合筛选条件的投诉件/);
});

test('7, 8: the case page shows the category and the demands once; accepting offers the department complained about', async ({ page }) => {
  const options = await call<{ categories: { id: string; name: string }[] }>('rec', 'registration.options', {});
  const category = options.categories[0];
  if (!category) throw new Error('the hospital profile seeds categories');
  const c = await register({ categoryId: category.id, demands: '要求改进叫号系统', respondent: { departmentId: outpatientId } });
  await signIn(page, 'sup', { url: host.url });
  await page.goto(`${host.url}#/cases/${c.id}`);
  await expect(page.getByTestId('case-category')).toHaveText(category.name);
  await expect(page.getByText('要求改进叫号系统')).toHaveCount(1);
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByRole('combobox', { name: '牵头部门' })).toHaveValue('门诊部');
  await shot(page, 'defects-02-accept-prefilled');
  // No "this department has no handler" before a department is chosen.
  await page.getByRole('combobox', { name: '牵头部门' }).clear();
  await expect(page.getByPlaceholder('该部门还没有处理人')).toHaveCount(0);
});

test('9: at 768 pixels the whole menu can be reached, in Chinese and in English', async ({ page }) => {
  await signIn(page, 'admin', { url: host.url });
  await page.getByRole('link', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/#\/account$/);
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'admin', { url: host.url, language: 'en' });
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/#\/admin\/audit$/);
  await shot(page, 'defects-03-menu-en');
});

test('12, 13: English badges are whole, and the slip preview’s buttons are on screen', async ({ page }) => {
  const c = await register();
  await call('rec', 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatientId } });
  await signIn(page, 'sup', { url: host.url, language: 'en' });
  await page.goto(`${host.url}#/cases/${c.id}`);
  const met = page.getByTestId('clock-acknowledge').locator('.mantine-Badge-root');
  await expect(met).toHaveText('Met on time');
  const cut = await met
    .locator('.mantine-Badge-label')
    .evaluate((e) => e.scrollWidth > e.clientWidth || getComputedStyle(e).textTransform !== 'none');
  expect(cut).toBe(false);
  await page.getByTestId('case-prints').getByRole('button', { name: /slip/i }).click();
  await expect(page.frameLocator('[data-testid="print-frame"]').locator('body')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Print', exact: true })).toBeInViewport({ ratio: 1 });
  await shot(page, 'defects-04-slip-preview-en');
});

test('15: the board’s search hint is read whole and its date boxes are labelled', async ({ page }) => {
  await signIn(page, 'sup', { url: host.url });
  await page.goto(`${host.url}#/board`);
  const search = page.getByRole('searchbox', { name: '搜索' });
  const fits = await search.evaluate((input: HTMLInputElement) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(input).font;
    probe.style.whiteSpace = 'pre';
    probe.textContent = input.placeholder;
    document.body.append(probe);
    const wide = probe.getBoundingClientRect().width;
    probe.remove();
    return wide <= input.clientWidth;
  });
  expect(fits).toBe(true);
  await expect(page.getByText('起始日期', { exact: true })).toBeVisible();
  await expect(page.getByText('截止日期', { exact: true })).toBeVisible();
  await shot(page, 'defects-05-board');
});

test('a field reached on the registration page is never behind the sticky footer at 1366×768', async ({ page }) => {
  await signIn(page, 'rec', { url: host.url });
  await page.goto(`${host.url}#/register`);
  const footer = page.getByRole('button', { name: /保存登记/ }).locator('xpath=ancestor::*[contains(@class,"mantine-Paper-root")][1]');
  // The received-at row sits where the footer covers it on first view; reaching it brings it clear.
  const receivedAt = page.getByLabel('收到时间');
  await receivedAt.focus();
  await expect(receivedAt).toBeFocused();
  const field = await receivedAt.boundingBox();
  const bar = await footer.boundingBox();
  expect(field && bar && field.y + field.height <= bar.y).toBe(true);
  await shot(page, 'defects-16-register-received-at');
});

test('a long backup path in the audit keeps its end in view on one line, the whole path on hover', async ({ page }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-a-usb-drive-with-a-rather-long-folder-name-'));
  await call('admin', 'backup.configure', { folder, dailyTime: '17:30', keep: 3, onQuit: false });
  const run = await call<{ path: string }>('admin', 'backup.run', {});
  await signIn(page, 'admin', { url: host.url });
  await page.goto(`${host.url}#/admin/audit`);
  const target = page
    .getByTestId('audit-path')
    .filter({ hasText: path.basename(run.path) })
    .first();
  await expect(target).toHaveAttribute('title', run.path);
  const box = await target.boundingBox();
  expect(box && box.height < 30, 'one line, not a column of letters').toBe(true);
  await shot(page, 'defects-17-audit-path');
});

test('a board card shows its whole deadline badge and its number on one line, in Chinese and in English', async ({ page }) => {
  // A case just registered works towards its acknowledgement: its card carries the longest badge.
  const fresh = await register({ subject: '门诊收费处排队过久' });
  for (const language of ['zh-CN', 'en'] as const) {
    await signIn(page, 'sup', { url: host.url, language });
    await page.goto(`${host.url}#/board`);
    const card = page.getByTestId('board-card').filter({ hasText: fresh.number });
    await expect(card.getByTestId('deadline-alert')).toBeVisible();
    const cards = page.getByTestId('board-card');
    await expect(cards.first()).toBeVisible();
    const cut = await cards.evaluateAll((all) =>
      all.flatMap((c) =>
        [...c.querySelectorAll<HTMLElement>('.mantine-Badge-label')]
          .filter((label) => label.scrollWidth > label.clientWidth || label.scrollHeight > label.clientHeight)
          .map((label) => `${label.textContent} ${label.scrollWidth}/${label.clientWidth} ${label.scrollHeight}/${label.clientHeight}`),
      ),
    );
    expect(cut, `${language}: badges cut`).toEqual([]);
    const wrapped = await page.getByTestId('board-card-number').evaluateAll((all) =>
      all
        .filter((n) => {
          const lineHeight = Number.parseFloat(getComputedStyle(n).lineHeight);
          return n.getBoundingClientRect().height > lineHeight * 1.5 || n.scrollWidth > n.clientWidth;
        })
        .map((n) => n.textContent),
    );
    expect(wrapped, `${language}: numbers on more than one line or past the card`).toEqual([]);
    await shot(page, `defects-18-board-card-${language}`);
  }
});

test('a report period without cases says so instead of drawing empty chart axes', async ({ page }) => {
  for (const [language, words] of [
    ['zh-CN', { range: '自选时段', from: '开始日期', to: '结束日期', empty: '该时段没有投诉件' }],
    ['en', { range: 'Chosen range', from: 'From', to: 'To', empty: 'No cases in this period' }],
  ] as const) {
    await signIn(page, 'sup', { url: host.url, language });
    await page.goto(`${host.url}#/reports`);
    await page.getByText(words.range, { exact: true }).click();
    // A month long before the desk existed.
    for (const [label, date] of [
      [words.from, '2020-01-01'],
      [words.to, '2020-01-31'],
    ] as const) {
      const input = page.getByRole('textbox', { name: label, exact: true });
      await input.fill(date);
      await input.press('Enter');
    }
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('stat-registered')).toContainText('0');
    const trend = page.getByTestId('chart-trend');
    await expect(trend.getByTestId('empty-state')).toContainText(words.empty);
    await expect(trend.locator('.recharts-surface')).toHaveCount(0);
    await shot(page, `defects-19-report-empty-${language}`);
  }
});
