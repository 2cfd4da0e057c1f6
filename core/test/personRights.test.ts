import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { rowCounts } from './storeSnapshot.ts';
import { secretsFound } from './stringsScan.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/** Latin letters and digits, so `strings` would see them in a plain store file. */
const person = { name: 'Qianliu Mingyue', phone: '13912345678', idNumber: '11010119900307123X', address: 'Jiefang Road 7' };
const secrets = [person.name, person.phone, person.idNumber, person.address];

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

const leaked = (dataDir: string) => secretsFound(dataDir, secrets);

/** A plain desk with the person as complainant of a finished and an open case, and a witness of someone else's. */
async function deskWithPerson() {
  const desk = await openTestDesk({ keyring: null, now: () => new Date('2026-03-10T02:00:00Z') });
  open.push(desk);
  await desk.setupAndLogin();
  const photo = Buffer.from('JFIF photo sent by Qianliu Mingyue');
  const upload = await desk.call('attachments.upload', { name: 'bill.jpg', mime: 'image/jpeg', dataBase64: photo.toString('base64') });
  const finished = await desk.call('cases.register', {
    ...sampleComplaint,
    subject: '=HYPERLINK("http://x","收费")',
    complainant: { ...person, phone: '139 1234 5678' },
    attachments: [upload],
  });
  await desk.call('cases.act', { id: finished.id, action: { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元', satisfaction: 5 } });
  const stillOpen = await desk.call('cases.register', {
    ...sampleComplaint,
    complainant: { name: person.name, idNumber: person.idNumber.toLowerCase() },
  });
  const witnessed = await desk.call('cases.register', {
    ...sampleComplaint,
    complainant: { name: '李四', phone: '13600000000' },
    witnesses: [{ name: person.name, phone: '+86 139-1234-5678' }],
  });
  const stranger = await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '王五', phone: '13700000000' } });
  return { desk, finished, stillOpen, witnessed, stranger };
}

