import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addSite, issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * What waits to be sent, as the administrator reads it: with the server away, the top bar counts
 * everything written since (a case, the audit of it), the sync page says of what kind; once the
 * server is back and a round ran, nothing waits.
 */
let server: ServerProcess;
let serverData: string;
let port: number;
let desk: Awaited<ReturnType<typeof startOwnHost>>;

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-waiting-'));
  const admin = await openServerStore({ dataDir: serverData });
  await addSite(admin.db, '市第一人民医院', new Date());
  const { code } = await issueEnrolmentCode(admin.db, '市第一人民医院', new Date());
  await admin.close();
  port = await freePort();
  server = await spawnServer({ port, dataDir: serverData });
  desk = await startOwnHost();
  await staffHospital(desk.url);
  await api(desk.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: code }, await tokenOf(desk.url, 'admin'));
});

test.afterAll(async () => {
  desk?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

test('the sync page says what waits, of each kind, and nothing once a round ran', async ({ browser }) => {
  test.setTimeout(120_000);
  const token = await tokenOf(desk.url, 'admin');
  await expect(async () => {
    expect(await api<{ pending: number; state: string }>(desk.url, 'sync.status', {}, token)).toMatchObject({ state: 'synced' });
  }).toPass({ timeout: 20_000 });
  await server.kill();
  await api(
    desk.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '陈建国', phone: '13912345678' },
      subject: '住院部夜间噪音',
      content: '住院部三楼夜间走廊噪音大，护士站无人处理。',
    },
    await tokenOf(desk.url, 'rec'),
  );
  for (const [language, words] of [
    ['zh-CN', { nav: '同步', kinds: '案件记录 1 条', waiting: '条待同步' }],
    ['en', { nav: 'Sync', kinds: 'case events 1,', waiting: 'waiting' }],
  ] as const) {
    const page = await browser.newPage();
    await signIn(page, 'admin', { url: desk.url, language });
    await page.getByRole('link', { name: words.nav, exact: true }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(words.kinds)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('sync-indicator')).toContainText(words.waiting);
    await shot(page, `sync-waiting-${language}`);
    await page.close();
  }

  server = await spawnServer({ port, dataDir: serverData });
  const page = await browser.newPage();
  await signIn(page, 'admin', { url: desk.url });
  await page.getByRole('link', { name: '同步', exact: true }).click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-indicator')).toHaveText('已同步', { timeout: 20_000 });
  await shot(page, 'sync-waiting-none');
});
