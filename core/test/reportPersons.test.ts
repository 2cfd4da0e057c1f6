import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { presentComplainantContact } from '../access/caseGate.ts';
import { parseCsv } from '../data/csv.ts';
import { openAccessDesk } from './accessDesk.ts';
import { sampleComplaint } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openAccessDesk>> | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const bj = (local: string) => new Date(`${local}:00+08:00`);
const november = { from: bj('2026-11-01T00:00').toISOString(), to: bj('2026-12-01T00:00').toISOString() };
const period = { kind: 'month', year: 2026, index: 11 } as const;

/**
 * Every report output that names a complainant follows the access rules of a case file: a
 * supervisor sees and may print and export numbers in full; a director sees them masked and
 * may neither print nor export them (names and numbers are withheld there); nobody learns from
 * a report who complained about them (回避).
 */
async function staffedDesk() {
  let clock = bj('2026-11-20T12:00');
  desk = await openAccessDesk({ now: () => clock, sessionIdleMs: 365 * 86_400_000 });
  const d = desk;
  const sup = await d.person('zhou', ['supervisor']);
  const dir = await d.person('lizhuren', ['director']);
  const complainedAbout = await d.person('wang', ['director']);
  const register = async (day: string, complainant: { name: string; phone: string }, extra: object = {}) => {
    clock = bj(`2026-11-${day}T10:00`);
    await d.as(d.adminToken, 'cases.register', { ...sampleComplaint, complainant, receivedAt: clock.toISOString(), ...extra });
  };
  await register('03', { name: '张三', phone: '13900001111' });
  await register('10', { name: '张三', phone: '13900001111' });
  await register('04', { name: '李四', phone: '13900002222' });
  await register('12', { name: '李四', phone: '13900002222' }, { confidential: true });
  await register('05', { name: '王五', phone: '13900003333' });
  await register('13', { name: '王五', phone: '13900003333' }, { respondent: { userId: complainedAbout.id, person: 'wang' } });
  clock = bj('2026-11-20T12:00');
  return { d, sup, dir, complainedAbout };
}