describe('the complainant’s rights', () => {
  it('finds everything the desk holds about one person by phone or ID number, and audits the lookup with the numbers masked', async () => {
    const { desk, finished, stillOpen, witnessed } = await deskWithPerson();
    const byPhone = await desk.call('privacy.find', { phone: '+86 13912345678' });
    expect(byPhone.query).toEqual({ phone: '13912345678', idNumber: null });
    expect(byPhone.cases.map((c) => [c.number, c.roles, c.erasable])).toEqual([
      [finished.number, ['complainant'], true],
      [witnessed.number, ['witness'], false],
    ]);
    const first = byPhone.cases[0];
    expect(first).toMatchObject({ complainant: { name: person.name, idNumber: person.idNumber }, status: 'closed', removed: [] });
    expect(first?.attachments).toEqual([{ name: 'bill.jpg', mime: expect.any(String), size: expect.any(Number) }]);
    // Three years for a complaint's personal data, one for its evidence, from the day it was finished.
    expect(first?.personalDataUntil?.slice(0, 10)).toBe('2029-03-10');
    expect(first?.evidenceUntil?.slice(0, 10)).toBe('2027-03-10');

    const both = await desk.call('privacy.find', { phone: '13912345678', idNumber: person.idNumber.toLowerCase() });
    expect(both.cases.map((c) => c.id)).toEqual([finished.id, stillOpen.id, witnessed.id]);
    expect(both.cases[1]).toMatchObject({ finishedAt: null, personalDataUntil: null, erasable: false });
    expect((await desk.call('privacy.find', { phone: '13800000001' })).cases).toEqual([]);

    const audit = (await desk.call('audit.list', { action: 'privacy.find' })).items;
    expect(audit.map((a) => a.detail)).toEqual([
      { cases: 0, phone: '138****0001' },
      { cases: 3, phone: '139****5678', idNumber: '110***********123X' },
      { cases: 2, phone: '139****5678' },
    ]);
  });

  it('refuses a request naming no one, or a number that is no phone or ID number, at the field', async () => {
    const { desk } = await deskWithPerson();
    const before = rowCounts(desk.dataDir);
    expect(await desk.raw('privacy.find', {}, { locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { phone: 'Enter a phone number or an ID number' } },
    });
    expect(await desk.raw('privacy.find', { phone: '12' }, { locale: 'en' })).toMatchObject({
      ok: false,
      error: { fields: { phone: expect.stringContaining('valid phone') } },
    });
    expect(await desk.raw('privacy.export', { idNumber: '1234', format: 'csv' })).toMatchObject({
      ok: false,
      error: { fields: { idNumber: expect.any(String) } },
    });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('is for supervisors: a receptionist is refused in words, and the refusal audited', async () => {
    const { desk } = await deskWithPerson();
    await desk.person('nurse', ['receptionist'], [], '护士');
    await desk.login('nurse');
    for (const [method, input] of [
      ['privacy.find', { phone: person.phone }],
      ['privacy.export', { phone: person.phone, format: 'csv' }],
      ['print.render', { template: 'personReport', phone: person.phone }],
    ] as const) {
      expect(await desk.raw(method, input, { locale: 'en' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('prints the report on A4 and exports it, each audited; exported text never runs as a formula', async () => {
    const { desk, finished } = await deskWithPerson();
    const paper = await desk.call('print.render', { template: 'personReport', phone: person.phone, purpose: 'print' }, { locale: 'en' });
    expect(paper.pageSize).toEqual({ widthMicrons: 210_000, heightMicrons: 297_000 });
    for (const s of [finished.number, person.name, person.idNumber, person.address, 'bill.jpg', 'witness']) expect(paper.html).toContain(s);
    expect(paper.copy).toBe(1);
    const printed = (await desk.call('audit.list', { action: 'personalData.print' })).items;
    expect(printed.at(0)?.detail).toMatchObject({ template: 'personReport', phone: '139****5678', cases: 2 });

    const csv = await desk.call('privacy.export', { phone: person.phone, format: 'csv' }, { locale: 'zh-CN' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""收费"")"`);
    expect(text).toContain(person.idNumber);

    const xlsx = await desk.call('privacy.export', { idNumber: person.idNumber, format: 'xlsx' }, { locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells = (sheet?.getSheetValues() ?? []).flat().filter((v) => v !== undefined && v !== null);
    expect(cells).toContain(person.name);
    // Written as text: the cell holds the characters, not a formula.
    expect(cells).toContain('=HYPERLINK("http://x","收费")');
    const exported = (await desk.call('audit.list', { action: 'personalData.export' })).items;
    expect(exported.map((a) => a.detail)).toEqual([
      expect.objectContaining({ what: 'personReport', format: 'xlsx', idNumber: '110***********123X', cases: 2 }),
      expect.objectContaining({ what: 'personReport', format: 'csv', phone: '139****5678', cases: 2 }),
    ]);
  });

  it('removes ahead of retention only a finished case of which the person is the complainant, with retention’s tombstone', async () => {
    const { desk, finished, stillOpen, witnessed } = await deskWithPerson();
    const request = {
      phone: person.phone,
      idNumber: person.idNumber,
      ground: 'consentWithdrawn',
      note: '本人到台书面申请，核对身份证原件',
      confirm: true,
    } as const;
    const summaryBefore = await desk.call('reports.summary', { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    const before = rowCounts(desk.dataDir);
    for (const id of [stillOpen.id, witnessed.id]) {
      expect(await desk.raw('privacy.erase', { ...request, caseIds: [finished.id, id] }, { locale: 'en' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { caseIds: expect.stringContaining('1 of the chosen cases') } },
      });
    }
    expect(rowCounts(desk.dataDir)).toEqual(before);

    expect(await desk.call('privacy.erase', { ...request, caseIds: [finished.id] })).toEqual({ cases: 1, files: 1 });
    const after = await desk.call('privacy.find', { phone: person.phone, idNumber: person.idNumber });
    // The finished case no longer names them; the open case and the witness statement stay until their time.
    expect(after.cases.map((c) => c.id)).toEqual([stillOpen.id, witnessed.id]);
    expect((await desk.call('cases.get', { id: finished.id })).complainant).toEqual({ name: '' });
    expect((await desk.call('cases.list', { q: person.address })).items).toEqual([]);
    const summaryAfter = await desk.call('reports.summary', { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(summaryAfter.figures).toEqual(summaryBefore.figures);
    expect(await desk.call('cases.verifyChain', { id: finished.id })).toMatchObject({ casesChecked: 1, firstBroken: null });
    expect((await desk.call('audit.list', { action: 'retention.remove' })).items.map((a) => a.detail)).toEqual([
      expect.objectContaining({ number: finished.number, kinds: ['evidence', 'personalData'], reason: 'consentWithdrawn' }),
    ]);
    expect((await desk.call('audit.list', { action: 'privacy.erase' })).items.map((a) => a.detail)).toEqual([
      expect.objectContaining({ numbers: [finished.number], ground: 'consentWithdrawn', note: request.note }),
    ]);
  });

  it('leaves nothing of the person in the data folder once every case naming them is cleared', async () => {
    const desk = await openTestDesk({ keyring: null, now: () => new Date('2026-03-10T02:00:00Z') });
    open.push(desk);
    await desk.setupAndLogin();
    const c = await desk.call('cases.register', { ...sampleComplaint, complainant: person });
    await desk.call('cases.act', { id: c.id, action: { type: 'resolveOnSpot', resolution: '当场解释', satisfaction: 4 } });
    expect(leaked(desk.dataDir)).toEqual(secrets);
    await desk.call('privacy.erase', { phone: person.phone, caseIds: [c.id], ground: 'purposeAchieved', note: '本人申请', confirm: true });
    await desk.close();
    expect(leaked(desk.dataDir)).toEqual([]);
  });
});
