import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { createSyncClient, makeDeskKeys } from '../../core/sync/syncClient.ts';
import { newDagEvent } from '../../db/eventCodec.ts';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { registeredData } from '../../domain/test/caseEventFixtures.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';
import { shot } from '../flows.ts';

/**
 * A case two desks of one site closed on the spot at once, neither seeing the other's act: the
 * console's case view shows the act the fold set aside as a conflict on the desk's timeline,
 * in Chinese and in English.
 */
let server: ServerProcess;
let serverData: string;
const password = 'Group-Admin-2026';

async function consoleCall<T>(method: string, input: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

/** An event as a desk sends it, hashed as the desk hashes it. */
function wire(caseId: string, parents: string[], data: CaseEventData, device: string, atMs: number): WireEvent {
  const at = new Date(atMs).toISOString();
  const fields = { id: uuidv7(), caseId, seq: 1, parents, actorId: 'u', device, at, hlc: encodeHlc({ wallMs: atMs, counter: 0 }, device) };
  const event = newDagEvent(fields, data);
  return { ...fields, form: 'dag', parents: event.parents, type: data.type, payload: JSON.stringify(data.payload), hash: event.hash };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  serverData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-console-conflict-'));
  server = await spawnServer({ port: await freePort(), dataDir: serverData });
  await expect.poll(() => server.log.some((line) => line.includes('?setup=')), { timeout: 10_000 }).toBe(true);
  const token = server.log.find((line) => line.includes('?setup='))?.match(/\?setup=([\w-]+)/)?.[1] ?? '';
  await consoleCall(
    'setup.init',
    { groupName: '示例医疗集团', admin: { username: 'jituan', password, displayName: '周集团' } },
    { [setupTokenHeader]: token },
  );
  const admin = { authorization: `Bearer ${(await consoleCall<{ token: string }>('auth.login', { username: 'jituan', password })).token}` };
  const { id } = await consoleCall<{ id: number }>('sites.add', { name: '市第一人民医院', volume: null }, admin);
  const { code } = await consoleCall<{ code: string }>('sites.issueCode', { siteId: id }, admin);
  const keys = makeDeskKeys();
  const deskId = uuidv7();
  const client = createSyncClient({ serverUrl: server.url });
  await client.enrol({ code, publicKey: keys.publicKey, deskName: '投诉办', deskId });
  const caseId = uuidv7();
  const now = Date.now();
  const reg = wire(
    caseId,
    [],
    {
      type: 'registered',
      payload: {
        ...registeredData.payload,
        subject: '电梯停运无人处理',
        complainant: { name: '张三', phone: '13800138000' },
        receivedAt: new Date(now - 3_600_000).toISOString(),
      },
    } as CaseEventData,
    'desk-1',
    now - 3_600_000,
  );
  const closing = (device: string, resolution: string, atMs: number) =>
    wire(caseId, [reg.hash], { type: 'resolvedOnSpot', payload: { resolution, satisfaction: 5 } }, device, atMs);
  await client.push({ deskId, privateKey: keys.privateKey }, [
    reg,
    closing('desk-1', '当场解释并安排维修', now - 1_800_000),
    closing('desk-2', '当场致歉', now - 1_790_000),
  ]);
});

test.afterAll(async () => {
  await server?.kill();
  fs.rmSync(serverData, { recursive: true, force: true });
});

test('the console shows an act two desks made at once as a conflict on the case’s timeline', async ({ browser }) => {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  await page.goto(server.url);
  await page.getByLabel('用户名').fill('jituan');
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '跨院区查询' }).click();
  await page.getByTestId('group-search-input').fill('电梯');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('case-lines').getByText('电梯停运无人处理').click();
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline).toBeVisible();
  await expect(timeline.getByTestId('timeline-conflict')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-conflict')).toHaveText('冲突操作：与另一受理台的操作同时发生，未生效，待主管裁定');
  await shot(page, 'console-conflict-01-case-zh-CN');

  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(timeline.getByTestId('timeline-conflict')).toContainText('Conflict: made at the same time');
  await shot(page, 'console-conflict-02-case-en');
});
