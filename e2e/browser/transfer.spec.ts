import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { addSite, issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * Two sites of one group, a desk each (two browser hosts) and one sync server: a supervisor on
 * desk A transfers a case to the other site from its page (refused at the fields first, nothing
 * written), desk A keeps it read-only, desk B finds it on its board marked as transferred in,
 * with its whole history, and handles it.
 */
let server: ServerProcess;
let serverData: string;
let a: Awaited<ReturnType<typeof startOwnHost>>;
let b: Awaited<ReturnType<typeof startOwnHost>>;
let outpatientB = '';
let registered: { id: string; number: string };
/** A case of the sending site the transferred one is linked to: the receiving desk does not hold it. */
let related: { id: string; number: string };

const sending = '市第一人民医院';
const receiving = '城东分院';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-transfer-'));
  const store = await openServerStore({ dataDir: serverData });
  await addSite(store.db, sending, new Date());
  await addSite(store.db, receiving, new Date());
  const codeA = (await issueEnrolmentCode(store.db, sending, new Date())).code;
  const codeB = (await issueEnrolmentCode(store.db, receiving, new Date())).code;
  await store.close();
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  [a, b] = await Promise.all([startOwnHost(), startOwnHost()]);
  await staffHospital(a.url);
  outpatientB = (await staffHospital(b.url)).outpatientId;
  await api(a.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: codeA }, await tokenOf(a.url, 'admin'));
  await api(b.url, 'sync.configure', { serverUrl: server.url, enrolmentCode: codeB }, await tokenOf(b.url, 'admin'));
  const complaint = async (complainant: { name: string; phone: string }, subject: string, content: string) =>
    api<{ id: string; number: string }>(
      a.url,
      'cases.register',
      { type: 'complaint', channel: 'phone', complainant, subject, content },
      await tokenOf(a.url, 'rec'),
    );
  registered = await complaint(
    { name: '刘桂英', phone: '13812345678' },
    '城东分院住院部陪护收费不透明',
    '在城东分院住院部陪护三天，收费项目未公示，护士站无法说明。',
  );
  related = await complaint({ name: '王秀兰', phone: '13812340001' }, '住院部陪护收费标准询问', '询问住院部陪护收费标准。');
  await api(a.url, 'cases.act', { id: registered.id, action: { type: 'link', number: related.number } }, await tokenOf(a.url, 'sup'));
  // Both desks have been through a round: each knows the group's sites.
  await api(a.url, 'sync.now', {}, await tokenOf(a.url, 'admin'));
  await api(b.url, 'sync.now', {}, await tokenOf(b.url, 'admin'));
});

