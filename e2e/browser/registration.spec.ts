import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { printedCount, stubBrowserPrint } from '../printStub.ts';
import { setUpDesk } from '../staff.ts';

/**
 * The receptionist's job: every record type through every channel, the slip and the A4 form
 * as PDF (read back with pdftotext, the slip's QR code decoded), bad input refused at the
 * field, evidence by file picker, and the print preview.
 */
const types = { complaint: '投诉', suggestion: '建议', praise: '表扬', helpRequest: '求助', repairRequest: '报修' } as const;
const channels = ['walkIn', 'phone', 'letter', 'email', 'online', 'wechat', 'transferred'] as const;

let host: Awaited<ReturnType<typeof startOwnHost>>;
let token = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-print-'));

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  token = await setUpDesk(host.url);
  await api(host.url, 'settings.update', { desk: { deskPhone: '0571-88886666', deskName: '门诊一楼投诉接待室' } }, token);
});
test.afterAll(() => host?.stop());

test('registers every type through every channel from the keyboard, remembering the channel', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'admin', { url: host.url });
  let n = 0;
  for (const channel of channels) {
    for (const [type, label] of Object.entries(types)) {
      n += 1;
      await page.getByLabel('类型').selectOption(type);
      await page.getByLabel('投诉渠道').selectOption(channel);
      await page.getByRole('textbox', { name: /^姓名/ }).fill(`登记人${n}`);
      await page.getByLabel('联系电话').fill(`1390000${String(n).padStart(4, '0')}`);
      if (channel === 'letter') {
        await page.getByLabel('来信编号').fill(`XF-${n}`);
        await page.getByLabel('来信日期').fill('2026-11-02');
      }
      if (channel === 'transferred') await page.getByLabel('转办来源').fill('12345 市民热线');
      await page.getByLabel('事由').fill(`${label}事项 ${n}`);
      await page.getByLabel('投诉内容').fill(`第 ${n} 件：${label}，经${channel}渠道反映。`);
      await page.keyboard.press('Control+s');
      await expect(page.getByTestId('registered')).toContainText(new RegExp(`投诉编号 \\d{4}-${String(n).padStart(4, '0')}`));
      if (n === 1) await shot(page, 'reg-01-registered');
    }
    // The form remembers the last channel for the next walk-in.
    await expect(page.getByLabel('投诉渠道')).toHaveValue(channel);
  }
  const list = await api<{ items: { type: string; channel: string }[] }>(host.url, 'cases.list', { limit: 200 }, token);
  const combos = new Set(list.items.map((c) => `${c.type}/${c.channel}`));
  expect(combos.size).toBe(35);
});

test('refuses bad input next to the fields, numbering nothing', async ({ page }) => {
  await signIn(page, 'admin', { url: host.url });
  const before = await api<{ items: unknown[] }>(host.url, 'cases.list', { limit: 200 }, token);
  await page.getByLabel('联系电话').fill('12345');
  await page.getByLabel('事由').fill('测试');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('必填').first()).toBeVisible();
  await expect(page.getByText(/请输入有效的电话号码/)).toBeVisible();
  await shot(page, 'reg-02-bad-input');
  const after = await api<{ items: unknown[] }>(host.url, 'cases.list', { limit: 200 }, token);
  expect(after.items.length).toBe(before.items.length);
  // Anonymous: the name may stay empty.
  await page.getByLabel('匿名').check();
  await page.getByLabel('联系电话').fill('');
  await page.getByLabel('投诉内容').fill('匿名反映：候诊区厕所无纸。');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('registered')).toBeVisible();
});

test('attaches evidence from the file picker, shows the repeat-complaint warning, previews and prints the slip', async ({ page }) => {
  await signIn(page, 'admin', { url: host.url });
  await page.getByRole('textbox', { name: /^姓名/ }).fill('登记人1');
  await page.getByLabel('联系电话').fill('139 0000 0001');
  await expect(page.getByTestId('repeat-lookup')).toContainText('登记人1');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.getByLabel('选择文件').setInputFiles([
    { name: '现场照片.png', mimeType: 'image/png', buffer: png },
    { name: '病毒.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0, 0, 1, 2]) },
  ]);
  await expect(page.getByTestId('attachment-item')).toHaveCount(2);
  await expect(page.getByText(/不支持此类文件/)).toBeVisible();
  await page.getByRole('button', { name: '删除 病毒.exe' }).click();
  await page.getByLabel('事由').fill('候诊时间过长');
  await page.getByLabel('投诉内容').fill('今天上午在内科候诊两个多小时，叫号系统显示混乱，护士站无人解释。');
  await expect(page.getByTestId('triage-suggestion')).toBeVisible();
  await shot(page, 'reg-03-lookup-attachment');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('registered')).toBeVisible();
  await page.getByRole('button', { name: '打印预览' }).click();
  const frame = page.frameLocator('[data-testid="print-frame"]');
  await expect(frame.getByText('受理回执')).toBeVisible();
  // The slip's QR code (the desk's mark heads the slip as another picture).
  await expect(frame.getByRole('img', { name: /\d{4}-\d{4}/ })).toBeVisible();
  await shot(page, 'reg-04-slip-preview');
  // Printing goes through the browser's own dialog; here it is stubbed and counted.
  await stubBrowserPrint(page);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByText('已发送到打印机（第 1 份）')).toBeVisible();
  expect(await printedCount(page)).toBe(1);
  const cases = await api<{ items: { id: string; subject: string }[] }>(host.url, 'cases.list', { q: '候诊时间过长' }, token);
  const id = cases.items[0]?.id ?? '';
  const detail = await api<{ intake: { attachments?: { name: string }[] } }>(host.url, 'cases.get', { id }, token);
  expect(detail.intake.attachments?.map((a) => a.name)).toEqual(['现场照片.png']);
  const reprint = await api<{ copy: number; html: string }>(
    host.url,
    'print.render',
    { template: 'slip', caseId: id, purpose: 'print' },
    token,
  );
  expect(reprint.copy).toBe(2);
  expect(reprint.html).toContain('补打');
});

