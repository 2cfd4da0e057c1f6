import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { printedCount, stubBrowserPrint } from '../printStub.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * A complainant asks what the desk holds about them (PIPL art. 44–47): the supervisor finds them
 * by phone on the 个人信息查询 page, prints the report on A4, exports it, and removes the data of
 * their finished case, the open one staying; the page again in English.
 */
let host: Awaited<ReturnType<typeof startOwnHost>>;
const cases = { finished: { id: '', number: '' }, open: { id: '', number: '' } };
const phone = '13912345678';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  const { outpatientId } = await staffHospital(host.url);
  const rec = { token: await tokenOf(host.url, 'rec') };
  const register = (subject: string) =>
    api<{ id: string; number: string }>(
      host.url,
      'cases.register',
      { type: 'complaint', channel: 'walkIn', complainant: { name: '陈建国', phone }, subject, content: `${subject}，请处理。` },
      rec.token,
    );
  cases.finished = await register('收费窗口多收挂号费');
  await api(
    host.url,
    'cases.act',
    { id: cases.finished.id, action: { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元并道歉', satisfaction: 5 } },
    rec.token,
  );
  cases.open = await register('候诊时间过长');
  await api(host.url, 'cases.act', { id: cases.open.id, action: { type: 'accept', departmentId: outpatientId } }, rec.token);
  await api(host.url, 'auth.logout', {}, rec.token);
});

test.afterAll(() => host?.stop());

test('a supervisor finds a person by phone, prints and exports their data, and removes what the law allows', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'sup', { url: host.url });
  await page.getByRole('link', { name: '个人信息查询' }).click();
  await expect(page.getByRole('heading', { name: '某人在本台的个人信息' })).toBeVisible();

  // Neither number: refused at the field.
  await page.getByRole('button', { name: '查找', exact: true }).click();
  await expect(page.getByText('请输入电话号码或证件号码')).toBeVisible();

  await page.getByLabel('电话号码').fill('139 1234 5678');
  await page.getByRole('button', { name: '查找', exact: true }).click();
  const report = page.getByTestId('person-report');
  await expect(report).toContainText('共 2 件投诉件涉及此人。');
  await expect(report.getByRole('link', { name: cases.finished.number })).toBeVisible();
  await expect(report.getByRole('link', { name: cases.open.number })).toBeVisible();
  await shot(page, 'person-01-found');

  // The report on A4, printed once.
  await stubBrowserPrint(page);
  await report.getByRole('button', { name: '打印查询结果（A4）' }).click();
  const paper = page.frameLocator('[data-testid="print-frame"]');
  await expect(paper.getByRole('heading', { name: '某人在本台的个人信息' })).toBeVisible();
  await expect(paper.getByText(`1. 投诉件 ${cases.finished.number}`)).toBeVisible();
  await expect(paper.getByRole('cell', { name: phone }).first()).toBeVisible();
  await shot(page, 'person-02-report-preview');
  await page.getByTestId('print-preview').getByRole('button', { name: '打印', exact: true }).click();
  await expect.poll(() => printedCount(page)).toBe(1);
  await page.keyboard.press('Escape');

  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: '导出（Excel）' }).click();
  expect((await download).suggestedFilename()).toMatch(/^个人信息查询结果-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // Only the finished case can go now; the open one keeps its data until it is finished.
  const erase = page.getByTestId('person-erase');
  await expect(erase.getByLabel(new RegExp(cases.finished.number))).toBeVisible();
  await expect(erase.getByLabel(new RegExp(cases.open.number))).toHaveCount(0);
  await erase.getByLabel(new RegExp(cases.finished.number)).check();
  await erase.getByLabel('删除依据').selectOption({ label: '本人撤回同意' });
  await erase.getByLabel('说明').fill('本人到台书面申请，已核对身份证');
  await erase.getByLabel('我明白：删除后无法恢复（1 件）').check();
  await shot(page, 'person-03-erase');
  await erase.getByRole('button', { name: '删除 1 件的个人信息' }).click();
  await expect(page.getByText('已删除 1 件的个人信息；删除证据文件 0 个。')).toBeVisible();
  await expect(report).toContainText('共 1 件投诉件涉及此人。');
  await expect(report.getByRole('link', { name: cases.finished.number })).toHaveCount(0);
  await shot(page, 'person-04-erased');

  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'What the desk holds about one person' })).toBeVisible();
  await page.getByLabel('Phone number').fill(phone);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(report).toContainText('1 case holds this person.');
  await shot(page, 'person-05-en');
});
