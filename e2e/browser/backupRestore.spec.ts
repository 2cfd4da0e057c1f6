import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { shot as fullShot, registerComplaint, runWizard, signIn } from '../flows.ts';
import { hostUrlOf } from '../ownHost.ts';
import { password, staff } from '../staff.ts';

/**
 * Backup now, the guided restore and the damaged-store screen, on a browser host of their own
 * (its own data folder and port), because the test ends by damaging that store.
 */
const hosts: ChildProcess[] = [];
test.beforeAll(() => fs.mkdirSync('e2e/.artifacts/screens', { recursive: true }));
test.afterAll(() => {
  for (const h of hosts) h.kill('SIGKILL');
});

/** The app shell's header is fixed: a full-page shot taken while scrolled would paint it mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** A host on the data folder, opened at the link it printed (with its setup token), as its user would. */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/http/webHost.ts', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  hosts.push(child);
  return { child, url: (await hostUrlOf(child)).setupUrl };
}

async function stopHost(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM'); // an orderly quit: the backup on quit runs first
  await exited;
}

/** Overwrites every other page of the store after the first, as a failing disk would. */
function corrupt(file: string) {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  for (let at = 4096; at < size; at += 8192) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at);
  fs.closeSync(fd);
}

async function registerAnother(page: Page, subject: string) {
  await page.getByRole('link', { name: '登记', exact: true }).click();
  await page.getByLabel('姓名').fill('周敏');
  await page.getByLabel('联系电话').fill('13700001234');
  await page.getByLabel('事由').fill(subject);
  await page.getByLabel('投诉内容').fill('备份之后登记的投诉，恢复后应当不再显示。');
  await page.getByRole('button', { name: /保存登记/ }).click();
  await expect(page.getByText(/已登记，投诉编号 \d{4}-\d{4}/)).toBeVisible();
}

test('backup now, restore through the guided screen, and recover a damaged store from the latest backup', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-backup-'));
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-usb-'));
  let host = await startHost(dataDir);

  await page.goto(host.url);
  const recoveryKey = await runWizard(page);
  await signIn(page, 'firstAdmin');
  const kept = await registerComplaint(page);
  await expect(page.getByTestId('backup-indicator')).toHaveText('从未备份');

  await page.getByRole('link', { name: '备份与数据' }).click();
  await expect(page.getByRole('heading', { name: '备份与数据' })).toBeVisible();
  await expect(page.getByText('尚未选择备份文件夹')).toBeVisible();
  await page.getByLabel('备份文件夹').fill('/no/such/usb-drive');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('该文件夹不存在或无法访问')).toBeVisible();
  await page.getByLabel('备份文件夹').fill(backupDir);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('备份设置已保存。')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份已写出并通过校验')).toBeVisible();
  await expect(page.getByTestId('backup-indicator')).toContainText('已备份');
  await expect(page.getByRole('row').filter({ hasText: '完好' })).toHaveCount(1);
  await shot(page, '20-backup-now');

  await registerAnother(page, '备份之后的投诉');
  await page.getByRole('link', { name: '备份与数据' }).click();
  await page.getByRole('button', { name: '恢复…' }).click();
  await expect(page.getByRole('heading', { name: '恢复备份' })).toBeVisible();
  await page.getByRole('button', { name: '检查此备份' }).click();
  await expect(page.getByText('此备份完整无损。')).toBeVisible();
  await expect(page.getByText(/包含 1 件投诉/)).toBeVisible();
  await shot(page, '21-restore-checked');
  await page.getByRole('button', { name: '下一步' }).click();
  const confirm = page.getByRole('button', { name: '恢复此备份' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel(/我了解/).check();
  await shot(page, '22-restore-confirm');
  await confirm.click();
  await expect(page.getByText(/已恢复，1 件投诉已找回/)).toBeVisible();
  await shot(page, '23-restored');
  await page.getByRole('button', { name: '重新登录' }).click();
  await signIn(page, 'firstAdmin');
  await page.getByRole('link', { name: '投诉件', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(kept) })).toBeVisible();
  await expect(page.getByText('备份之后的投诉')).toHaveCount(0);

  // The PC is switched off at the plug and the disk damages the store.
  await stopHost(host.child);
  corrupt(path.join(dataDir, 'desk.sqlite'));
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '受理台数据无法打开' })).toBeVisible();
  await expect(page.getByTestId('damage-message')).toContainText('数据文件已损坏');
  await expect(page.getByLabel('备份文件夹')).toHaveValue(backupDir);
  await page.getByLabel('备份中的管理员账号').fill(staff.firstAdmin.username);
  await page.getByLabel('密码').fill('wrong password');
  await shot(page, '24-damaged-store');
  await page.getByRole('button', { name: '恢复此备份' }).click();
  await expect(page.getByText('该账号不是此备份中的管理员，或密码错误。')).toBeVisible();
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '恢复此备份' }).click();
  await expect(page.getByText(/已恢复，1 件投诉已找回；损坏的文件另存于/)).toBeVisible();
  await shot(page, '25-damaged-restored');
  await page.getByRole('button', { name: '打开受理台' }).click();
  await signIn(page, 'firstAdmin');
  await page.getByRole('link', { name: '投诉件', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(kept) })).toBeVisible();
  expect(fs.readdirSync(path.join(dataDir, 'set-aside')).sort()).toEqual([
    expect.stringMatching(/-before-restore$/),
    expect.stringMatching(/-damaged$/),
  ]);

  // Moving to a new PC: export everything, then import it into a new desk from the first-run screen.
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-export-'));
  await page.getByRole('link', { name: '备份与数据' }).click();
  await page.getByLabel('保存到文件夹').fill(exportDir);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const exported = page.getByText(/已导出到 /);
  await expect(exported).toBeVisible();
  const exportFile = (await exported.textContent())?.replace('已导出到', '').trim() ?? '';
  // The desk is encrypted: its export leaves encrypted too, and opens elsewhere only with the recovery key.
  expect(exportFile.endsWith('.json.enc')).toBe(true);
  const newPc = await startHost(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-newpc-')));
  await page.goto(newPc.url);
  await page.getByRole('button', { name: '从另一台电脑迁移？恢复备份或导入导出数据' }).click();
  await page.getByLabel('导出文件（.json 或加密的 .json.enc）或 CSV 导出文件夹').fill(exportFile);
  // Password hashes never leave a desk: the import sets the administrator's password anew.
  await page.getByLabel('管理员的新密码').fill(password);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByText('这份数据已加密，且不是用本机的密钥加密的：请输入原受理台的恢复密钥。')).toBeVisible();
  await page.getByLabel('恢复密钥').fill('7777-7777-7777-7777-7777-7777-7777-7777');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByText('该恢复密钥打不开这份数据：密钥有误，或这份数据属于另一个受理台。')).toBeVisible();
  await shot(page, '25b-import-wrong-recovery-key');
  await page.getByLabel('恢复密钥').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(
    page.getByText(`已导入 1 件投诉。请以 ${staff.firstAdmin.username} 的身份用刚设置的密码登录；其他账号需由管理员重设密码。`),
  ).toBeVisible();
  await shot(page, '26-imported-on-new-pc');
  await page.getByRole('button', { name: '打开受理台' }).click();
  await signIn(page, 'firstAdmin');
  await page.getByRole('link', { name: '投诉件', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(kept) })).toBeVisible();
});
