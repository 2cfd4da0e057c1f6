import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { createSyncClient, makeDeskKeys } from '../../core/sync/syncClient.ts';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { registeredData } from '../../domain/test/caseEventFixtures.ts';
import { addSite, issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { wireEvent } from '../../server/test/serverHarness.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { seriousViolations } from '../axe.ts';
import { shot } from '../flows.ts';

/**
 * The group console's list of cases in conflict: two desks of one site closed a case at once,
 * two devices of another site's desk did the same; the group supervisor sees each site's count,
 * one site's cases with the complainant masked, and the case with its act in conflict marked;
 * then the same in English.
 */
let server: ServerProcess;
let serverData: string;
const sites = ['市第一人民医院', '城东分院'] as const;
const password = 'Group-Admin-2026';

type Registered = Extract<CaseEventData, { type: 'registered' }>;
const registered = (number: string, subject: string, name: string, phone: string): Registered => ({
  type: 'registered',
  payload: { ...(registeredData as Registered).payload, number, subject, complainant: { name, phone } },
});
const closing = (resolution: string): CaseEventData => ({ type: 'resolvedOnSpot', payload: { resolution, satisfaction: 5 } });

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-conflicts-'));
  const store = await openServerStore({ dataDir: serverData });
  for (const site of sites) await addSite(store.db, site, new Date());
  const codes = [
    (await issueEnrolmentCode(store.db, sites[0], new Date())).code,
    (await issueEnrolmentCode(store.db, sites[0], new Date())).code,
    (await issueEnrolmentCode(store.db, sites[1], new Date())).code,
  ];
  await store.close();
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  const client = createSyncClient({ serverUrl: server.url });
  const desks = [];
  for (const code of codes) {
    const keys = makeDeskKeys();
    const deskId = uuidv7();
    await client.enrol({ code, publicKey: keys.publicKey, deskName: '受理台', deskId });
    desks.push({ deskId, privateKey: keys.privateKey });
  }
  const [a1, a2, b] = desks as [(typeof desks)[number], (typeof desks)[number], (typeof desks)[number]];
  const clash = uuidv7();
  const reg = wireEvent(clash, [], registered('A2611-0007', '门诊收费处多收挂号费', '刘桂英', '13812345678'), 'a1');
  await client.push(a1, [reg, wireEvent(clash, [reg.hash], closing('当场退还多收的挂号费'), 'a1')]);
  await client.push(a2, [wireEvent(clash, [reg.hash], closing('当场致歉并说明收费标准'), 'a2')]);
  const calm = uuidv7();
  await client.push(a1, [wireEvent(calm, [], registered('A2611-0008', '住院部陪护收费询问', '王秀兰', '13812340001'), 'a1')]);
  const other = uuidv7();
  const otherReg = wireEvent(other, [], registered('C2611-0003', '城东分院停车场收费争议', '陈建国', '13700002222'), 'b1');
  await client.push(b, [
    otherReg,
    wireEvent(other, [otherReg.hash], closing('当场退还停车费'), 'b1'),
    wireEvent(other, [otherReg.hash], closing('当场解释收费标准'), 'b2'),
  ]);
  const token = server.log.find((line) => line.includes('?setup='))?.match(/\?setup=([\w-]+)/)?.[1] ?? '';
  const setUp = await fetch(`${server.url}/api/setup.init`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [setupTokenHeader]: token },
    body: JSON.stringify({ groupName: '示例医疗集团', admin: { username: 'jituan', password, displayName: '周集团' } }),
  });
  expect(setUp.ok).toBe(true);
});

test.afterAll(async () => {
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

test('the group sees each site’s cases in conflict, masked, and opens one with its act in conflict marked', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
  const violations: string[] = [];
  await page.goto(server.url);
  await page.getByLabel('用户名').fill('jituan');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '冲突待裁定' }).click();
  const counts = page.getByTestId('conflict-sites');
  await expect(counts.getByRole('row', { name: sites[0] })).toContainText('1 件');
  await expect(counts.getByRole('row', { name: sites[1] })).toContainText('1 件');
  await expect(page.getByTestId('case-lines').getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: sites[0] }).click();
  const lines = page.getByTestId('case-lines');
  await expect(lines.getByRole('row')).toHaveCount(2);
  await expect(lines).toContainText('A2611-0007');
  await expect(lines).toContainText('138****5678');
  await expect(lines).not.toContainText('13812345678');
  await expect(lines).not.toContainText('A2611-0008');
  await page.mouse.move(0, 700);
  await shot(page, 'console-conflicts-01-site-zh');
  violations.push(...(await seriousViolations(page, 'console-conflicts-zh')));

  await lines.getByText('A2611-0007').click();
  await expect(page.getByTestId('timeline-conflict')).toHaveCount(1);
  await shot(page, 'console-conflicts-02-case-zh');

  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Conflicts to settle' }).click();
  await expect(page.getByRole('heading', { name: 'Cases with acts in conflict, by site' })).toBeVisible();
  await expect(page.getByTestId('conflict-sites').getByRole('row', { name: 'All sites' })).toContainText('2 cases');
  await page.mouse.move(0, 700);
  await shot(page, 'console-conflicts-03-all-en');
  violations.push(...(await seriousViolations(page, 'console-conflicts-en')));
  expect(violations).toEqual([]);
});
