import { describe, expect, it } from 'vitest';
import { openStaffedDesk } from './handlingDesk.ts';
import { admin } from './staff.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const bj = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => bj(`${date}T23:59:59.999`).toISOString();

/** A desk whose clock the test moves. */
async function deskAt(local: string) {
  const clock = { now: bj(local) };
  const desk = await openTestDesk({ now: () => clock.now, sessionIdleMs: 365 * 86_400_000 });
  await desk.setupAndLogin();
  return Object.assign(desk, {
    setNow: (l: string) => {
      clock.now = bj(l);
    },
  });
}

describe('deadlines of a registered case (hospital presets, official 2026 calendar from the store)', () => {
  it('carry 1 / 5 / 15 working days across National Day, and a history of every change', async () => {
    const desk = await deskAt('2026-09-24T10:00');
    const c = await desk.call('cases.register', sampleComplaint);
    // 09-25..27 Mid-autumn, 10-01..07 National Day; 10-10 is a make-up Saturday.
    expect(c.deadlines).toEqual({ acknowledge: endOf('2026-09-28'), feedback: endOf('2026-10-09'), resolve: endOf('2026-10-22') });
    const detail = await desk.call('cases.get', { id: c.id });
    expect(detail.deadlineInfo?.clocks.map((k) => [k.clock, k.status])).toEqual([
      ['acknowledge', 'dueSoon'], // due at the end of the next working day
      ['feedback', 'running'],
      ['resolve', 'running'],
    ]);
    await desk.close();
  });

  it('are recomputed when several departments take the case on, and the history says so', async () => {
    const desk = await deskAt('2026-11-23T10:00');
    const c = await desk.call('cases.register', sampleComplaint);
    const deps = await desk.call('departments.list', {});
    const [lead, other] = deps.items;
    if (!lead || !other) throw new Error('no departments');
    const accepted = await desk.call('cases.act', {
      id: c.id,
      action: { type: 'accept', departmentId: lead.id, coDepartmentIds: [other.id] },
    });
    expect(accepted.events.map((e) => e.type)).toEqual(['registered', 'accepted', 'deadlinesRecomputed']);
    // Several departments: feedback 10, resolve 20 working days (000:96).
    expect(accepted.deadlines).toMatchObject({ feedback: endOf('2026-12-07'), resolve: endOf('2026-12-21') });
    // The acknowledgement was met by accepting: its due time stays.
    expect(accepted.deadlines.acknowledge).toBe(endOf('2026-11-24'));
    expect(accepted.deadlineInfo?.clocks[0]?.status).toBe('met');
    await desk.close();
  });
});

