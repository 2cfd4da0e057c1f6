import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskInput } from '../../domain/api/deskApi.ts';
import { local, seedReportDataset } from './reportsDataset.ts';
import { rowCounts } from './storeSnapshot.ts';
import type { openTestDesk } from './testDesk.ts';

type TestDesk = Awaited<ReturnType<typeof openTestDesk>>;
let current: TestDesk | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function seeded() {
  const seeded = await seedReportDataset();
  current = seeded.desk;
  return seeded;
}

const november = { from: local('2025-11-01', '00:00'), to: local('2025-12-01', '00:00') };

describe('reports.summary on a hand-counted dataset', () => {
  it('counts and rates the November cohort as counted by hand', async () => {
    const { desk } = await seeded();
    const s = await desk.call('reports.summary', november);
    expect(s.figures.counts).toMatchObject({ registered: 5, complaints: 3, accepted: 2, declined: 1, closed: 1, repeats: 1 });
    // Acknowledge decided c1 c2 c3 c4 (deadline passed), met c1 c3.
    expect(s.figures.onTimeRate.acknowledge).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // Feedback decided c1 c2 c3 c4, met c1 (contact Wed 5, due Mon 10) and c3.
    expect(s.figures.onTimeRate.feedback).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // Resolve decided c1 (reply) and c3 (declined); c2 c4 c6 still within 15 working days.
    expect(s.figures.onTimeRate.resolve).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(s.figures.repeatRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(s.figures.resolutionRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(s.figures.followUpRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(s.figures.satisfactionRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(s.figures.validRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(s.figures.averageHandlingDays).toBe(5);
    expect(s.closedInRange).toBe(1);
    // Open now: c2 c4 c5 c6; overdue c2 c4 c5; due soon c6.
    expect(s.workload).toEqual({ open: 4, overdue: 3, dueSoon: 1 });
    // The deadline report judges the clocks by the same rule (domain/deadlines/onTime.ts): same numbers.
    const deadlineReport = await desk.call('reports.onTime', november);
    expect(deadlineReport).toEqual({
      acknowledge: { onTime: 2, late: 2, rate: 0.5 },
      feedback: { onTime: 2, late: 2, rate: 0.5 },
      resolve: { onTime: 2, late: 0, rate: 1 },
    });
  });

  it('breaks the cohort down by day, channel, department and the department complained about', async () => {
    const { desk, outpatient, billing } = await seeded();
    const counts = async (groupBy: DeskInput<'reports.summary'>['groupBy']) =>
      Object.fromEntries(
        ((await desk.call('reports.summary', { ...november, groupBy })).groups ?? []).map((g) => [
          g.key ?? 'none',
          g.figures.counts.registered,
        ]),
      );
    // Every day of November, the quiet ones as zero.
    const days = await counts('day');
    expect(Object.keys(days)).toHaveLength(30);
    expect(Object.keys(days)[0]).toBe('2025-11-01');
    expect(Object.keys(days).at(-1)).toBe('2025-11-30');
    expect(Object.fromEntries(Object.entries(days).filter(([, n]) => n > 0))).toEqual({
      '2025-11-03': 1,
      '2025-11-04': 1,
      '2025-11-05': 1,
      '2025-11-10': 1,
      '2025-11-20': 1,
    });
    // Weeks from the Monday on or before the 1st (27 October) to the one holding the 30th (24 November).
    expect(Object.entries(await counts('week'))).toEqual([
      ['2025-10-27', 0],
      ['2025-11-03', 3],
      ['2025-11-10', 1],
      ['2025-11-17', 1],
      ['2025-11-24', 0],
    ]);
    expect(await counts('channel')).toEqual({ walkIn: 2, phone: 2, wechat: 1 });
    // Several breakdowns in one call (one pass over the cohort) are the same as one by one.
    const all = await desk.call('reports.summary', { ...november, breakdowns: ['channel', 'type', 'department', 'respondentPerson'] });
    for (const groupBy of ['channel', 'type', 'department', 'respondentPerson'] as const) {
      expect(all.breakdowns?.[groupBy]).toEqual((await desk.call('reports.summary', { ...november, groupBy })).groups);
    }
    expect(all.figures).toEqual((await desk.call('reports.summary', november)).figures);
    expect(await counts('type')).toEqual({ complaint: 3, suggestion: 1, helpRequest: 1 });
    expect(await counts('department')).toEqual({ [outpatient]: 2, [billing]: 1, none: 2 });
    expect(await counts('respondentDepartment')).toEqual({ [outpatient]: 2, none: 3 });
    expect(await counts('respondentPerson')).toEqual({ 李医生: 1, none: 4 });
    const departments = (await desk.call('reports.summary', { ...november, groupBy: 'department' })).groups ?? [];
    expect(departments.find((g) => g.key === outpatient)?.label).toBe('门诊部');
  });

  it('lists repeat complainants and refuses a range that ends before it starts', async () => {
    const { desk } = await seeded();
    const repeats = await desk.call('reports.repeats', { from: local('2025-10-01', '00:00'), to: november.to });
    expect(repeats.items).toEqual([expect.objectContaining({ phone: '13900001111', name: '张三', cases: 2 })]);
    const refused = await desk.raw('reports.summary', { from: november.to, to: november.from }, { locale: 'en' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.any(String), fields: { to: 'The end must come after the start.' } },
    });
  });

  it('compares the month with the previous one and names major and overdue cases', async () => {
    const { desk, ids } = await seeded();
    const a = await desk.call('reports.analysis', { period: { kind: 'month', year: 2025, index: 11 } });
    expect(a.current.counts.registered).toBe(5);
    expect(a.previous.counts.registered).toBe(1);
    expect(a.lastYear.counts.registered).toBe(0);
    expect(a.trend.bucket).toBe('day');
    expect(a.overdueCases.map((c) => c.number)).toEqual([ids.c2.number, ids.c4.number]);
    expect(a.overdueCases[0]?.clocks).toEqual(['acknowledge', 'feedback']);
    const october = await desk.call('reports.analysis', { period: { kind: 'month', year: 2025, index: 10 } });
    expect(october.majorCases.map((c) => c.number)).toEqual([ids.c5.number]);
    const q4 = await desk.call('reports.analysis', { period: { kind: 'quarter', year: 2025, index: 4 } });
    expect(q4.current.counts.registered).toBe(6);
    expect(q4.trend.rows.map((r) => [r.key, r.figures.counts.registered])).toEqual([
      ['2025-10', 1],
      ['2025-11', 5],
      ['2025-12', 0],
    ]);
    expect(await desk.raw('reports.analysis', { period: { kind: 'quarter', year: 2025, index: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('ranks departments and people for the performance review', async () => {
    const { desk, outpatient } = await seeded();
    const p = await desk.call('reports.performance', november);
    expect(p.departments[0]).toMatchObject({ key: outpatient, label: '门诊部', complaintsReceived: 2, assigned: 2, closed: 1 });
    expect(p.departments[0]?.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(p.people.map((r) => [r.label, r.complaintsReceived, r.assigned, r.closed])).toEqual([
      ['李医生', 1, 0, 0],
      ['王主任', 0, 1, 1],
    ]);
  });
});

describe('who sees the analysis, and the case list behind a chart', () => {
  it('refuses reports to a receptionist, over the API too, in their language', async () => {
    const { desk } = await seeded();
    const { token } = await desk.person('lijd', ['receptionist'], [], '李接待');
    const refused = { 'reports.summary': 'see the report summary', 'reports.performance': 'see department performance' } as const;
    for (const [method, what] of Object.entries(refused)) {
      // The permission matrix (domain/access) refuses before the handler, in the caller's language.
      expect(await desk.raw(method, november, { token, locale: 'en' })).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `Your role may not ${what}. Ask the administrator if you need it.` },
      });
    }
  });

  it('lists the cases of a bar or slice: channel, department complained about, person, overdue', async () => {
    const { desk, ids, outpatient } = await seeded();
    const numbers = async (filter: Partial<DeskInput<'cases.list'>>) =>
      (await desk.call('cases.list', { ...november, ...filter })).items.map((c) => c.number).sort();
    expect(await numbers({ channel: 'phone' })).toEqual([ids.c2.number, ids.c4.number].sort());
    expect(await numbers({ respondentDepartmentId: outpatient })).toEqual([ids.c1.number, ids.c4.number].sort());
    expect(await numbers({ respondentPerson: '李医生' })).toEqual([ids.c4.number]);
    expect(await numbers({ type: 'suggestion' })).toEqual([ids.c3.number]);
    // Overdue now, whenever received: c2 c4 (November) and c5 (October).
    const overdue = (await desk.call('cases.list', { overdue: true })).items.map((c) => c.number).sort();
    expect(overdue).toEqual([ids.c2.number, ids.c4.number, ids.c5.number].sort());
  });
});

describe('exports', () => {
  it('writes a real workbook: sheets, styled headers, percentage formats, the figures', async () => {
    const { desk } = await seeded();
    const file = await desk.call('reports.export', { period: { kind: 'month', year: 2025, index: 11 }, format: 'xlsx' });
    expect(file.filename).toBe('投诉情况分析-2025-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '趋势', '分类统计', '重大投诉', '逾期投诉', '整改措施', '重复投诉人']);
    const summary = wb.getWorksheet('概览');
    if (!summary) throw new Error('no summary sheet');
    const header = summary.getRow(5);
    expect(header.getCell(1).value).toBe('指标');
    expect(header.font?.bold).toBe(true);
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    expect(rowOf('登记件数').getCell(2).value).toBe(5);
    expect(rowOf('登记件数').getCell(3).value).toBe(1);
    expect(rowOf('登记件数').getCell(4).value).toBe(4);
    expect(rowOf('受理按时率').getCell(2).value).toBe(0.5);
    expect(rowOf('受理按时率').getCell(2).numFmt).toBe('0.0%');
    expect(summary.getColumn(1).width).toBe(28);
    expect(wb.getWorksheet('逾期投诉')?.rowCount).toBe(3);
  });

  it('writes CSV that Excel reads as UTF-8: BOM, CRLF, every field quoted', async () => {
    const { desk } = await seeded();
    const file = await desk.call('reports.export', { period: { kind: 'month', year: 2025, index: 11 }, format: 'csv' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('"受理按时率","50.0%","0.0%","+50.0%","",""\r\n');
    expect(text).toContain('"登记件数","5","1","+4","0","+5"\r\n');
    expect(text.split('\r\n').every((line) => line === '' || line.startsWith('"'))).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

describe('corrective actions', () => {
  it('refuses an action with no source or a past due date and writes nothing', async () => {
    const { desk } = await seeded();
    const before = rowCounts(desk.dataDir);
    const base = { cause: '窗口人手不足', measure: '高峰期增开窗口', owner: '门诊部 刘主任', dueDate: '2025-12-15' };
    const noSource = await desk.raw('correctiveActions.create', base);
    expect(noSource).toMatchObject({ ok: false, error: { fields: { caseId: expect.any(String) } } });
    const past = await desk.raw(
      'correctiveActions.create',
      { ...base, period: 'month:2025-11', dueDate: '2025-11-01' },
      { locale: 'zh-CN' },
    );
    expect(past).toMatchObject({ ok: false, error: { fields: { dueDate: '完成期限不能早于今天。' } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('tracks an action from a case to a verified close, and shows it in the report', async () => {
    const { desk, ids, outpatient, at } = await seeded();
    const { id } = await desk.call('correctiveActions.create', {
      caseId: ids.c2.id,
      departmentId: outpatient,
      cause: '收费窗口解释不清',
      measure: '制作收费项目说明牌',
      training: '全体收费员培训一次',
      owner: '刘主任',
      dueDate: '2025-11-25',
    });
    const listed = await desk.call('correctiveActions.list', {});
    expect(listed.items).toEqual([
      expect.objectContaining({ id, status: 'open', caseNumber: ids.c2.number, departmentName: '门诊部', overdue: false }),
    ]);
    expect(await desk.raw('correctiveActions.verify', { id, effective: true, verification: '投诉减少' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    await desk.call('correctiveActions.implement', { id, implementation: '说明牌已张贴' });
    const back = await desk.call('correctiveActions.verify', { id, effective: false, verification: '仍有同类投诉' });
    expect(back.status).toBe('open');
    at(local('2025-11-27', '09:00'));
    expect((await desk.call('correctiveActions.list', { status: 'overdue' })).items.map((a) => a.id)).toEqual([id]);
    await desk.call('correctiveActions.implement', { id, implementation: '增设导医' });
    const closed = await desk.call('correctiveActions.verify', { id, effective: true, verification: '本月无同类投诉' });
    expect(closed).toMatchObject({ status: 'closed', verifiedByName: '王主任', overdue: false });
    const report = await desk.call('reports.analysis', { period: { kind: 'month', year: 2025, index: 11 } });
    expect(report.correctiveActions.map((a) => [a.id, a.status])).toEqual([[id, 'closed']]);
  });
});
