import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '../axe.ts';
import { signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * Every screen of the desk, in simplified Chinese, traditional Chinese and English, through axe
 * (WCAG 2.1 A and AA): no serious or critical violation. Each screen is also photographed at
 * 1366×768 for a person to look at (e2e/.artifacts/screens/every-<language>-<screen>.png).
 */
const languages = ['zh-CN', 'zh-TW', 'en'] as const;
/** The pages behind the sign-in, as the administrator of a hospital desk reaches them (every role's pages). */
const pages = [
  '/register',
  '/board',
  '/inbox',
  '/follow-ups',
  '/inquiry',
  '/cases',
  '/case',
  '/reports',
  '/reports/analysis',
  '/reports/performance',
  '/reports/actions',
  '/backup',
  '/backup/restore',
  '/seals',
  '/retention',
  '/settings/deadlines',
  '/admin/settings',
  '/admin/departments',
  '/admin/categories',
  '/admin/users',
  '/admin/audit',
  '/account',
];

let host: Awaited<ReturnType<typeof startOwnHost>>;
let caseId = '';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  const { outpatientId } = await staffHospital(host.url);
  const token = await tokenOf(host.url, 'rec');
  const registered = await api<{ id: string }>(
    host.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '陈建国', phone: '13912345678', relation: 'patient' },
      subject: '候诊时间过长',
      content: '今天上午在内科候诊两个多小时，叫号系统显示混乱，护士站无人解释。',
      demands: '要求改进叫号系统',
      respondent: { departmentId: outpatientId },
    },
    token,
  );
  caseId = registered.id;
  await api(host.url, 'cases.act', { id: caseId, action: { type: 'accept', departmentId: outpatientId } }, token);
});
test.afterAll(() => host?.stop());

async function settle(page: Page) {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

for (const language of languages) {
  test(`no serious or critical accessibility violation on any screen in ${language}`, async ({ page }) => {
    // About 25 screens, each read whole by axe: minutes on a shared machine.
    test.setTimeout(900_000);
    const found: string[] = [];
    await page.goto(host.url);
    await page.evaluate((l) => localStorage.setItem('desk.language', l), language);
    await page.reload();
    await settle(page);
    found.push(...(await seriousViolations(page, 'login')));
    await page.screenshot({ path: `e2e/.artifacts/screens/every-${language}-login.png` });
    await signIn(page, 'admin', { language });
    for (const path of pages) {
      await page.goto(`${host.url}#${path === '/case' ? `/cases/${caseId}` : path}`);
      await settle(page);
      const name = path.slice(1).replace(/\//g, '-');
      found.push(...(await seriousViolations(page, `${language} ${path}`)));
      await page.screenshot({ path: `e2e/.artifacts/screens/every-${language}-${name}.png` });
    }
    expect(found).toEqual([]);
  });
}

test('no serious or critical accessibility violation in the first-run wizard', async ({ page }) => {
  const fresh = await startOwnHost();
  try {
    await page.goto(fresh.setupUrl);
    await settle(page);
    expect(await seriousViolations(page, 'wizard')).toEqual([]);
    await page.screenshot({ path: 'e2e/.artifacts/screens/every-zh-CN-wizard.png' });
  } finally {
    fresh.stop();
  }
});
