import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot, signIn } from '../flows.ts';
import { hostUrlOf } from '../ownHost.ts';
import { setUpDesk } from '../staff.ts';

/**
 * After a crash the desk opens at once and checks its store in the background, saying so on the
 * sign-in page and in the top bar. On a host of its own, killed without closing. A small store's
 * check ends in milliseconds, so the page's view of it is held "checking" until the test lets go.
 */
const hosts: ChildProcess[] = [];
test.afterAll(() => {
  for (const h of hosts) h.kill('SIGKILL');
});

async function startHost(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/http/webHost.ts', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  hosts.push(child);
  return { child, ...(await hostUrlOf(child)) };
}

test('after a crash the desk opens at once and says it is checking its data', async ({ page }) => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-crash-'));
  const first = await startHost(dataDir);
  await setUpDesk(first.url);
  // A power cut: no orderly close, so no clean-close marker.
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));

  const host = await startHost(dataDir);
  let holding = true;
  let checkedFor = 0;
  await page.route('**/api/desk.health', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; data?: { state: string; checking?: boolean } };
    if (body.data?.state === 'ok' && 'checking' in body.data) checkedFor++;
    if (holding && body.data?.state === 'ok') body.data.checking = true;
    await route.fulfill({ response, json: body });
  });

  await page.goto(host.url);
  const notice = page.getByTestId('store-check-notice');
  await expect(notice).toContainText('正在后台检查数据');
  await expect(notice).toContainText('可以照常工作');
  await shot(page, 'store-check-sign-in-zh-CN');
  await signIn(page, 'admin');
  await expect(page.getByTestId('store-check')).toHaveText('正在检查数据…');
  await page.getByTestId('store-check').hover();
  await expect(page.getByRole('tooltip')).toContainText('上次没有正常关闭');
  await page.waitForLoadState('networkidle');
  await shot(page, 'store-check-top-bar-zh-CN');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.evaluate(() => localStorage.setItem('desk.language', 'en'));
  await page.reload();
  await expect(notice).toContainText('Checking the data in the background');
  await shot(page, 'store-check-sign-in-en');
  await signIn(page, 'admin', { language: 'en' });
  await expect(page.getByTestId('store-check')).toHaveText('Checking data…');
  await page.waitForLoadState('networkidle');
  await shot(page, 'store-check-top-bar-en');

  // The check over: the word goes by itself (the badge polls while it shows).
  holding = false;
  await expect(page.getByTestId('store-check')).toHaveCount(0);
  expect(checkedFor).toBeGreaterThan(0);
});
