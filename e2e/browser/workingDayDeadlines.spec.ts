import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { firstRunPath, registerComplaint, runWizard, shot, signIn } from '../flows.ts';

test.beforeAll(() => fs.mkdirSync('e2e/.artifacts/screens', { recursive: true }));

/** Specs share one store: set it up when this spec runs first, otherwise just sign in. */
async function ensureSignedIn(page: Page) {
  await page.goto(firstRunPath);
  const wizard = page.getByRole('heading', { name: '首次使用：设置受理台' });
  const login = page.getByRole('button', { name: '登录' });
  await expect(wizard.or(login)).toBeVisible();
  if (await wizard.isVisible()) await runWizard(page);
  await signIn(page, 'firstAdmin');
}

test('a supervisor extends a case once: the promised date moves and the history says why', async ({ page }) => {
  await ensureSignedIn(page);
  const number = await registerComplaint(page);
  await page.getByRole('link', { name: '投诉件', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(number) }).click();
  const feedback = page.getByTestId('clock-feedback');
  await expect(feedback).toContainText('首次反馈时限');
  const before = await feedback.textContent();
  await shot(page, 'deadlines-01-case-deadlines');

  await page.getByRole('button', { name: '延期', exact: true }).click();
  await page.getByLabel('延长工作日数').fill('');
  await page.getByRole('button', { name: '确认' }).click();
  // Nothing typed: the core's messages appear next to the fields.
  await expect(page.getByText('必填').first()).toBeVisible();
  await page.getByLabel('延长工作日数').fill('3');
  await page.getByLabel('原因').fill('需调取门诊监控录像，等待保卫科配合');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('延长 3 个工作日：需调取门诊监控录像，等待保卫科配合')).toBeVisible();
  await expect(feedback).not.toHaveText(before ?? '');
  await expect(page.getByText('已延期一次')).toBeVisible();
  await page.getByTestId('case-deadlines').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/.artifacts/screens/deadlines-02b-deadlines-card.png' });
  await expect(page.getByRole('button', { name: '延期', exact: true })).toHaveCount(0);
  await shot(page, 'deadlines-02-extended');

  await page.getByRole('button', { name: '暂停计时' }).click();
  await page.getByLabel('原因').fill('等待投诉人提供缴费凭证');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('暂停原因：等待投诉人提供缴费凭证')).toBeVisible();
  await expect(page.getByTestId('deadline-alert').first()).toHaveText('暂停计时');
  await page.getByRole('button', { name: '恢复计时' }).click();
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText(/期限顺延至/)).toBeVisible();
  await shot(page, 'deadlines-03-paused-resumed');
});

test('settings: import next year, a local closure, working hours and a policy', async ({ page }) => {
  await ensureSignedIn(page);
  await page.getByRole('link', { name: '时限与日历' }).click();
  await expect(page.getByRole('heading', { name: '时限与工作日历' })).toBeVisible();
  await expect(page.getByTestId('calendar-covered-until')).toHaveText('节假日数据截至 2026-12-31');
  await expect(page.getByText(/10\/10.*国庆节/)).toBeVisible();
  await shot(page, 'deadlines-04-calendar');

  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"holidays":["2027-02-30"]}') });
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByText('日期 2027-02-30 不存在，请检查文件。')).toBeVisible();
  await shot(page, 'deadlines-05-import-refused');
  const ics = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270104',
    'SUMMARY:元旦 休',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270206',
    'DTEND;VALUE=DATE:20270214',
    'SUMMARY:春节 休',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270214',
    'SUMMARY:春节 补班',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await fileInput.setInputFiles({ name: 'holidays-2027.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('2027 年 11 个放假日、1 个调休上班日');
  await expect(page.getByTestId('calendar-covered-until')).toHaveText('节假日数据截至 2027-12-31');
  await shot(page, 'deadlines-06-imported-2027');

  await page.getByLabel('日期').fill('2026-12-24');
  await page.getByLabel('说明').fill('院内停电检修，停止受理');
  await page.getByRole('button', { name: '添加' }).click();
  await expect(page.getByTestId('local-day-2026-12-24')).toContainText('停业（不计工作日）');

  await page.getByRole('tab', { name: '工作时间与提醒' }).click();
  const hours = page.getByLabel('工作时段');
  await hours.fill('13:30-17:30\n08:30-12:00');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('每个时段的结束须晚于开始，时段按时间先后排列且不重叠')).toBeVisible();
  await shot(page, 'deadlines-07-hours-refused');
  await hours.fill('08:30-12:00\n13:30-17:30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('tab', { name: '时限规则' }).click();
  const row = page.getByTestId('policy-complaint-general');
  await expect(row).toContainText('5 个工作日（多部门 10）');
  await row.getByRole('button', { name: '修改' }).click();
  await page.getByLabel('首次反馈时限 · 数量').fill('4');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('4 个工作日（多部门 10）');
  await expect(row).toContainText('已修改');
  await shot(page, 'deadlines-08-policies');
  // Leave the shared store as the other specs expect it.
  await page.getByRole('button', { name: '全部恢复预设' }).click();
  await page.getByRole('button', { name: '全部恢复预设' }).click();
  await expect(row).toContainText('5 个工作日（多部门 10）');
});
