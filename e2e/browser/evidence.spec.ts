import fs from 'node:fs';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { addStaff, password, setUpDesk, staff } from '../staff.ts';

/**
 * Evidence as a new receptionist meets it: a photo and a two-page PDF previewed on the
 * registration form, the same previews on the case page, more files added there later (picker
 * and drag and drop), and refused files stopped at the file with nothing written.
 */
let host: Awaited<ReturnType<typeof startOwnHost>>;
let adminToken = '';

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  adminToken = await setUpDesk(host.url);
  await addStaff(host.url, adminToken, 'newRec', ['receptionist']);
});
test.afterAll(() => host?.stop());

/** A photo: a red square on blue, so a blank thumbnail cannot pass for it. */
function photo(): Buffer {
  const png = new PNG({ width: 160, height: 120 });
  for (let y = 0; y < 120; y += 1) {
    for (let x = 0; x < 160; x += 1) {
      const i = (y * 160 + x) * 4;
      const red = x > 40 && x < 120 && y > 20 && y < 100;
      png.data[i] = red ? 220 : 30;
      png.data[i + 1] = red ? 30 : 90;
      png.data[i + 2] = red ? 30 : 200;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A scanned-letter stand-in: a two-page PDF with Chinese text, printed by Chromium itself. */
async function letterPdf(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent(
    `<style>body{font:28px "Noto Sans CJK SC",sans-serif} .p{page-break-after:always;height:90vh;border:6px solid #222;padding:20px}</style>
     <div class="p"><h1>投诉信</h1><p>第一页：六楼电梯三天未修。</p></div><div><h1>第二页</h1><p>附：维修记录</p></div>`,
  );
  const pdf = await page.pdf({ format: 'A5' });
  await page.close();
  return pdf;
}

/**
 * A PDF as many official documents are made: Chinese text in STSong-Light, not embedded, found
 * through the UniGB-UCS2-H character map. Without pdf.js's CMaps it draws nothing.
 */
function officialPdf(): Buffer {
  const text = 'BT /F1 80 Tf 20 40 Td <62958BC9> Tj ET';
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 150]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${text.length}>>\nstream\n${text}\nendstream`,
    '<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[6 0 R]>>',
    '<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 4>>/FontDescriptor 7 0 R>>',
    '<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[-25 -254 1000 880]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880/StemV 93>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Half a second of silence as a WAV file. */
function wav(): Buffer {
  const samples = 4000;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  return b;
}

/** The canvas holds a drawing (not blank white): the PDF's first page was really rendered. */
async function expectDrawn(canvas: Locator, minimumInk = 200) {
  await expect(canvas).toHaveAttribute('data-pages', /\d+/);
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100 && (data[i + 3] ?? 0) > 0) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(minimumInk);
}

async function expectImageShown(tile: Locator) {
  const img = tile.locator('img');
  await expect(img).toBeVisible();
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(160);
}

async function switchLanguage(page: Page, from: string, to: string) {
  await page.getByRole('combobox', { name: from }).click();
  await page.getByRole('option', { name: to }).click();
}

test('registers with a photo and a PDF, previews both, then adds, previews and refuses evidence on the case page', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // pdf.js, the audio player and the previews must work under the desk's CSP, not around it.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const pdf = await letterPdf(browser);
  await signIn(page, 'newRec', { url: host.url });
  await page.goto(`${host.url}#/register`);
  await page.getByRole('textbox', { name: /^姓名/ }).fill('孙立');
  await page.getByLabel('联系电话').fill('13900000088');
  await page.getByLabel('事由').fill('电梯停运');
  await page.getByLabel('投诉内容').fill('六楼电梯停运三天，老人上下楼困难，附投诉信和照片。');
  await page.getByLabel('选择文件').setInputFiles([
    { name: '电梯照片.png', mimeType: 'image/png', buffer: photo() },
    { name: '投诉信.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: '转办函.pdf', mimeType: 'application/pdf', buffer: officialPdf() },
  ]);
  const items = page.getByTestId('attachment-item');
  await expect(items).toHaveCount(3);
  await expectDrawn(items.filter({ hasText: '转办函.pdf' }).getByTestId('pdf-thumbnail'), 100);
  await items.filter({ hasText: '转办函.pdf' }).getByRole('button', { name: '删除 转办函.pdf' }).click();
  await expect(items).toHaveCount(2);
  await expectImageShown(items.filter({ hasText: '电梯照片.png' }));
  const pdfTile = items.filter({ hasText: '投诉信.pdf' });
  await expect(pdfTile.getByTestId('pdf-thumbnail')).toHaveAttribute('data-pages', '2');
  await expectDrawn(pdfTile.getByTestId('pdf-thumbnail'));
  await expect(pdfTile).toContainText('共 2 页');
  await expect(pdfTile).toContainText('PDF 文件');
  await shot(page, 'evidence-01-register-previews-zh-CN');

  // The PDF opens large, page by page.
  await pdfTile.getByRole('button', { name: '查看 投诉信.pdf' }).click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer.getByTestId('pdf-page')).toHaveText('第 1 / 2 页');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(viewer.getByTestId('pdf-page')).toHaveText('第 2 / 2 页');
  await page.screenshot({ path: 'e2e/.artifacts/screens/evidence-02-pdf-viewer-zh-CN.png' });
  await page.getByRole('button', { name: '关闭' }).click();

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('registered')).toBeVisible();
  await page.getByRole('link', { name: '查看投诉件' }).click();

  const evidence = page.getByTestId('case-evidence');
  const stored = evidence.getByTestId('case-attachment');
  await expect(stored).toHaveCount(2);
  await expectImageShown(stored.filter({ hasText: '电梯照片.png' }));
  await expectDrawn(stored.filter({ hasText: '投诉信.pdf' }).getByTestId('pdf-thumbnail'));
  await expect(evidence.getByRole('heading')).toHaveText('证据材料 (2)');

  // More evidence later, from the picker: a recording and a note.
  await evidence.getByRole('button', { name: '添加证据材料' }).click();
  const adding = page.getByTestId('add-evidence');
  await adding.getByLabel('选择文件').setInputFiles([
    { name: '电话录音.wav', mimeType: 'audio/wav', buffer: wav() },
    { name: '补充说明.txt', mimeType: 'text/plain', buffer: Buffer.from('投诉人补充：周末也无人值班。') },
  ]);
  await expect(adding.getByTestId('attachment-item')).toHaveCount(2);
  await expect(adding.getByTestId('attachment-item').filter({ hasText: '补充说明.txt' })).toContainText('周末也无人值班');
  await expect(adding.getByText('正在上传')).toHaveCount(0);
  await shot(page, 'evidence-03-case-adding-zh-CN');
  await adding.getByRole('button', { name: '保存到案件' }).click();
  await expect(page.getByText('已添加 2 个文件。')).toBeVisible();
  await expect(stored).toHaveCount(4);
  await expect(page.getByTestId('add-evidence')).toHaveCount(0);
  const recording = stored.filter({ hasText: '电话录音.wav' });
  await recording.getByRole('button', { name: '播放 电话录音.wav' }).click();
  await expect(recording.getByTestId('audio-player')).toBeVisible();
  await expect(page.getByText('电话录音.wav、补充说明.txt').first()).toBeVisible();

  // Refused files are stopped at the file, in words, and nothing reaches the case.
  const token = (await api<{ token: string }>(host.url, 'auth.login', { username: staff.newRec.username, password })).token;
  const caseId = page.url().split('/cases/')[1] ?? '';
  const before = await api<{ events: unknown[]; intake: { attachments?: unknown[] } }>(host.url, 'cases.get', { id: caseId }, token);
  await evidence.getByRole('button', { name: '添加证据材料' }).click();
  await adding.getByLabel('选择文件').setInputFiles([
    { name: '录像.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(21 * 1024 * 1024, 7) },
    { name: '病毒.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0x4d, 0x5a, 0, 0, 1, 2, 3]) },
  ]);
  await expect(adding.getByTestId('attachment-item').filter({ hasText: '录像.mp4' })).toContainText('文件过大，每个附件不能超过 20 MB');
  await expect(adding.getByTestId('attachment-item').filter({ hasText: '病毒.jpg' })).toContainText('不支持此类文件');
  await adding.getByRole('button', { name: '保存到案件' }).click();
  await expect(adding.getByText('请先移除有问题的文件。')).toBeVisible();
  await shot(page, 'evidence-04-refused-zh-CN');
  const after = await api<{ events: unknown[]; intake: { attachments?: unknown[] } }>(host.url, 'cases.get', { id: caseId }, token);
  expect(after.events.length).toBe(before.events.length);
  expect(after.intake.attachments?.length).toBe(4);
  await adding.getByRole('button', { name: '取消' }).click();

  // Dropped on the case's evidence card: the addition starts with the dropped file.
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['维修单：已更换曳引机。'], '维修单.txt', { type: 'text/plain' }));
    return dt;
  });
  await evidence.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(adding.getByTestId('attachment-item')).toHaveCount(1);
  await expect(adding.getByText('正在上传')).toHaveCount(0);
  await adding.getByRole('button', { name: '保存到案件' }).click();
  await expect(stored).toHaveCount(5);

  // The new parts in the other two languages.
  await switchLanguage(page, '语言', '繁體中文');
  await expect(evidence.getByRole('heading')).toHaveText('證據資料 (5)');
  await expect(stored.filter({ hasText: '投诉信.pdf' })).toContainText('共 2 頁');
  await evidence.getByRole('button', { name: '新增證據資料' }).click();
  await shot(page, 'evidence-05-case-zh-TW');
  await adding.getByRole('button', { name: '取消' }).click();
  await switchLanguage(page, '語言', 'English');
  await expect(evidence.getByRole('heading')).toHaveText('Evidence (5)');
  await expect(stored.filter({ hasText: '投诉信.pdf' })).toContainText('Pages: 2');
  await evidence.getByRole('button', { name: 'Add evidence' }).click();
  await adding
    .getByLabel('Choose files')
    .setInputFiles([{ name: 'virus.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0x4d, 0x5a, 0]) }]);
  await expect(adding.getByTestId('attachment-item')).toContainText(/not accepted|not supported|cannot/i);
  await shot(page, 'evidence-06-case-en');
  await stored.filter({ hasText: '投诉信.pdf' }).getByRole('button', { name: 'View 投诉信.pdf' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('Page 1 of 2');
  await page.screenshot({ path: 'e2e/.artifacts/screens/evidence-07-pdf-viewer-en.png' });
  await page.getByRole('button', { name: 'Close' }).click();

  // The registration form's evidence in English and in traditional Chinese.
  await page.goto(`${host.url}#/register`);
  await page.getByLabel('Choose files').setInputFiles([
    { name: 'letter.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'photo.png', mimeType: 'image/png', buffer: photo() },
  ]);
  await expect(page.getByTestId('attachment-item').filter({ hasText: 'letter.pdf' })).toContainText('Pages: 2');
  await shot(page, 'evidence-08-register-en');
  await switchLanguage(page, 'Language', '繁體中文');
  await expect(page.getByTestId('attachment-item').filter({ hasText: 'letter.pdf' })).toContainText('共 2 頁');
  await shot(page, 'evidence-09-register-zh-TW');
  await switchLanguage(page, '語言', '简体中文');

  // A large stored file is fetched for its preview only when asked.
  const big = Buffer.from(`值班记录（扫描转写）\n${'夜班无人值守。\n'.repeat(500_000)}`);
  expect(big.length).toBeGreaterThan(8 * 1024 * 1024);
  const ref = await api(
    host.url,
    'attachments.upload',
    { name: '值班记录.txt', mime: 'text/plain', dataBase64: big.toString('base64') },
    token,
  );
  await api(host.url, 'attachments.add', { caseId, attachments: [ref] }, token);
  await page.goto(`${host.url}#/cases/${caseId}`);
  const large = stored.filter({ hasText: '值班记录.txt' });
  await large.getByRole('button', { name: '显示预览 值班记录.txt' }).click();
  await expect(large).toContainText('夜班无人值守');
  expect(violations).toEqual([]);

  // The department's handler sees the same previews once the case is routed to them, and may add
  // evidence; a handler of another department cannot open the case at all.
  const departments = await api<{ items: { id: string; name: string }[] }>(host.url, 'departments.list', {}, token);
  const deptId = (name: string) => departments.items.find((d) => d.name === name)?.id ?? '';
  await api(host.url, 'cases.act', { id: caseId, action: { type: 'accept', departmentId: deptId('门诊部') } }, token);
  await addStaff(host.url, adminToken, 'outpatientHan', ['handler'], [deptId('门诊部')]);
  await addStaff(host.url, adminToken, 'pharmacyHan', ['handler'], [deptId('药剂科')]);
  for (const who of ['outpatientHan', 'pharmacyHan'] as const) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, who, { url: host.url });
    await other.goto(`${host.url}#/cases/${caseId}`);
    if (who === 'outpatientHan') {
      const tiles = other.getByTestId('case-evidence').getByTestId('case-attachment');
      await expect(tiles).toHaveCount(6);
      await expectDrawn(tiles.filter({ hasText: '投诉信.pdf' }).getByTestId('pdf-thumbnail'));
      await expect(other.getByTestId('case-evidence').getByRole('button', { name: '添加证据材料' })).toBeVisible();
      await shot(other, 'evidence-10-handler-zh-CN');
    } else {
      await expect(other.getByText('本件不属于您所在的部门').first()).toBeVisible();
      await expect(other.getByTestId('case-evidence')).toHaveCount(0);
    }
    await context.close();
  }
});
