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
import { password, staff, staffHospital, tokenOf } from '../staff.ts';

/**
 * Two desks of one hospital (two browser hosts) and one sync server: the administrator of desk
 * A joins the site in Settings → Sync (a wrong code refused at the field first), a case
 * registered on A appears on B within seconds, a handler on B answers it, and A sees the answer.
 */
let server: ServerProcess;
let serverData: string;
let a: Awaited<ReturnType<typeof startOwnHost>>;
let b: Awaited<ReturnType<typeof startOwnHost>>;
const codes: string[] = [];
let outpatientB = '';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-sync-'));
  const admin = await openServerStore({ dataDir: serverData });
  await addSite(admin.db, '市第一人民医院', new Date());
  for (let i = 0; i < 2; i++) codes.push((await issueEnrolmentCode(admin.db, '市第一人民医院', new Date())).code);
  await admin.close();
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  [a, b] = await Promise.all([startOwnHost(), startOwnHost()]);
  await staffHospital(a.url);
  outpatientB = (await staffHospital(b.url)).outpatientId;
  const adminB = { token: await tokenOf(b.url, 'admin') };
  await api(b.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: codes[1] }, adminB.token);
});

test.afterAll(async () => {
  a?.stop();
  b?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

test('a case registered on one desk is answered on the other, and the first desk sees the answer', async ({ browser }) => {
  test.setTimeout(120_000);
  const pageA = await browser.newPage();
  await signIn(pageA, 'admin', { url: a.url });
  await pageA.getByRole('link', { name: '同步', exact: true }).click();
  await pageA.getByLabel('服务器地址').fill(server.url);
  await pageA.getByLabel('加入码').fill('WRNG-CODE-0000');
  await pageA.getByRole('button', { name: '加入站点' }).click();
  await expect(pageA.getByText('此加入码无效或已被使用')).toBeVisible();
  await pageA.getByLabel('加入码').fill(codes[0] ?? '');
  await pageA.getByRole('button', { name: '加入站点' }).click();
  await expect(pageA.getByTestId('sync-page-state')).toBeVisible();
  // Desk B joined first (before the test): A takes the site's second prefix.
  await expect(pageA.getByText('B', { exact: true })).toBeVisible();
  await expect(pageA.getByTestId('sync-indicator')).toContainText('已同步', { timeout: 15_000 });
  await shot(pageA, 'sync-01-joined');

  const recA = { token: await tokenOf(a.url, 'rec') };
  const registered = await api<{ id: string; number: string }>(
    a.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '陈建国', phone: '13912345678' },
      subject: '住院部夜间噪音',
      content: '住院部三楼夜间走廊噪音大，护士站无人处理。',
    },
    recA.token,
  );
  expect(registered.number.startsWith('B')).toBe(true);

  // Desk B finds it within seconds, by itself.
  const pageB = await browser.newPage();
  await signIn(pageB, 'sup', { url: b.url });
  await expect(async () => {
    // A hash change alone keeps the page and its cached answers: load it afresh.
    await pageB.goto(`${b.url}#/cases`);
    await pageB.reload();
    await expect(pageB.getByText(registered.number)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await shot(pageB, 'sync-02-arrived-on-b');

  // On B the supervisor routes it to B's outpatient handler, who answers.
  const supB = { token: await tokenOf(b.url, 'sup') };
  const hanB = await api<{ token: string; user: { id: string } }>(b.url, 'auth.login', { username: staff.han.username, password });
  await api(
    b.url,
    'cases.act',
    { id: registered.id, action: { type: 'accept', departmentId: outpatientB, handlerId: hanB.user.id } },
    supB.token,
  );
  await api(b.url, 'cases.act', { id: registered.id, action: { type: 'startInvestigation' } }, hanB.token);
  const proposal = { type: 'propose', text: '核实属实，安排夜班巡查。', finding: 'valid' };
  await api(b.url, 'cases.act', { id: registered.id, action: proposal }, hanB.token);
  await api(b.url, 'cases.act', { id: registered.id, action: { type: 'approve' } }, supB.token);
  await api(
    b.url,
    'cases.act',
    { id: registered.id, action: { type: 'respond', channel: 'phone', content: '已安排夜班巡查，噪音问题已处理。' } },
    hanB.token,
  );

  // A sees the answer.
  await expect(async () => {
    await pageA.goto(`${a.url}#/cases/${registered.id}`);
    await pageA.reload();
    await expect(pageA.getByTestId('case-status')).toContainText('已答复', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(pageA.getByText('已安排夜班巡查')).toBeVisible();
  await shot(pageA, 'sync-03-answer-on-a');
});

test('the departments both desks seeded are one, and an account name both gave to two people is settled on the sync page', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const adminA = await api<{ token: string }>(a.url, 'auth.login', { username: staff.admin.username, password });
  // A joined after B: its 门诊部 was merged into B's (the site's), not doubled.
  await expect(async () => {
    const { items } = await api<{ items: { id: string; name: string }[] }>(a.url, 'departments.list', {}, adminA.token);
    expect(items.filter((d) => d.id === outpatientB)).toHaveLength(1);
    expect(new Set(items.map((d) => d.name)).size).toBe(items.length);
  }).toPass({ timeout: 20_000 });

  const page = await browser.newPage();
  await signIn(page, 'admin', { url: a.url });
  await page.getByRole('link', { name: '同步', exact: true }).click();
  const row = page.getByTestId(`clash-${staff.han.username}`);
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('sync-clashes')).toContainText('个登录名被两个人使用');
  await shot(page, 'sync-04-clashes');

  await row.getByRole('button', { name: '给本台账号改名' }).click();
  await page.getByLabel('新登录名').fill(staff.admin.username);
  await page.getByTestId('clash-rename-save').click();
  await expect(page.getByText('这个登录名已被使用')).toBeVisible();
  await page.getByLabel('新登录名').fill(`${staff.han.username}-a`);
  await page.getByTestId('clash-rename-save').click();
  await expect(row).toHaveCount(0);
  // The renamed account signs in on A under its new name; the site's 赵医生 has the old one.
  const renamed = await api<{ user: { displayName: string } }>(a.url, 'auth.login', { username: `${staff.han.username}-a`, password });
  expect(renamed.user.displayName).toBe(staff.han.displayName);
  await shot(page, 'sync-05-clash-settled');
});

test('evidence registered on one desk opens on the other, and says so when it cannot be fetched; the prefix is the site’s', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const recA = await api<{ token: string }>(a.url, 'auth.login', { username: staff.rec.username, password });
  const ref = await api<{ sha256: string; name: string; mime: string; size: number }>(
    a.url,
    'attachments.upload',
    { name: '病房走廊照片.png', mime: 'image/png', dataBase64: photo.toString('base64') },
    recA.token,
  );
  const registered = await api<{ id: string; number: string }>(
    a.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '刘芳', phone: '13812345678' },
      subject: '病房走廊堆放杂物',
      content: '住院部五楼走廊堆放杂物，影响通行。',
      attachments: [ref],
    },
    recA.token,
  );

  // On B the photo comes with the case (fetched from the site server) and shows as on A.
  const pageB = await browser.newPage();
  await signIn(pageB, 'sup', { url: b.url });
  await expect(async () => {
    await pageB.goto(`${b.url}#/cases/${registered.id}`);
    await pageB.reload();
    await expect(pageB.getByRole('img', { name: '病房走廊照片.png' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await shot(pageB, 'sync-06-evidence-on-b');

  // The settings show the prefix the site gave desk A, read-only, with why.
  const pageA = await browser.newPage();
  await signIn(pageA, 'admin', { url: a.url });
  await pageA.goto(`${a.url}#/admin/settings`);
  await expect(pageA.getByTestId('site-prefix')).toHaveValue('B');
  await expect(pageA.getByTestId('site-prefix')).toHaveAttribute('readonly', '');
  await expect(pageA.getByText('前缀 B 由站点分配')).toBeVisible();
  await shot(pageA, 'sync-07-prefix-from-site');

  // B's copy gone and the server away: the tile says the file cannot be fetched now, in words.
  fs.rmSync(path.join(b.dataDir, 'attachments', ref.sha256.slice(0, 2), ref.sha256));
  await server.kill();
  await pageB.reload();
  await expect(pageB.getByTestId('evidence-unavailable')).toContainText('目前无法连接站点服务器');
  await shot(pageB, 'sync-08-evidence-offline');
});