/** Renders a document of the core in Chromium to PDF and reads it back. */
async function pdfOf(page: Page, html: string, name: string, size: { width: string; height: string } | 'A4') {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(tmp, `${name}.pdf`);
  if (size === 'A4') await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  else await page.pdf({ path: file, width: size.width, height: size.height, printBackground: true });
  fs.copyFileSync(file, `e2e/.artifacts/screens/${name}.pdf`);
  const info = execFileSync('pdfinfo', [file]).toString();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  return { file, info, text };
}

function decodeQr(pdf: string): string | null {
  const prefix = path.join(tmp, 'qr');
  execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

test('the slip is an 80 mm PDF with number, feedback date and query code, and its QR code decodes to them; the A4 form likewise', async ({
  page,
}) => {
  const registered = await api<{ id: string; number: string; queryCode: string; deadlines: { feedback: string } }>(
    host.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '陈建国', phone: '13912345678', relation: 'patient' },
      subject: '候诊时间过长',
      content: '今天上午在内科候诊两个多小时，叫号系统显示混乱。',
      demands: '要求改进叫号系统',
      witnesses: [{ name: '赵六' }],
    },
    token,
  );
  const feedback = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
    new Date(registered.deadlines.feedback),
  );
  const slip = await api<{ html: string }>(host.url, 'print.render', { template: 'slip', caseId: registered.id }, token);
  await page.setContent(slip.html);
  const heightPx = await page.evaluate(() => document.documentElement.scrollHeight);
  const { file, info, text } = await pdfOf(page, slip.html, 'slip-80mm', { width: '80mm', height: `${heightPx + 20}px` });
  const width = Number(info.match(/Page size:\s+([\d.]+) x/)?.[1]);
  expect(Math.abs(width - (80 / 25.4) * 72)).toBeLessThan(1.5); // 226.77 pt, give or take Chromium's pixel rounding
  for (const s of [registered.number, registered.queryCode, feedback, '受理回执', '市第一人民医院', '0571-88886666', '王主任']) {
    expect(text, s).toContain(s);
  }
  expect(decodeQr(file)).toBe(`${registered.number} ${registered.queryCode}`);

  const narrow = await api<{ html: string }>(host.url, 'print.render', { template: 'slip', caseId: registered.id, slipWidth: '58' }, token);
  const small = await pdfOf(page, narrow.html, 'slip-58mm', { width: '58mm', height: `${heightPx + 60}px` });
  expect(Math.abs(Number(small.info.match(/Page size:\s+([\d.]+) x/)?.[1]) - (58 / 25.4) * 72)).toBeLessThan(1.5);
  expect(small.text).toContain(registered.queryCode);
  expect(decodeQr(small.file)).toBe(`${registered.number} ${registered.queryCode}`);

  const form = await api<{ html: string }>(host.url, 'print.render', { template: 'registrationForm', caseId: registered.id }, token);
  const a4 = await pdfOf(page, form.html, 'registration-form-a4', 'A4');
  expect(a4.info).toMatch(/Page size:\s+59[4-6](\.\d+)? x 84[1-2](\.\d+)? pts/); // A4, give or take rounding
  for (const s of [
    '投诉登记表',
    registered.number,
    registered.queryCode,
    feedback,
    '陈建国',
    '患者',
    '要求改进叫号系统',
    '赵六',
    '投诉人签字',
    '接待人签字',
  ]) {
    expect(a4.text, s).toContain(s);
  }
  await page.setContent(form.html);
  await page.setViewportSize({ width: 800, height: 1100 });
  await shot(page, 'reg-05-registration-form');
});