test.afterAll(async () => {
  a?.stop();
  b?.stop();
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

/** Reloads until the assertion holds: the other desk's sync runs on its own clock. */
async function eventually(page: Page, url: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(url);
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

test('a case transferred from one site reaches the other site’s board with its history, and is handled there', async ({ browser }) => {
  test.setTimeout(150_000);
  const pageA = await browser.newPage();
  await signIn(pageA, 'sup', { url: a.url });
  await pageA.goto(`${a.url}#/cases/${registered.id}`);
  await pageA.getByRole('button', { name: '转办到其他站点' }).click();
  // Neither a site nor a reason: refused at the fields, nothing written.
  await pageA.getByRole('button', { name: '转办', exact: true }).click();
  await expect(pageA.getByTestId('transfer-panel').getByText('必填')).toHaveCount(2);
  await expect(pageA.getByTestId('case-timeline').getByText('转办')).toHaveCount(0);
  await pageA.getByRole('combobox', { name: '接收站点' }).click();
  await pageA.getByRole('option', { name: receiving }).click();
  await pageA.getByLabel('转办理由').fill('投诉事项发生在城东分院住院部，由分院核实处理。');
  await shot(pageA, 'transfer-01-dialog-zh');
  await pageA.getByRole('button', { name: '转办', exact: true }).click();
  await expect(pageA.getByTestId('case-transfer')).toContainText(`已转办至${receiving}`);
  await expect(pageA.getByTestId('case-status')).toContainText('已转');
  await expect(pageA.getByRole('button', { name: '转办到其他站点' })).toHaveCount(0);
  await expect(pageA.getByTestId('case-timeline')).toContainText(`${sending} → ${receiving}`);
  await shot(pageA, 'transfer-02-sent-zh');

  // Desk B: on its board, to accept, marked as transferred in.
  const pageB = await browser.newPage();
  await signIn(pageB, 'sup', { url: b.url });
  const card = pageB.getByTestId('board-card').filter({ hasText: registered.number });
  await eventually(pageB, `${b.url}#/board`, async () => {
    await expect(card.getByTestId('board-card-transfer')).toHaveText(`转自${sending}`, { timeout: 2_000 });
  });
  await shot(pageB, 'transfer-03-board-b-zh');
  await card.click();
  await expect(pageB.getByTestId('case-transfer')).toContainText(`由${sending}转来`);
  await expect(pageB.getByTestId('case-timeline')).toContainText('住院部陪护收费不透明');
  await expect(pageB.getByTestId('case-timeline')).toContainText(`${sending} → ${receiving}`);
  // The case of the sending site it is linked to is named as words, not a link to a page B does not hold.
  await expect(pageB.getByTestId('case-timeline').getByTestId('case-elsewhere')).toHaveText(
    `${sending}的投诉件 ${related.number}（不在本受理台）`,
  );
  await expect(pageB.getByTestId('related-elsewhere')).toContainText(related.number);
  await expect(pageB.getByRole('link', { name: related.number })).toHaveCount(0);

  // B handles it: accepted into its own outpatient department.
  await api(b.url, 'cases.act', { id: registered.id, action: { type: 'accept', departmentId: outpatientB } }, await tokenOf(b.url, 'sup'));
  await pageB.reload();
  await expect(pageB.getByTestId('case-status')).toContainText('已受理');
  await shot(pageB, 'transfer-04-handled-b-zh');

  // The same in English, at the same screen size.
  await signIn(pageA, 'sup', { url: a.url, language: 'en' });
  await pageA.goto(`${a.url}#/cases/${registered.id}`);
  await expect(pageA.getByTestId('case-transfer')).toContainText(`Transferred to ${receiving}`);
  await expect(pageA.getByTestId('deadlines-elsewhere')).toContainText(receiving);
  await shot(pageA, 'transfer-05-sent-en');
  await signIn(pageB, 'sup', { url: b.url, language: 'en' });
  await pageB.goto(`${b.url}#/board`);
  await expect(card.getByTestId('board-card-transfer')).toHaveText(`From ${sending}`);
  await shot(pageB, 'transfer-06-board-b-en');
  await pageB.goto(`${b.url}#/cases/${registered.id}`);
  await expect(pageB.getByTestId('case-transfer')).toContainText(`Transferred in from ${sending}`);
  await expect(pageB.getByTestId('case-timeline').getByTestId('case-elsewhere')).toHaveText(
    `Case ${related.number} of ${sending} (not held at this desk)`,
  );
  await shot(pageB, 'transfer-07-handled-b-en');
});

test('the group console transfers a case from its case view, and the receiving desk gets it', async ({ browser }) => {
  test.setTimeout(150_000);
  // The group is set up with the link the server printed (the console's own walk covers the page).
  const token = server.log.find((line) => line.includes('?setup='))?.match(/\?setup=([\w-]+)/)?.[1] ?? '';
  const consolePassword = 'Group-Admin-2026';
  const setUp = await fetch(`${server.url}/api/setup.init`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [setupTokenHeader]: token },
    body: JSON.stringify({ groupName: '示例医疗集团', admin: { username: 'jituan', password: consolePassword, displayName: '周集团' } }),
  });
  expect(setUp.ok).toBe(true);
  const second = await api<{ id: string; number: string }>(
    a.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '王建华', phone: '13912340000' },
      subject: '城东分院门诊挂号排队过长',
      content: '城东分院门诊挂号窗口只开一个，排队一个多小时。',
    },
    await tokenOf(a.url, 'rec'),
  );
  await api(a.url, 'sync.now', {}, await tokenOf(a.url, 'admin'));

  const page = await browser.newPage({ locale: 'zh-CN' });
  await page.goto(server.url);
  await page.getByLabel('用户名').fill('jituan');
  await page.getByLabel('密码').fill(consolePassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.goto(`${server.url}#/search/cases/${second.id}`);
  await page.getByTestId('console-transfer').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '接收站点' }).click();
  await page.getByRole('option', { name: receiving }).click();
  await dialog.getByLabel('转办理由').fill('挂号窗口属城东分院，由分院整改。');
  await shot(page, 'transfer-08-console-dialog-zh');
  await dialog.getByRole('button', { name: '转办', exact: true }).click();
  await expect(page.getByTestId('console-transfer-done')).toHaveText(`${second.number} 已由${sending}转办至${receiving}`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The group reads it as the site that holds it now does: waiting there to be accepted.
  await expect(page.getByText('已登记，待受理')).toBeVisible();
  await shot(page, 'transfer-09-console-done-zh');

  // The receiving desk has it at its next sync, transferred in.
  await expect(async () => {
    await api(b.url, 'sync.now', {}, await tokenOf(b.url, 'admin'));
    const onB = await api<{ status: string; transfer: { from: { name: string } } | null }>(
      b.url,
      'cases.get',
      { id: second.id },
      await tokenOf(b.url, 'sup'),
    );
    expect(onB).toMatchObject({ status: 'registered', transfer: { from: { name: sending } } });
  }).toPass({ timeout: 30_000 });

  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByTestId('console-transfer')).toHaveText('Transfer to another site');
  await page.getByTestId('console-transfer').click();
  await expect(page.getByRole('dialog')).toContainText('Receiving site');
  // The dialog's opening transition over, as a person sees it.
  await page.waitForTimeout(500);
  await shot(page, 'transfer-10-console-dialog-en');
});
