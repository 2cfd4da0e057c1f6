import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Sqlite from 'better-sqlite3';
import { admin } from '../../core/test/staff.ts';
import { openTestDesk, sampleComplaint } from '../../core/test/testDesk.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { password, staffHospital, tokenOf } from '../staff.ts';

/**
 * A backup is long work: the page shows how far it got with counts, the administrator may go
 * elsewhere while it runs (the top bar keeps showing it), and coming back shows how it ended.
 */
let host: Awaited<ReturnType<typeof startOwnHost>>;
let folder = '';
test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  await staffHospital(host.url);
  // Evidence enough that copying and checking it takes a while, as on a desk after some years.
  const evidence = path.join(host.dataDir, 'attachments', '2611');
  fs.mkdirSync(evidence, { recursive: true });
  // Many files rather than large ones: each is copied, flushed and checked on its own, so the
  // backup runs for seconds even on an idle machine and the test can follow it.
  for (let i = 0; i < 2400; i++) fs.writeFileSync(path.join(evidence, `现场照片-${i}.jpg`), Buffer.alloc(64 * 1024, i % 251));
  const token = await tokenOf(host.url, 'admin');
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-jobs-usb-'));
  await api(host.url, 'backup.configure', { folder, dailyTime: '17:30', keep: 3, onQuit: false }, token);
});
// The evidence and its backup are some hundred megabytes: not left behind in the temporary folder.
test.afterAll(() => {
  host?.stop();
  for (const dir of [host?.dataDir, folder]) if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('a backup shows its progress with counts, runs on while the page is left, and says how it ended', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin', { url: host.url });
  await page.getByRole('link', { name: '备份与数据' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();

  const progress = page.getByTestId('job-backup');
  await expect(progress).toHaveAttribute('data-state', 'running');
  await expect(progress.getByText('正在复制证据文件')).toBeVisible();
  await expect(progress.getByTestId('job-count')).toHaveText(/^\d+ \/ 2400$/);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await shot(page, 'jobs-backup-running');

  // Elsewhere, the top bar still says a backup runs and leads back to it.
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  const indicator = page.getByTestId('jobs-indicator');
  await expect(indicator).toHaveText(/^备份 \d+%$/);
  // Its words change with every answer from the core, so it is never 'stable' for Playwright's
  // click under load: the click a person makes is sent to it directly.
  await indicator.dispatchEvent('click');
  await expect(page).toHaveURL(/\/backup$/);

  await expect(page.getByTestId('job-backup')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('job-backup')).toHaveText(/^备份已于 .+ 完成。$/);
  await expect(indicator).toBeHidden();
  await expect(page.getByTestId('last-good')).not.toHaveText('尚无');
  await shot(page, 'jobs-backup-done');
});

test('an import on a new desk shows the rows it wrote of all of them, before anyone signs in', async ({ page }) => {
  test.setTimeout(180_000);
  // An export of a desk years old: a long audit log, written into a plain desk made here.
  const source = await openTestDesk();
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-import-'));
  const fresh = await startOwnHost();
  try {
    await source.setupAndLogin();
    await source.call('cases.register', sampleComplaint);
    const store = new Sqlite(path.join(source.dataDir, 'desk.sqlite'));
    try {
      const insert = store.prepare(
        "INSERT INTO audit_log (id, at, actor_id, action, target, detail) VALUES (?, '2024-03-01T01:00:00.000Z', NULL, 'auth.login', ?, '{}')",
      );
      store.transaction(() => {
        for (let i = 0; i < 200_000; i++) insert.run(`old-${i}`, `窗口 ${i % 7}`);
      })();
    } finally {
      store.close();
    }
    const exported = await source.call('data.export', { format: 'json', folder: exportDir });
    const total = Object.values(exported.counts).reduce((n, c) => n + c, 0);

    await page.goto(fresh.setupUrl);
    await page.getByRole('button', { name: '从另一台电脑迁移？恢复备份或导入导出数据' }).click();
    await page.getByLabel('导出文件（.json 或加密的 .json.enc）或 CSV 导出文件夹').fill(exported.path);
    await page.getByLabel('管理员的新密码').fill(password);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const progress = page.getByTestId('job-import');
    await expect(progress).toHaveAttribute('data-state', 'running');
    await expect(progress.getByTestId('job-count')).toHaveText(new RegExp(`^\\d+ / ${total}$`));
    await shot(page, 'jobs-import-running');
    await expect(
      page.getByText(`已导入 1 件投诉。请以 ${admin.username} 的身份用刚设置的密码登录；其他账号需由管理员重设密码。`),
    ).toBeVisible({
      timeout: 120_000,
    });
    await expect(progress).toBeHidden();
    await shot(page, 'jobs-import-done');
  } finally {
    fresh.stop();
    await source.close();
    for (const dir of [exportDir, source.dataDir, fresh.dataDir])
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