describe('extension', () => {
  it('moves the promised dates once, by a supervisor, with the reason in the history', async () => {
    const desk = await deskAt('2026-09-24T10:00');
    const c = await desk.call('cases.register', sampleComplaint);
    const extended = await desk.call('cases.act', { id: c.id, action: { type: 'extend', workingDays: 3, reason: '需调取监控录像' } });
    // 10-09 + 3 working days: 10-10 (make-up Saturday), 10-12, 10-13.
    expect(extended.deadlines).toEqual({ acknowledge: endOf('2026-09-28'), feedback: endOf('2026-10-13'), resolve: endOf('2026-10-27') });
    expect(extended.events.at(-1)).toMatchObject({ type: 'extended', payload: { workingDays: 3, reason: '需调取监控录像' } });
    expect(extended.allowedActions).not.toContain('extend');
    const listed = await desk.call('cases.list', {});
    expect(listed.items[0]?.deadlines.feedback).toBe(endOf('2026-10-13'));

    const before = rowCounts(desk.dataDir);
    const again = await desk.raw('cases.act', { id: c.id, action: { type: 'extend', workingDays: 2, reason: '再次延期' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_transition', message: '此投诉件已延期过一次，不能再次延期。' } });
    const zero = await desk.raw('cases.act', { id: c.id, action: { type: 'extend', workingDays: 0, reason: 'x' } });
    expect(zero).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'action.workingDays': expect.any(String) } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
    await desk.close();
  });
});

describe('pause and resume', () => {
  it('stop the clocks while waiting on the complainant and move the deadlines by the working days lost', async () => {
    const desk = await deskAt('2026-11-23T10:00'); // Monday
    const c = await desk.call('cases.register', sampleComplaint);
    expect(c.deadlines.feedback).toBe(endOf('2026-11-30'));
    desk.setNow('2026-11-24T09:00');
    const paused = await desk.call('cases.act', { id: c.id, action: { type: 'pause', reason: '等待投诉人提供缴费凭证' } });
    expect(paused.deadlineInfo?.pausedSince).toBe(bj('2026-11-24T09:00').toISOString());
    expect(paused.allowedActions).toContain('resume');
    desk.setNow('2026-11-26T15:00'); // Thursday: Tuesday and Wednesday were lost
    const resumed = await desk.call('cases.act', { id: c.id, action: { type: 'resume' } });
    expect(resumed.deadlines.feedback).toBe(endOf('2026-12-02'));
    expect(resumed.events.map((e) => e.type)).toEqual(['registered', 'paused', 'resumed']);
    await desk.close();
  });
});

describe('breaches', () => {
  it('are recorded once by the sweep, stay in the history, and count in the on-time rate', async () => {
    const desk = await deskAt('2026-11-23T10:00');
    const c = await desk.call('cases.register', sampleComplaint);
    desk.setNow('2026-11-25T08:00'); // the acknowledgement was due at the end of 11-24
    expect(await desk.desk.sweepDeadlines()).toBe(1);
    expect(await desk.desk.sweepDeadlines()).toBe(0);
    const detail = await desk.call('cases.get', { id: c.id });
    expect(detail.events.at(-1)).toMatchObject({
      type: 'deadlineBreached',
      actorId: 'system',
      payload: { clock: 'acknowledge', due: endOf('2026-11-24') },
    });
    expect(detail.deadlineAlert).toMatchObject({ level: 'overdue', clock: 'acknowledge' });
    const list = await desk.call('cases.list', {});
    expect(list.items[0]?.deadlineAlert?.level).toBe('overdue');
    // A second case, registered now: due soon, not overdue; the list filters tell them apart.
    const fresh = await desk.call('cases.register', sampleComplaint);
    expect((await desk.call('cases.list', { overdue: true })).items.map((i) => i.id)).toEqual([c.id]);
    expect((await desk.call('cases.list', { dueWithinDays: 1 })).items.map((i) => i.id)).toEqual([fresh.id, c.id]);
    expect((await desk.call('cases.list', { dueWithinDays: 0 })).items.map((i) => i.id)).toEqual([c.id]);
    const rates = await desk.call('reports.onTime', { from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' });
    expect(rates.acknowledge).toEqual({ onTime: 0, late: 1, rate: 0 });
    await desk.close();
  });

  it('of a major case acknowledged late stay flagged on the board and in every list, not only on the case page', async () => {
    const desk = await deskAt('2026-11-23T10:00');
    const c = await desk.call('cases.register', { ...sampleComplaint, severity: 'major' });
    const [lead] = (await desk.call('departments.list', {})).items;
    if (!lead) throw new Error('no departments');
    desk.setNow('2026-11-26T09:00'); // the acknowledgement hours ran out before anyone acted
    await desk.call('cases.act', { id: c.id, action: { type: 'accept', departmentId: lead.id } });
    const flagged = { majorUnreported: true };
    expect((await desk.call('cases.get', { id: c.id })).deadlineAlert).toMatchObject(flagged);
    expect((await desk.call('cases.list', {})).items[0]?.deadlineAlert).toMatchObject(flagged);
    const cards = (await desk.call('cases.board', {})).columns.flatMap((col) => col.cards);
    expect(cards.map((k) => [k.id, k.deadlineAlert?.majorUnreported])).toEqual([[c.id, true]]);
    expect((await desk.call('cases.browse', {})).items[0]?.deadlineAlert).toMatchObject(flagged);
    await desk.close();
  });

  it('found at start-up when the desk was off at the due time', async () => {
    const desk = await deskAt('2026-11-23T10:00');
    const c = await desk.call('cases.register', sampleComplaint);
    await desk.close();
    const later = await openTestDesk({ dataDir: desk.dataDir, now: () => bj('2026-12-01T09:00') });
    await later.call('auth.login', { username: admin.username, password: admin.password }).then(() => undefined);
    const login = await later.raw('auth.login', { username: admin.username, password: admin.password });
    const token = (login as { data: { token: string } }).data.token;
    const detail = await later.raw('cases.get', { id: c.id }, { token });
    const events = (detail as { data: { events: { type: string; payload: { clock?: string } }[] } }).data.events;
    expect(events.filter((e) => e.type === 'deadlineBreached').map((e) => e.payload.clock)).toEqual(['acknowledge', 'feedback']);
    await later.close();
  });
});

describe("the edge of the calendar data and next year's import", () => {
  it('registers a late-December case with provisional deadlines, then fixes them when 2027 is imported', async () => {
    const desk = await deskAt('2026-12-28T10:00');
    const c = await desk.call('cases.register', sampleComplaint);
    // 5 working days: 12-29, 12-30, 12-31, then 2027 assumed Monday-Friday: 01-01, 01-04.
    expect(c.deadlines).toMatchObject({ feedback: endOf('2027-01-04'), provisional: true });
    const cal = await desk.call('calendar.get', { year: 2026 });
    expect(cal.lastDate).toBe('2026-12-31');
    expect(cal.makeUpDays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);

    const before = rowCounts(desk.dataDir);
    const bad = await desk.raw('calendar.import', { content: '{"holidays":["2027-02-30"]}' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { content: expect.stringContaining('2027-02-30') } } });
    const weekday = await desk.raw('calendar.import', { content: '{"holidays":["2027-01-01"],"makeUpDays":["2027-01-05"]}' });
    expect(weekday).toMatchObject({ ok: false, error: { fields: { content: expect.any(String) } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);

    // A 2027 file (hypothetical for the test): 01-01 and 01-04 off, Saturday 01-09 a make-up day.
    const imported = await desk.call('calendar.import', {
      content: JSON.stringify({
        holidays: { '2027-01-01': "New Year's Day,元旦,1", '2027-01-04': "New Year's Day,元旦,1" },
        workdays: { '2027-01-09': "New Year's Day,元旦,1" },
      }),
    });
    expect(imported).toEqual({ years: [{ year: 2027, holidays: 2, makeUpDays: 1, replaced: false }], recomputedCases: 1 });
    const detail = await desk.call('cases.get', { id: c.id });
    // 12-29, 12-30, 12-31, 01-05, 01-06.
    expect(detail.deadlines.feedback).toBe(endOf('2027-01-06'));
    expect(detail.deadlines.provisional).toBeUndefined();
    expect(detail.events.at(-1)).toMatchObject({ type: 'deadlinesRecomputed', actorId: 'system', payload: { reason: 'calendar' } });
    await desk.close();
  });

  it('imports an .ics holiday feed and honours local closures', async () => {
    const desk = await deskAt('2026-11-23T10:00');
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270101',
      'DTEND;VALUE=DATE:20270104',
      'SUMMARY:元旦 休',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270109',
      'SUMMARY:元旦 补班',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect((await desk.call('calendar.import', { content: ics })).years).toEqual([
      { year: 2027, holidays: 3, makeUpDays: 1, replaced: false },
    ]);
    await desk.call('calendar.setLocalDay', { date: '2026-11-24', kind: 'closure', note: '院内停电检修' });
    const c = await desk.call('cases.register', sampleComplaint);
    expect(c.deadlines.acknowledge).toBe(endOf('2026-11-25'));
    await desk.close();
  });
});

describe('policies and settings', () => {
  it('an edited policy applies to the next registration; bad settings are refused next to the field', async () => {
    const desk = await deskAt('2026-11-23T10:00');
    const { items } = await desk.call('policies.list', {});
    expect(items.find((p) => p.type === 'complaint' && p.severity === 'general')).toMatchObject({
      custom: false,
      policy: { feedback: { amount: 5 } },
    });
    await desk.call('policies.update', {
      type: 'complaint',
      severity: 'general',
      acknowledge: { unit: 'workingHours', amount: 4 },
      feedback: { unit: 'workingDays', amount: 3 },
      resolve: { unit: 'workingDays', amount: 10 },
    });
    const c = await desk.call('cases.register', sampleComplaint);
    // 4 working hours from Monday 10:00: 10:00-12:00, 13:30-15:30.
    expect(c.deadlines).toEqual({
      acknowledge: bj('2026-11-23T15:30').toISOString(),
      feedback: endOf('2026-11-26'),
      resolve: endOf('2026-12-07'),
    });

    const before = rowCounts(desk.dataDir);
    const bad = await desk.raw('settings.update', { deadlines: { workingHours: ['13:30-17:30', '08:30-12:00'], dueSoonWorkingDays: 1 } });
    expect(bad).toMatchObject({ ok: false, error: { fields: { 'deadlines.workingHours': expect.any(String) } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
    await desk.call('settings.update', { deadlines: { workingHours: ['09:00-12:00', '14:00-18:00'], dueSoonWorkingDays: 2 } });
    expect((await desk.call('settings.get', {})).deadlines).toEqual({
      workingHours: ['09:00-12:00', '14:00-18:00'],
      dueSoonWorkingDays: 2,
    });
    await desk.close();
  });
});

describe('who may change the clocks', () => {
  it('only a supervisor extends; a receptionist may pause, and a major case re-rated recomputes its deadlines', async () => {
    const desk = await openStaffedDesk();
    const c = await desk.register('rec');
    const refused = await desk.rawBy('rec', 'cases.act', { id: c.id, action: { type: 'extend', workingDays: 2, reason: '材料未齐' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const recView = await desk.by('rec', 'cases.get', { id: c.id });
    expect(recView.allowedActions).not.toContain('extend');
    expect(recView.allowedActions).toContain('pause');
    const supView = await desk.by('sup', 'cases.get', { id: c.id });
    expect(supView.allowedActions).toContain('extend');

    // Correcting the severity to major: acknowledge becomes 12 wall-clock hours from receipt.
    const corrected = await desk.act('admin', c.id, { type: 'correct', field: 'severity', value: 'major', reason: '涉及医疗安全' });
    expect(corrected.events.map((e) => e.type).slice(-2)).toEqual(['corrected', 'deadlinesRecomputed']);
    expect(Date.parse(corrected.deadlines.acknowledge) - Date.parse(corrected.receivedAt)).toBe(12 * 3_600_000);
    await desk.close();
  });
});

describe('through the lifecycle', () => {
  it('keeps breaches after closing, counts them in the on-time rates, and resumes a paused clock when the complainant is contacted', async () => {
    const desk = await openStaffedDesk();
    // Received a month ago: every clock is long past.
    const receivedAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const { id } = await desk.register('rec', { receivedAt });
    expect(await desk.desk.sweepDeadlines()).toBe(3);
    await desk.act('rec', id, { type: 'accept', departmentId: desk.outpatient.id, handlerId: desk.ids.han });
    await desk.act('han', id, { type: 'startInvestigation' });
    await desk.act('han', id, { type: 'propose', text: '经核实为系统故障，已修复', finding: 'invalid' });
    await desk.act('sup', id, { type: 'approve' });
    await desk.act('han', id, { type: 'respond', channel: 'phone', content: '已向您说明情况' });
    const closed = await desk.act('rec', id, { type: 'close' });
    expect(closed.status).toBe('closed');
    expect(await desk.desk.sweepDeadlines()).toBe(0);
    const breaches = closed.events.filter((e) => e.type === 'deadlineBreached').map((e) => e.payload);
    expect(breaches.map((b) => ('clock' in b ? b.clock : null))).toEqual(['acknowledge', 'feedback', 'resolve']);
    expect(closed.deadlineInfo?.clocks.map((c) => c.status)).toEqual(['metLate', 'metLate', 'metLate']);
    expect(closed.deadlineAlert).toBeNull();
    const rates = await desk.by('sup', 'reports.onTime', {
      from: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      to: new Date().toISOString(),
    });
    expect(rates).toEqual({
      acknowledge: { onTime: 0, late: 1, rate: 0 },
      feedback: { onTime: 0, late: 1, rate: 0 },
      resolve: { onTime: 0, late: 1, rate: 0 },
    });

    // Met late while no sweep ran: the accepting itself records the breach, by the desk.
    const late = await desk.register('rec', { receivedAt });
    const accepted = await desk.act('rec', late.id, { type: 'accept', departmentId: desk.outpatient.id });
    expect(accepted.events.slice(-2).map((e) => [e.type, e.actorId])).toEqual([
      ['accepted', desk.ids.rec],
      ['deadlineBreached', 'system'],
    ]);
    expect(accepted.events.at(-1)).toMatchObject({ payload: { clock: 'acknowledge', metAt: expect.any(String) } });

    const fresh = await desk.register('rec');
    await desk.act('rec', fresh.id, { type: 'pause', reason: '等待投诉人提供病历复印件' });
    const contacted = await desk.act('rec', fresh.id, {
      type: 'contact',
      method: 'phone',
      person: '张三',
      summary: '投诉人已送来病历复印件',
    });
    expect(contacted.events.map((e) => e.type).slice(-3)).toEqual(['paused', 'contacted', 'resumed']);
    expect(contacted.events.at(-1)).toMatchObject({ payload: { trigger: 'contacted' } });
    expect(contacted.deadlineInfo?.pausedSince).toBeNull();
    await desk.close();
  });
});
