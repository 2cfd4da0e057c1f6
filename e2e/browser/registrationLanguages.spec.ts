import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from '../flows.ts';
import { startOwnHost } from '../ownHost.ts';
import { addStaff, setUpDesk } from '../staff.ts';

/**
 * A new receptionist's whole registration in English and in traditional Chinese: the form, the
 * refusals at the fields, the saved case with its slip preview, and a decline with its notice.
 * Every label, button, heading and message of the desk's own must be in the chosen language (the
 * desk's reference data, seeded in Chinese, and what the complainant said are not).
 */
let host: Awaited<ReturnType<typeof startOwnHost>>;

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  const token = await setUpDesk(host.url, 'City No. 1 Hospital');
  await addStaff(host.url, token, 'enRec', ['receptionist']);
});
test.afterAll(() => host?.stop());

/** The desk's own words on screen (labels, buttons, headings, alerts, hints), not the data typed in. */
async function chromeTexts(page: Page): Promise<string[]> {
  return page
    .locator('label, button, h1, h2, h3, h4, [role="alert"], .mantine-InputWrapper-description, .mantine-Alert-title, th')
    .evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).map((n) => (n.textContent ?? '').trim()));
}

const hanzi = /[\u4e00-\u9fff]/;
/** Reference data seeded in Chinese and the language menu's own names may show in any language. */
const allowed = /简体中文|繁體中文|急诊科|门诊部|药剂科|设施设备|服务态度|医疗质量|收费|环境卫生|其他|—/g;

async function expectAllEnglish(page: Page, where: string) {
  const texts = await chromeTexts(page);
  expect(texts.length, where).toBeGreaterThan(20);
  const untranslated = texts.filter((t) => hanzi.test(t.replace(allowed, '')));
  expect(untranslated, where).toEqual([]);
}

async function switchLanguage(page: Page, from: string, to: string) {
  await page.getByRole('combobox', { name: from }).click();
  await page.getByRole('option', { name: to }).click();
}

test('the registration flow in English: form, refusals, slip preview, decline and its notice', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'enRec', { url: host.url });
  await switchLanguage(page, '语言', 'English');
  await page.goto(`${host.url}#/register`);
  await expect(page.getByRole('heading', { name: 'Register' })).toBeVisible();
  await expectAllEnglish(page, 'empty form');

  await page.getByLabel('Phone').fill('12345');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Required').first()).toBeVisible();
  await expectAllEnglish(page, 'refusals');
  await shot(page, 'lang-en-01-refusals');

  await page.getByRole('textbox', { name: /^Name/ }).fill('Mary Chan');
  await page.getByLabel('Phone').fill('+852 9123 4567');
  await page.getByRole('textbox', { name: /^Subject/ }).fill('Lift out of order');
  await page
    .getByRole('textbox', { name: /^Account/ })
    .fill('The lift in block B has been broken for three days; elderly residents cannot get home.');
  await page.keyboard.press('Control+s');
  const saved = page.getByTestId('registered');
  await expect(saved).toBeVisible();
  await expectAllEnglish(page, 'saved');
  await shot(page, 'lang-en-02-saved');

  await saved.getByRole('button', { name: 'Print preview' }).click();
  const slip = page.frameLocator('[data-testid="print-frame"]');
  await expect(slip.getByText('Subject: Lift out of order')).toBeVisible();
  // Chinese punctuation and letter-spacing belong to the Chinese slip only.
  expect(await slip.locator('body').innerText()).not.toMatch(/[：，。]/);
  expect(await slip.locator('.title').evaluate((e) => getComputedStyle(e).letterSpacing)).toBe('normal');
  await expectAllEnglish(page, 'slip preview');
  await shot(page, 'lang-en-03-slip-preview');
  await page.keyboard.press('Escape');

  await saved.getByRole('button', { name: 'Decline' }).click();
  await expectAllEnglish(page, 'decline form');
  await shot(page, 'lang-en-04-decline');
});

test('the registration flow in traditional Chinese: a letter dated in the future is refused at its date, then saved', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'enRec', { url: host.url });
  await switchLanguage(page, '语言', '繁體中文');
  await page.goto(`${host.url}#/register`);
  await page.getByLabel('投訴渠道').selectOption('letter');
  await page.getByRole('textbox', { name: /^姓名/ }).fill('陳大文');
  await page.getByRole('textbox', { name: /^事由/ }).fill('電梯故障');
  await page.getByRole('textbox', { name: /^投訴內容/ }).fill('B 座電梯停運三天。');
  await page.getByLabel('來信編號').fill('XF-2026-118');
  await page.getByLabel('來信日期').fill('2099-01-01');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('不能晚於今天')).toBeVisible();
  await expect(page.getByTestId('registered')).toHaveCount(0);
  await shot(page, 'lang-zh-TW-01-refused');
  await page.getByLabel('來信日期').fill('2026-11-02');
  await page.keyboard.press('Control+s');
  // The English test registered the first case; the refused letter took no number.
  await expect(page.getByTestId('registered')).toContainText(/\d{4}-0002/);
  await shot(page, 'lang-zh-TW-02-saved');
  await switchLanguage(page, '語言', '简体中文');
});
