import { expect, type Page } from '@playwright/test';
import { password, type Staff, staff } from './staff.ts';

/**
 * The walking-skeleton flow, shared by the Chromium and Electron specs: first-run wizard,
 * sign-in, register a complaint in Chinese, find it by a two-character substring, accept it.
 */
export const complaint = {
  name: '陈建国',
  phone: '13912345678',
  subject: '候诊时间过长',
  content: '今天上午在内科候诊两个多小时，叫号系统显示混乱，护士站无人解释。',
  searchFor: '叫号',
};

/** The shared host's first-run link: its address with the setup token it printed (playwright.config.ts). */
export const firstRunPath = `/?setup=${process.env.DESK_SETUP_TOKEN ?? ''}`;

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/.artifacts/screens/${name}.png`, fullPage: true });
}

/** Sets the desk up through the wizard; answers the recovery key it showed once. */
export async function runWizard(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: '首次使用：设置受理台' })).toBeVisible();
  await page.getByLabel('机构名称').fill('市第一人民医院');
  await page.getByLabel('医院 / 诊所').check();
  await shot(page, '01-wizard-org');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('姓名').fill(staff.firstAdmin.displayName);
  await page.getByLabel('登录名').fill(staff.firstAdmin.username);
  await page.getByLabel(/^密码/).fill('short');
  await page.getByLabel('再次输入密码').fill('short');
  await page.getByRole('button', { name: '完成设置' }).click();
  // The core refuses a short password next to the field, in Chinese, and writes nothing.
  await expect(page.getByText('至少 8 个字符')).toBeVisible();
  await shot(page, '02-wizard-bad-password');
  await page.getByLabel(/^密码/).fill(password);
  await page.getByLabel('再次输入密码').fill(password);
  await page.getByRole('button', { name: '完成设置' }).click();
  // An encrypted desk shows its recovery key once, and waits until it is written down.
  await expect(page.getByTestId('recovery-key')).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const recoveryKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await shot(page, '02b-wizard-recovery-key');
  await expect(page.getByRole('button', { name: '继续' })).toBeDisabled();
  await page.getByLabel('我已抄写或打印恢复密钥，并会妥善保管').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByText('设置完成，请登录。')).toBeVisible();
  return recoveryKey;
}

/** The sign-in screen's words in the languages the specs sign in with. */
const signInWords = {
  'zh-CN': { username: '登录名', password: /^密码/, signIn: '登录', signOut: '退出登录', signedIn: (name: string) => `当前用户：${name}` },
  'zh-TW': { username: '登入名稱', password: /^密碼/, signIn: '登入', signOut: '登出', signedIn: (name: string) => `目前使用者：${name}` },
  en: {
    username: 'Username',
    password: /^Password/,
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedIn: (name: string) => `Signed in: ${name}`,
  },
} as const;

/**
 * Signs one of the staff in at the sign-in screen and waits for their name in the top bar.
 * `url` opens the desk first; `language` switches the screen first; whoever
 * is signed in at a shared workstation signs out first; `shot` photographs the filled form.
 */
export async function signIn(page: Page, who: Staff, options: { url?: string; language?: keyof typeof signInWords; shot?: string } = {}) {
  if (options.url) await page.goto(options.url);
  if (options.language) {
    await page.evaluate((language) => localStorage.setItem('desk.language', language), options.language);
    await page.reload();
  }
  const words = signInWords[options.language ?? 'zh-CN'];
  const signOut = page.getByRole('button', { name: words.signOut });
  const signInButton = page.getByRole('button', { name: words.signIn, exact: true });
  await expect(signInButton.or(signOut).first()).toBeVisible();
  // A sign-out already under way detaches its button before the form shows: the form is what counts.
  if (!(await signInButton.isVisible())) await signOut.click({ timeout: 5_000 }).catch(() => {});
  await expect(signInButton).toBeVisible();
  await page.getByLabel(words.username).fill(staff[who].username);
  await page.getByLabel(words.password).fill(password);
  if (options.shot) await shot(page, options.shot);
  await signInButton.click();
  await expect(page.getByText(words.signedIn(staff[who].displayName))).toBeVisible();
}

export async function registerComplaint(page: Page): Promise<string> {
  await page.getByRole('link', { name: '登记', exact: true }).click();
  await page.getByLabel('姓名').fill(complaint.name);
  await page.getByLabel('联系电话').fill('12ab');
  await page.getByLabel('事由').fill(complaint.subject);
  await page.getByLabel('投诉内容').fill(complaint.content);
  await page.getByRole('button', { name: /保存登记/ }).click();
  await expect(page.getByText('请输入有效的电话号码', { exact: false })).toBeVisible();
  await shot(page, '04-register-bad-phone');
  await page.getByLabel('联系电话').fill(complaint.phone);
  await page.getByRole('button', { name: /保存登记/ }).click();
  const saved = page.getByText(/已登记，投诉编号 \d{4}-\d{4}/);
  await expect(saved).toBeVisible();
  await shot(page, '05-registered');
  const number = (await saved.textContent())?.match(/\d{4}-\d{4}/)?.[0];
  if (!number) throw new Error('no case number shown');
  return number;
}

export async function findAndAccept(page: Page, number: string) {
  await page.getByRole('link', { name: '投诉件', exact: true }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill(complaint.searchFor);
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(row).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  await shot(page, '06-search-two-characters');
  await row.click();
  await expect(page.getByTestId('case-status')).toHaveText('已登记，待受理');
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await page.getByRole('combobox', { name: '牵头部门' }).click();
  await page.getByRole('option', { name: '门诊部' }).click();
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已受理，已转责任部门');
  await expect(page.getByText('受理并转责任部门')).toBeVisible();
  await shot(page, '07-accepted');
}