async function workbookRows(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('重复投诉人');
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('complainants in reports, by role', () => {
  it('a supervisor sees, prints and exports them in full', async () => {
    const { d, sup } = await staffedDesk();
    const { items } = await d.as(sup.token, 'reports.repeats', november);
    expect(items.map((r) => [r.name, r.phone, r.cases, r.masked])).toEqual([
      ['王五', '13900003333', 2, false],
      ['李四', '13900002222', 2, false],
      ['张三', '13900001111', 2, false],
    ]);
    const analysis = await d.as(sup.token, 'reports.analysis', { period });
    expect(analysis.repeatComplainants.map((r) => r.phone)).toEqual(['13900003333', '13900002222', '13900001111']);
    const printed = await d.as(sup.token, 'print.render', { template: 'monthlyAnalysis', period });
    expect(printed.html).toContain('13900001111');
    expect(printed.html).toContain('张三');
    const xlsx = await d.as(sup.token, 'reports.export', { period, format: 'xlsx' });
    expect(await workbookRows(xlsx.base64)).toContainEqual(['张三', '13900001111', 2, expect.any(String)]);
    const csv = Buffer.from((await d.as(sup.token, 'reports.export', { period, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv).toContain('"张三","13900001111","2"');
    expect(JSON.parse(d.auditRows('reports.export').at(-1)?.detail ?? '{}')).toMatchObject({ complainantsNamed: 3 });
    expect(d.auditRows('personalData.export').map((r) => [r.actor_id, JSON.parse(r.detail ?? '{}').what])).toEqual([
      [sup.id, 'reports.export'],
      [sup.id, 'reports.export'],
    ]);
  });

  it('a director sees numbers masked, and prints and exports no complainant', async () => {
    const { d, dir } = await staffedDesk();
    const { items } = await d.as(dir.token, 'reports.repeats', november);
    expect(items.map((r) => [r.name, r.phone, r.masked, r.hidden])).toEqual([
      ['王五', '139****3333', true, false],
      ['李四', '139****2222', true, false],
      ['张三', '139****1111', true, false],
    ]);
    const analysis = await d.as(dir.token, 'reports.analysis', { period });
    expect(analysis.repeatComplainants.map((r) => r.phone)).toEqual(['139****3333', '139****2222', '139****1111']);
    const printed = await d.as(dir.token, 'print.render', { template: 'monthlyAnalysis', period });
    for (const leak of ['13900001111', '139****1111', '张三', '李四']) expect(printed.html).not.toContain(leak);
    expect(printed.html).toContain('（已隐去）');
    const xlsx = await d.as(dir.token, 'reports.export', { period, format: 'xlsx' });
    const rows = await workbookRows(xlsx.base64);
    expect(rows.slice(1)).toEqual([
      ['（已隐去）', '', 2, expect.any(String)],
      ['（已隐去）', '', 2, expect.any(String)],
      ['（已隐去）', '', 2, expect.any(String)],
    ]);
    const csv = Buffer.from((await d.as(dir.token, 'reports.export', { period, format: 'csv' })).base64, 'base64').toString('utf8');
    for (const leak of ['1390000', '张三', '李四', '王五']) expect(csv).not.toContain(leak);
    expect(JSON.parse(d.auditRows('reports.export').at(-1)?.detail ?? '{}')).toMatchObject({ complainantsNamed: 0 });
    expect(d.auditRows('personalData.export')).toEqual([]);
  });

  it('leaves out the cases of the person complained about: they do not learn who complained', async () => {
    const { d, complainedAbout } = await staffedDesk();
    const { items } = await d.as(complainedAbout.token, 'reports.repeats', november);
    expect(items.map((r) => r.name)).toEqual(['李四', '张三']);
    const analysis = await d.as(complainedAbout.token, 'reports.analysis', { period });
    expect(analysis.repeatComplainants.map((r) => r.name)).toEqual(['李四', '张三']);
  });

  it('hides a confidential complainant from a role that may not see one, on screen too', () => {
    const handler = { id: 'h', roles: ['handler'] as const, departmentIds: [] };
    const contact = { name: '李四', phone: '13900002222' };
    expect(presentComplainantContact(handler, true, contact)).toEqual({ name: '', phone: '', masked: true, hidden: true });
    expect(presentComplainantContact(handler, false, contact)).toEqual({ name: '李四', phone: '139****2222', masked: true, hidden: false });
    const receptionist = { id: 'r', roles: ['receptionist'] as const, departmentIds: [] };
    expect(presentComplainantContact(receptionist, true, contact, 'export')).toMatchObject({ hidden: true });
    expect(presentComplainantContact(receptionist, true, contact, 'print')).toEqual({ ...contact, masked: false, hidden: false });
  });

  it('exports no text a spreadsheet would run as a formula, in CSV or XLSX', async () => {
    const { d, sup } = await staffedDesk();
    const formulas = ['=HYPERLINK("http://evil.example","点我")', '@SUM(1+1)', '+1+cmd|calc', '-2+3', '=1+1'];
    for (const [i, name] of formulas.entries()) {
      for (const day of ['06', '07']) {
        await d.as(d.adminToken, 'cases.register', {
          ...sampleComplaint,
          complainant: { name, phone: `1370000${String(i).padStart(4, '0')}` },
          respondent: { person: name },
          receivedAt: bj(`2026-11-${day}T10:00`).toISOString(),
        });
      }
    }
    const csv = Buffer.from((await d.as(sup.token, 'reports.export', { period, format: 'csv' })).base64, 'base64').toString('utf8');
    const cells = parseCsv(csv).flat();
    for (const name of formulas) expect(cells, name).toContain(`'${name}`);
    // The class: no cell of the file starts a formula, except numbers the desk wrote (+12.5%, -3).
    const running = cells.filter((c) => c !== null && /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?%?$/.test(c));
    expect(running).toEqual([]);
    // XLSX cells are typed: a text is a string cell, never a formula cell.
    const wb = new ExcelJS.Workbook();
    const xlsx = await d.as(sup.token, 'reports.export', { period, format: 'xlsx' });
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    let texts = 0;
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
          if (formulas.includes(String(cell.value))) texts++;
        }),
      ),
    );
    expect(texts).toBeGreaterThan(0);
  });
});
