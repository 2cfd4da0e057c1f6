import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { openStaffedDesk, type StaffedDesk } from './handlingDesk.ts';
import { openRaw } from './rawStore.ts';
import { rowCounts } from './storeSnapshot.ts';

/**
 * The reply letter (答复书, template `replyLetter` of `print.render`): the latest recorded reply
 * with the finding and compensation of the proposal it carries out, the review window and the
 * desk's contact; printed to PDF on A4 by Chromium and read back with pdftotext.
 */
let desk: StaffedDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function staffed() {
  desk = await openStaffedDesk();
  return desk;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A complaint under investigation by 赵医生 of the outpatient department. */
async function investigating(d: StaffedDesk) {
  const c = await d.register('rec', { complainant: { name: '陈建国', phone: '13912345678', address: '解放路 18 号' } });
  await d.act('rec', c.id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
  await d.act('han', c.id, { type: 'startInvestigation' });
  return c;
}

async function pdfText(html: string, name: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const dir = process.env.DESK_KEEP_PDF ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-reply-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { info, text, dense: text.replace(/\s+/g, '') };
}

describe('the reply letter', () => {
  it('is refused, with a clear message and nothing written, while the case has no reply', async () => {
    const d = await staffed();
    const c = await investigating(d);
    const before = rowCounts(d.dataDir);
    for (const purpose of ['preview', 'print'] as const) {
      const answer = await d.rawBy('han', 'print.render', { template: 'replyLetter', caseId: c.id, purpose });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_transition', message: expect.stringContaining('尚未答复') } });
    }
    const en = await d.rawBy('han', 'print.render', { template: 'replyLetter', caseId: c.id }, 'en');
    expect(en).toMatchObject({ ok: false, error: { message: expect.stringContaining('has not been answered yet') } });
    expect(rowCounts(d.dataDir)).toEqual(before);
  });

  it('prints the latest reply with the approved proposal, the review window and the desk contact, on A4 in Chinese', async () => {
    const d = await staffed();
    await d.by('admin', 'settings.update', { desk: { deskPhone: '0571-88886666', deskName: '门诊一楼投诉接待室' } });
    const c = await investigating(d);
    // A first proposal is sent back; the one approved after it is what the letter carries out.
    await d.act('han', c.id, { type: 'propose', text: '致歉', finding: 'valid', compensation: { amount: 50, form: 'voucher' } });
    await d.act('sup', c.id, { type: 'sendBack', reason: '补偿不足' });
    await d.act('han', c.id, {
      type: 'propose',
      text: '致歉并退还挂号费',
      finding: 'valid',
      compensation: { amount: 80.5, form: 'refund' },
    });
    await d.act('sup', c.id, { type: 'approve' });
    await d.act('han', c.id, {
      type: 'respond',
      channel: 'letter',
      content: '经核实，候诊叫号系统故障属实。我院已检修系统并增派导诊人员，向您致歉。',
    });

    const preview = await d.by('han', 'print.render', { template: 'replyLetter', caseId: c.id });
    expect(preview).toMatchObject({ copy: 0, reprint: false, pageSize: { widthMicrons: 210_000, heightMicrons: 297_000 } });
    expect(preview.title).toBe(`投诉答复书 ${c.number}`);
    expect(preview.html.startsWith('<!doctype html>')).toBe(true);
    expect(preview.html).not.toContain('<script');
    const text = textOf(preview.html);
    expect(text).toContain('80.5 元（退费）');
    expect(text).not.toContain('代金券');
    expect(text).toContain('有效投诉');
    expect(text).toContain('信函');
    expect(text).toContain('赵医生'); // who replied
    expect(text).toContain('陈建国 · 解放路 18 号');

    const printed = await d.by('han', 'print.render', { template: 'replyLetter', caseId: c.id, purpose: 'print' });
    expect(printed).toMatchObject({ copy: 1, reprint: false });
    const { info, dense } = await pdfText(printed.html, 'reply-letter');
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\b/);
    for (const s of [
      '市第一人民医院',
      '投诉答复书',
      c.number,
      c.queryCode,
      '陈建国：',
      '经核实，候诊叫号系统故障属实。我院已检修系统并增派导诊人员，向您致歉。',
      '核实结论有效投诉',
      '补偿80.5元（退费）',
      '答复方式信函',
      '申请复核',
      '本投诉办结之日起30日内申请复核',
      '到门诊一楼投诉接待室当面提出，或致电0571-88886666，并告知投诉编号和查询码',
    ]) {
      expect(dense, s).toContain(s.replace(/\s+/g, ''));
    }
    expect(dense).not.toContain('预览');

    // A second print is a reprint, marked and counted; both are audited.
    const again = await d.by('han', 'print.render', { template: 'replyLetter', caseId: c.id, purpose: 'print' });
    expect(again).toMatchObject({ copy: 2, reprint: true, printedBefore: 1 });
    expect(textOf(again.html)).toContain('补打 · 第 2 份');
    const { db } = openRaw(d.dataDir);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'print').where('target', '=', c.id).execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      { template: 'replyLetter', copy: 1, number: c.number },
      { template: 'replyLetter', copy: 2, number: c.number },
    ]);
    await db.destroy();
  }, 60_000);

  it('after a dissatisfied follow-up and a new reply, prints the new reply and its own finding, in the reader language', async () => {
    const d = await staffed();
    const c = await investigating(d);
    await d.act('han', c.id, { type: 'propose', text: '致歉', finding: 'valid', compensation: { amount: 50, form: 'voucher' } });
    await d.act('sup', c.id, { type: 'approve' });
    await d.act('han', c.id, { type: 'respond', channel: 'phone', content: '第一次答复：已致歉。' });
    await d.act('rec', c.id, { type: 'followUp', method: 'phone', satisfaction: 2 });
    await d.act('han', c.id, { type: 'propose', text: '说明排班规则', finding: 'toImprove' });
    await d.act('sup', c.id, { type: 'approve' });
    await d.act('han', c.id, { type: 'respond', channel: 'letter', content: 'Second reply: the rota explained.' });

    const zh = textOf((await d.by('han', 'print.render', { template: 'replyLetter', caseId: c.id })).html);
    expect(zh).toContain('Second reply: the rota explained.');
    expect(zh).not.toContain('第一次答复');
    expect(zh).toContain('待改进投诉');
    expect(zh).not.toContain('补偿'); // the approved proposal offers none
    expect(zh).toContain('到本单位投诉受理台当面提出，并告知投诉编号和查询码'); // no desk name or phone set

    const en = await d.rawBy('han', 'print.render', { template: 'replyLetter', caseId: c.id }, 'en');
    if (!en.ok) throw new Error(JSON.stringify(en.error));
    const enText = textOf((en.data as { html: string }).html);
    expect(enText).toContain('Reply to your complaint');
    expect(enText).toContain('To improve');
    expect(enText).toContain('within 30 days of the day the complaint is closed');
    // English paper uses English punctuation around the labels.
    expect(enText).toContain('Handled by: 赵医生');
    expect(enText).not.toMatch(/[：（）]/);
  });
});
