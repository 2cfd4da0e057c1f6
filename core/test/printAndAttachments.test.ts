import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentLimits } from '../../domain/api/limits.ts';
import { openRaw } from './rawStore.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const now = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 desk time
let desk: Awaited<ReturnType<typeof openTestDesk>>;
beforeAll(async () => {
  desk = await openTestDesk({ now: () => now });
  await desk.setupAndLogin();
  await desk.call('settings.update', { desk: { deskPhone: '0571-88886666', deskName: '门诊一楼投诉接待室' } });
});
afterAll(() => desk.close());

/** A 1×1 PNG, the smallest real image. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('print.render', () => {
  it('renders the slip with organisation, number, time, channel, summary, feedback date, query code, QR, desk phone and receptionist', async () => {
    const c = await desk.call('cases.register', sampleComplaint);
    const doc = await desk.call('print.render', { template: 'slip', caseId: c.id }, { locale: 'zh-CN' });
    const text = textOf(doc.html);
    for (const s of [
      '市第一人民医院',
      '门诊一楼投诉接待室',
      '受理回执',
      c.number,
      c.queryCode,
      '2026年11月20日 10:00',
      '来访/现场',
      sampleComplaint.subject,
      '2026年11月27日',
      '0571-88886666',
      '王主任',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(doc.html).toContain('<svg');
    expect(doc.html).toContain('@page { size: 80mm');
    expect(doc.html).toContain('Noto Sans CJK SC');
    expect(doc).toMatchObject({ copy: 0, reprint: false, printedBefore: 0, pageSize: { widthMicrons: 80_000, heightMicrons: null } });
    const narrow = await desk.call('print.render', { template: 'slip', caseId: c.id, slipWidth: '58' });
    expect(narrow.pageSize.widthMicrons).toBe(58_000);
  });

  it('records each print, marks the second and later copies as reprints, and audits them; a preview numbers nothing', async () => {
    const c = await desk.call('cases.register', sampleComplaint);
    const before = rowCounts(desk.dataDir);
    await desk.call('print.render', { template: 'slip', caseId: c.id, purpose: 'preview' });
    expect({ ...rowCounts(desk.dataDir), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    const first = await desk.call('print.render', { template: 'slip', caseId: c.id, purpose: 'print' }, { locale: 'zh-CN' });
    expect(first).toMatchObject({ copy: 1, reprint: false });
    expect(first.html).not.toContain('补打');
    const second = await desk.call('print.render', { template: 'slip', caseId: c.id, purpose: 'print' }, { locale: 'zh-CN' });
    expect(second).toMatchObject({ copy: 2, reprint: true, printedBefore: 1 });
    expect(second.html).toContain('补打 · 第 2 份');
    const form = await desk.call('print.render', { template: 'registrationForm', caseId: c.id, purpose: 'print' });
    expect(form.copy).toBe(1); // counted per document
    const { db } = openRaw(desk.dataDir);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'print').where('target', '=', c.id).execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      { template: 'slip', copy: 1, number: c.number },
      { template: 'slip', copy: 2, number: c.number },
      { template: 'registrationForm', copy: 1, number: c.number },
    ]);
    await db.destroy();
  });

  it('renders the A4 registration form with every recorded field and both signature lines', async () => {
    const c = await desk.call('cases.register', {
      ...sampleComplaint,
      channel: 'letter',
      letter: { number: 'XF-118', date: '2026-11-18' },
      demands: '退还挂号费',
      witnesses: [{ name: '赵六' }],
      complainant: { name: '张三', phone: '13800138000', relation: 'patient', unit: '3号楼 201' },
    });
    const text = textOf((await desk.call('print.render', { template: 'registrationForm', caseId: c.id }, { locale: 'zh-CN' })).html);
    for (const s of [
      '投诉登记表',
      c.number,
      'XF-118',
      '2026年11月18日',
      '退还挂号费',
      '赵六',
      '患者',
      '3号楼 201',
      '投诉人签字',
      '接待人签字',
      sampleComplaint.content,
    ]) {
      expect(text, s).toContain(s);
    }
  });

  it('prints a decline notice and redirect guidance only after that decision, in the reader language', async () => {
    const c = await desk.call('cases.register', sampleComplaint);
    expect(await desk.raw('print.render', { template: 'declineNotice', caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    await desk.call('cases.act', { id: c.id, action: { type: 'decline', reasonCode: 'inLitigation', reason: '已向区法院起诉' } });
    const notice = textOf((await desk.call('print.render', { template: 'declineNotice', caseId: c.id }, { locale: 'zh-CN' })).html);
    expect(notice).toContain('不予受理告知书');
    expect(notice).toContain('已进入诉讼、仲裁或调解程序：已向区法院起诉');
    const r = await desk.call('cases.register', sampleComplaint);
    await desk.call('cases.act', { id: r.id, action: { type: 'redirect', target: 'medicalMediation' } });
    const guidance = textOf((await desk.call('print.render', { template: 'redirectGuidance', caseId: r.id }, { locale: 'en' })).html);
    expect(guidance).toContain('medical dispute mediation committee');
    expect(guidance).toContain('20,000 yuan');
  });
});

describe('attachments', () => {
  it('stores evidence by SHA-256, attaches it at registration, and gives it back', async () => {
    const ref = await desk.call('attachments.upload', { name: '现场照片.png', mime: 'image/png', dataBase64: png.toString('base64') });
    expect(ref).toMatchObject({ name: '现场照片.png', mime: 'image/png', size: png.length });
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await desk.call('attachments.upload', { name: 'copy.png', mime: 'image/png', dataBase64: png.toString('base64') });
    expect(again.sha256).toBe(ref.sha256);
    const c = await desk.call('cases.register', { ...sampleComplaint, attachments: [ref] });
    expect((await desk.call('cases.get', { id: c.id })).intake.attachments).toEqual([ref]);
    const back = await desk.call('attachments.get', { caseId: c.id, sha256: ref.sha256 });
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
  });

  it('judges the type by the bytes, not the name, and refuses empty, oversized or disallowed files', async () => {
    const before = rowCounts(desk.dataDir);
    const upload = (name: string, bytes: Buffer, mime = 'image/jpeg') =>
      desk.raw('attachments.upload', { name, mime, dataBase64: bytes.toString('base64') }, { locale: 'zh-CN' });
    const exe = await upload('photo.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]));
    expect(exe).toMatchObject({ ok: false, error: { fields: { dataBase64: /不支持此类文件/ } } });
    const big = await upload('big.png', Buffer.concat([png, Buffer.alloc(attachmentLimits.maxBytes, 1)]));
    expect(big).toMatchObject({ ok: false, error: { fields: { dataBase64: '文件过大，每个附件不能超过 20 MB' } } });
    expect(await upload('empty.jpg', Buffer.alloc(0))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('adds evidence to a case later, as an event, and refuses an attachment of another case', async () => {
    const c = await desk.call('cases.register', sampleComplaint);
    const ref = await desk.call('attachments.upload', {
      name: 'note.txt',
      mime: 'text/plain',
      dataBase64: Buffer.from('投诉人补充说明').toString('base64'),
    });
    const updated = await desk.call('attachments.add', { caseId: c.id, attachments: [ref] });
    expect(updated.intake.attachments).toEqual([ref]);
    expect(updated.events.at(-1)?.type).toBe('attachmentsAdded');
    expect(updated.status).toBe('registered');
    const other = await desk.call('cases.register', sampleComplaint);
    expect(await desk.raw('attachments.get', { caseId: other.id, sha256: ref.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
