import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shot } from '../flows.ts';
import { countingKeyboard, focusedName } from '../keyboardCount.ts';
import { startOwnHost } from '../ownHost.ts';
import { printedCount, stubBrowserPrint } from '../printStub.ts';
import { password, staff, staffHospital } from '../staff.ts';

/**
 * The desk in a receptionist's hands at a busy window: from sign-in to the slip sent to the
 * printer with the keyboard alone, counting the keys that are not text (a regression guard: a
 * count, not a time). Enter moves between fields and never saves; a refused save takes focus to
 * the first field to fix and the footer names the fields; each role lands where its work is.
 */
let host: Awaited<ReturnType<typeof startOwnHost>>;

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  await staffHospital(host.url);
});
test.afterAll(() => host?.stop());

async function signInWithKeys(page: Page, username: string, keys: ReturnType<typeof countingKeyboard>) {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  // The sign-in form starts in the username.
  await expect(page.getByLabel('登录名')).toBeFocused();
  await keys.type(username);
  await keys.press('Tab');
  await keys.type(password);
  await keys.press('Enter');
}

test('a walk-in complaint from sign-in to the slip at the printer with the keyboard alone, in at most 12 keys besides the text', async ({
  page,
}) => {
  const keys = countingKeyboard(page);
  await signInWithKeys(page, staff.rec.username, keys);
  await expect(page.getByText(`当前用户：${staff.rec.displayName}`)).toBeVisible();
  await stubBrowserPrint(page);
  // A receptionist lands in the complainant's name, not on the page body behind the menu.
  await expect(page.getByRole('textbox', { name: /^姓名/ })).toBeFocused();
  await keys.type('陈建国');
  await keys.press('Tab');
  await keys.type('13912345678');
  // Enter in a single-line field moves on to the next field to type in, and never saves.
  for (let i = 0; i < 8 && !(await focusedName(page)).startsWith('事由'); i++) await keys.press('Enter');
  expect(await focusedName(page), keys.keys.join(' ')).toMatch(/^事由/);
  await keys.type('候诊时间过长');
  await keys.press('Enter');
  await expect(page.getByRole('textbox', { name: /^投诉内容/ })).toBeFocused();
  await expect(page.getByTestId('registered')).toHaveCount(0);
  await keys.type('今天上午在内科候诊两个多小时，叫号系统显示混乱，护士站无人解释。');
  await keys.press('Control+Shift+S');
  await expect(page.getByTestId('registered')).toContainText(/投诉编号 \d{4}-\d{4}/);
  await expect(page.getByText('已发送到打印机（第 1 份）')).toBeVisible();
  expect(await printedCount(page)).toBe(1);
  // Ready for the next person: the form is empty and focus is back in the name.
  await expect(page.getByRole('textbox', { name: /^姓名/ })).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^姓名/ })).toHaveValue('');
  await shot(page, 'keyboard-01-slip-printed');
  test.info().annotations.push({ type: 'keys', description: `${keys.count}: ${keys.keys.join(' ')}` });
  expect(keys.count, `keys pressed: ${keys.keys.join(' ')}`).toBeLessThanOrEqual(12);

  // The slip preview has its shortcut too, shown on its button.
  await expect(page.getByRole('button', { name: /打印预览.*Ctrl\+Shift\+P/ })).toBeVisible();
  await keys.press('Control+Shift+P');
  await expect(page.frameLocator('[data-testid="print-frame"]').getByText('受理回执')).toBeVisible();
});

test('a refused save takes focus to the first field to fix and the footer names the fields; the phone is checked when left', async ({
  page,
}) => {
  const keys = countingKeyboard(page);
  await signInWithKeys(page, staff.rec.username, keys);
  await expect(page.getByRole('textbox', { name: /^姓名/ })).toBeFocused();
  await keys.type('刘芳');
  await keys.press('Tab');
  await keys.type('12ab');
  await keys.press('Tab');
  // Checked on leaving the field, before any save.
  await expect(page.getByText(/请输入有效的电话号码/)).toBeVisible();
  await page.getByLabel('联系电话').fill('13900001111');
  await page.getByLabel('事由').fill('收费窗口多收挂号费');
  await page.getByLabel('投诉内容').fill('挂号费多收了十元。');
  // A receipt time far in the future, below the fold behind the sticky footer.
  await page.getByLabel('收到时间').fill('2099-01-01 10:00');
  await keys.press('Control+s');
  await expect(page.getByText('受理时间不能晚于现在')).toBeVisible();
  await expect(page.getByLabel('收到时间')).toBeFocused();
  await expect(page.getByLabel('收到时间')).toBeInViewport();
  await expect(page.getByTestId('fields-in-error')).toHaveText('请修改：收到时间');
  await shot(page, 'keyboard-02-refused-save');
  await expect(page.getByTestId('registered')).toHaveCount(0);
});

test('each role lands where its work is: the supervisor on the approvals waiting, the handler on their cases', async ({ page }) => {
  const keys = countingKeyboard(page);
  await signInWithKeys(page, staff.sup.username, keys);
  await expect(page).toHaveURL(/#\/inbox$/);
  await expect(page.getByTestId('inbox-approvals').getByRole('heading')).toBeFocused();
  await page.getByRole('button', { name: '退出登录' }).click();
  await signInWithKeys(page, staff.han.username, keys);
  await expect(page).toHaveURL(/#\/inbox$/);
  await expect(page.getByTestId('inbox-assigned').getByRole('heading')).toBeFocused();
});
