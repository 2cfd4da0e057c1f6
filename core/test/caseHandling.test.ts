import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { openStaffedDesk, type StaffedDesk } from './handlingDesk.ts';
import { rowCounts } from './storeSnapshot.ts';

let desk: StaffedDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});
async function staffed() {
  desk = await openStaffedDesk();
  return desk;
}

/** A complaint accepted into the outpatient department with 赵医生 as handler, under investigation. */
async function investigating(d: StaffedDesk, input: Parameters<StaffedDesk['register']>[1] = {}) {
  const { id, number } = await d.register('rec', input);
  await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
  await d.act('han', id, { type: 'startInvestigation' });
  return { id, number };
}

async function expectRefused(
  d: StaffedDesk,
  who: Parameters<StaffedDesk['rawBy']>[0],
  id: string,
  action: unknown,
  code: string,
  locale = 'zh-CN',
) {
  const before = rowCounts(d.dataDir);
  const answer = await d.rawBy(who, 'cases.act', { id, action }, locale);
  expect(answer.ok, JSON.stringify(answer)).toBe(false);
  if (answer.ok) return '';
  expect(answer.error.code).toBe(code);
  // Nothing is written but, for an attempt beyond one's role, the audit entry recording it.
  const audited = code === 'forbidden' ? 1 : 0;
  expect(rowCounts(d.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + audited });
  return answer.error.message;
}

describe('a complaint through its whole life', () => {
  it('goes register → accept → investigate → propose → approve → respond → dissatisfied → re-handle → satisfied → close', async () => {
    const d = await staffed();
    const { id } = await investigating(d);
    let c = await d.act('han', id, { type: 'contact', method: 'phone', person: '张三本人', summary: '已致电了解经过' });
    c = await d.act('han', id, { type: 'note', text: '调取了叫号系统日志' });
    c = await d.act('han', id, {
      type: 'propose',
      text: '向投诉人致歉，调整高峰时段窗口',
      finding: 'valid',
      compensation: { amount: 50, form: 'voucher' },
    });
    expect(c.status).toBe('awaiting_approval');
    expect(c.proposalState).toBe('pending');
    expect((await d.by('sup', 'cases.inbox', {})).approvals.map((x) => x.id)).toContain(id);
    c = await d.act('sup', id, { type: 'approve', comment: '同意' });
    expect(c.proposalState).toBe('approved');
    c = await d.act('han', id, { type: 'respond', channel: 'phone', content: '已调整窗口，向您致歉' });
    expect(c.status).toBe('responded');
    expect((await d.by('rec', 'cases.browse', { awaitingFollowUp: true })).items.map((x) => x.id)).toContain(id);
    c = await d.act('rec', id, { type: 'followUp', method: 'phone', satisfaction: 2, comment: '仍然排队' });
    expect(c.status).toBe('investigating');
    expect(c.lastSatisfaction).toBe(2);
    c = await d.act('han', id, { type: 'propose', text: '增开两个窗口', finding: 'valid' });
    c = await d.act('sup', id, { type: 'approve' });
    c = await d.act('han', id, { type: 'respond', channel: 'visit', content: '已增开窗口' });
    c = await d.act('rec', id, { type: 'followUp', method: 'phone', satisfaction: 5 });
    expect(c.status).toBe('responded');
    expect(c.allowedActions).toContain('close');
    c = await d.act('rec', id, { type: 'close' });
    expect(c.status).toBe('closed');
    expect(c.events.map((e) => e.type)).toEqual([
      'registered',
      'accepted',
      'investigationStarted',
      'contacted',
      'noted',
      'proposed',
      'approved',
      'responded',
      'followedUp',
      'proposed',
      'approved',
      'responded',
      'followedUp',
      'closed',
    ]);
    expect(await d.by('sup', 'cases.verifyChain', { id })).toMatchObject({ casesChecked: 1, eventsChecked: 14, firstBroken: null });
  });
});

describe('refusals are clear and write nothing', () => {
  it('refuses an action from the wrong state, in the caller language', async () => {
    const d = await staffed();
    const { id } = await d.register('rec');
    const zh = await expectRefused(d, 'han', id, { type: 'propose', text: 'x', finding: 'valid' }, 'invalid_transition');
    expect(zh).toBe('投诉件当前为“已登记，待受理”，不能执行“提出处理意见”。');
    const en = await expectRefused(d, 'han', id, { type: 'respond', channel: 'phone', content: 'x' }, 'invalid_transition', 'en');
    expect(en).toBe('The case is “Registered, awaiting acceptance”; “Reply to complainant” is not possible now.');
  });

  it('refuses a handler of another department, and a handler approving', async () => {
    const d = await staffed();
    const { id } = await investigating(d);
    expect(await expectRefused(d, 'nur', id, { type: 'propose', text: 'x', finding: 'valid' }, 'forbidden')).toMatch(/处理人或主管/);
    await d.act('col', id, { type: 'propose', text: '同事代为提出', finding: 'invalid' });
    await expectRefused(d, 'han', id, { type: 'approve' }, 'forbidden');
    await expectRefused(d, 'rec', id, { type: 'sendBack', reason: 'x' }, 'forbidden');
    const back = await d.act('sup', id, { type: 'sendBack', reason: '证据不足，请补充' });
    expect(back.status).toBe('investigating');
    expect(back.proposalState).toBeNull();
  });

  it('refuses self-approval and needs a director for a major case', async () => {
    const d = await staffed();
    const { id } = await investigating(d, { severity: 'major' });
    await d.act('han', id, { type: 'propose', text: 'x', finding: 'valid' });
    expect(await expectRefused(d, 'sup', id, { type: 'approve' }, 'forbidden')).toBe('重大投诉的处理意见须由分管领导审批。');
    const ok = await d.act('dir', id, { type: 'approve' });
    expect(ok.proposalState).toBe('approved');

    const other = await investigating(d);
    await d.act('sup', other.id, { type: 'propose', text: '主管直接提出', finding: 'invalid' });
    expect(await expectRefused(d, 'sup', other.id, { type: 'approve' }, 'invalid_transition')).toMatch(/不能审批自己/);
    await d.act('admin', other.id, { type: 'approve' });
  });

  it('closes a valid complaint without a satisfied follow-up only by a supervisor with a reason', async () => {
    const d = await staffed();
    const { id } = await investigating(d);
    await d.act('han', id, { type: 'propose', text: 'x', finding: 'valid' });
    await d.act('sup', id, { type: 'approve' });
    await d.act('han', id, { type: 'respond', channel: 'letter', content: '书面答复' });
    await d.act('rec', id, { type: 'followUp', method: 'phone', satisfaction: 3, explanationAccepted: true });
    const detail = await d.by('sup', 'cases.get', { id });
    expect(detail.closeNeedsOverride).toBe(true);
    await expectRefused(d, 'rec', id, { type: 'close' }, 'invalid_transition');
    await expectRefused(d, 'rec', id, { type: 'close', override: true, reason: 'x' }, 'forbidden');
    const noReason = await d.rawBy('sup', 'cases.act', { id, action: { type: 'close', override: true } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'action.reason': '必填' } } });
    const closed = await d.act('sup', id, { type: 'close', override: true, reason: '投诉人已失联，经主管决定办结' });
    expect(closed.status).toBe('closed');
    expect(closed.events.at(-1)).toMatchObject({ type: 'closed', payload: { override: true } });
  });

  it('refuses routing to a handler outside the lead department', async () => {
    const d = await staffed();
    const { id } = await d.register('rec');
    const before = rowCounts(d.dataDir);
    const answer = await d.rawBy('rec', 'cases.act', {
      id,
      action: { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.nur },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'action.handlerId': '这位处理人不属于牵头部门' } },
    });
    expect(rowCounts(d.dataDir)).toEqual(before);
  });
});

describe('routing, review, escalation, corrections, duplicates', () => {
  it('re-assigns with a reason to a lead and co-departments, and the new handler sees it in the inbox', async () => {
    const d = await staffed();
    const { id } = await d.register('rec');
    await d.act('rec', id, { type: 'accept', departmentId: d.nursing.id });
    await expectRefused(d, 'rec', id, { type: 'assign', departmentId: d.outpatient.id, reason: 'x' }, 'forbidden');
    const c = await d.act('sup', id, {
      type: 'assign',
      departmentId: d.outpatient.id,
      coDepartmentIds: [d.nursing.id, d.outpatient.id],
      handlerId: d.ids.col,
      reason: '主要涉及门诊',
    });
    expect(c).toMatchObject({
      departmentId: d.outpatient.id,
      coDepartmentIds: [d.nursing.id],
      handlerId: d.ids.col,
      handlerName: '钱医生',
    });
    expect((await d.by('col', 'cases.inbox', {})).assigned.map((x) => x.id)).toEqual([id]);
    expect((await d.by('han', 'cases.inbox', {})).assigned).toEqual([]);
    // A co-department may note, not propose.
    await d.act('nur', id, { type: 'note', text: '护理部配合调查' });
  });

  it('reviews a closed case within the configured window', async () => {
    const d = await staffed();
    const { id } = await d.register('rec', { type: 'suggestion' });
    await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    await d.act('han', id, { type: 'startInvestigation' });
    await d.act('han', id, { type: 'respond', channel: 'phone', content: '感谢建议' });
    await d.act('rec', id, { type: 'close' });
    const reopened = await d.act('rec', id, { type: 'review', reason: '投诉人申请复核' });
    expect(reopened.status).toBe('investigating');
  });

  it('escalates a major case and tells the director in the inbox', async () => {
    const d = await staffed();
    const general = await investigating(d);
    await expectRefused(d, 'han', general.id, { type: 'escalate', reason: 'x' }, 'invalid_transition');
    const { id } = await investigating(d, { severity: 'major' });
    await d.act('han', id, { type: 'escalate', reason: '涉及医疗纠纷' });
    expect((await d.by('dir', 'cases.inbox', {})).escalated.map((x) => x.id)).toEqual([id]);
    expect((await d.by('sup', 'cases.inbox', {})).escalated).toEqual([]);
  });

  it('corrects registration data with a reason, keeping the original in the history and the search index current', async () => {
    const d = await staffed();
    const { id } = await d.register('rec');
    await expectRefused(d, 'rec', id, { type: 'correct', field: 'complainant.name', value: '张三', reason: 'x' }, 'invalid_input');
    await expectRefused(d, 'han', id, { type: 'correct', field: 'complainant.name', value: '章三', reason: 'x' }, 'forbidden');
    const c = await d.act('rec', id, { type: 'correct', field: 'complainant.name', value: '章叁', reason: '身份证核对后更正' });
    expect(c.complainant.name).toBe('章叁');
    expect(c.events.at(-1)).toMatchObject({ type: 'corrected', payload: { field: 'complainant.name', before: '张三', after: '章叁' } });
    expect((await d.by('rec', 'cases.browse', { q: '章叁' })).items.map((x) => x.id)).toEqual([id]);
    expect(c.events[0]).toMatchObject({ type: 'registered', payload: { complainant: { name: '张三' } } });
  });

  it('links related cases both ways and merges a duplicate into the survivor', async () => {
    const d = await staffed();
    const first = await d.register('rec');
    const dup = await d.register('rec');
    const third = await d.register('rec');
    const linked = await d.act('rec', third.id, { type: 'link', number: first.number });
    expect(linked.linkedCases.map((x) => x.number)).toEqual([first.number]);
    expect((await d.by('rec', 'cases.get', { id: first.id })).linkedCases.map((x) => x.number)).toEqual([third.number]);
    await expectRefused(d, 'rec', third.id, { type: 'link', number: first.number }, 'invalid_input');
    await expectRefused(d, 'rec', dup.id, { type: 'merge', intoNumber: dup.number, reason: 'x' }, 'invalid_input');
    const merged = await d.act('rec', dup.id, { type: 'merge', intoNumber: first.number, reason: '同一事项重复投诉' });
    expect(merged).toMatchObject({ status: 'closed', mergedInto: { id: first.id, number: first.number } });
    const survivor = await d.by('rec', 'cases.get', { id: first.id });
    expect(survivor.events.at(-1)).toMatchObject({ type: 'duplicateMerged', payload: { number: dup.number } });
    expect(survivor.earlierCases.map((x) => x.number)).toContain(dup.number);
    const inquiry = await d.by('rec', 'cases.inquire', { number: dup.number, queryCode: merged.queryCode });
    expect(inquiry.mergedIntoNumber).toBe(first.number);
  });
});

describe('archiving', () => {
  it('seals a closed case: only a supervisor archives it, and afterwards nothing can be done to it', async () => {
    const d = await staffed();
    const { id } = await d.register('rec', { type: 'praise' });
    await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    await d.act('han', id, { type: 'startInvestigation' });
    await d.act('han', id, { type: 'respond', channel: 'phone', content: '感谢表扬，已转达' });
    await d.act('rec', id, { type: 'close' });
    await expectRefused(d, 'rec', id, { type: 'archive' }, 'forbidden');
    const archived = await d.act('sup', id, { type: 'archive' });
    expect(archived.status).toBe('archived');
    expect(archived.allowedActions).toEqual([]);
    for (const action of [
      { type: 'note', text: '补充' },
      { type: 'review', reason: '复核' },
      { type: 'correct', field: 'subject', value: '改', reason: '改' },
    ]) {
      expect(await expectRefused(d, 'sup', id, action, 'invalid_transition')).toMatch(/已归档封存/);
    }
  });
});

describe('phone inquiry', () => {
  it('tells the state, promised date and last reply for the right code, audits every try', async () => {
    const d = await staffed();
    const { id, number, queryCode } = await d.register('rec', { type: 'suggestion' });
    await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    await d.act('han', id, { type: 'startInvestigation' });
    await d.act('han', id, { type: 'respond', channel: 'phone', content: '已采纳' });
    const audits = () => rowCounts(d.dataDir).audit_log ?? 0;
    const before = audits();
    const answer = await d.by('rec', 'cases.inquire', { number, queryCode: queryCode.toLowerCase() });
    expect(answer).toMatchObject({ number, status: 'responded', lastReply: { content: '已采纳' } });
    const wrong = await d.rawBy('rec', 'cases.inquire', { number, queryCode: 'XXXXXX' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: '投诉编号或查询码不正确。请核对投诉人手中的受理回执。' },
    });
    expect(audits()).toBe(before + 2);
    expect(await d.rawBy('han', 'cases.inquire', { number, queryCode })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the board', () => {
  it('counts open cases by state, badges deadlines, filters mine, overdue, severity and text', async () => {
    const d = await staffed();
    const a = await investigating(d, { severity: 'urgent', subject: '电梯故障困人' });
    await d.register('rec');
    // The desk's supervisor sees every case; a handler only their department's (issue 6).
    const board = await d.by('sup', 'cases.board', {});
    expect(board.columns.map((c) => [c.status, c.count])).toEqual([
      ['registered', 1],
      ['accepted', 0],
      ['investigating', 1],
      ['awaiting_approval', 0],
      ['responded', 0],
    ]);
    expect(board.columns[2]?.cards[0]).toMatchObject({ id: a.id, deadlineStatus: expect.stringMatching(/onTime|dueSoon|overdue/) });
    const mine = await d.by('han', 'cases.board', { mine: true });
    expect(mine.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
    expect((await d.by('han', 'cases.board', { severity: 'urgent' })).columns[2]?.count).toBe(1);
    expect((await d.by('han', 'cases.browse', { q: '困人' })).items.map((x) => x.id)).toEqual([a.id]);
    expect((await d.by('han', 'cases.browse', {})).total).toBe(1);
    const all = await d.by('sup', 'cases.browse', { sort: 'due', limit: 1 });
    expect(all.total).toBe(2);
    const page2 = await d.by('sup', 'cases.browse', { sort: 'due', limit: 1, cursor: all.next ?? '' });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]?.id).not.toBe(all.items[0]?.id);
  });
});

describe('the event log', () => {
  it('names the first broken link when an event was tampered with', async () => {
    const d = await staffed();
    const { id } = await investigating(d);
    const second = await investigating(d);
    expect(await d.by('sup', 'cases.verifyChain', {})).toMatchObject({ casesChecked: 2, eventsChecked: 6, firstBroken: null });
    const raw = new Sqlite(path.join(d.dataDir, storeFileName));
    raw.exec('DROP TRIGGER case_events_append_only_update');
    const second2 = '(SELECT seqno FROM cases WHERE id = ?) * 1048576 + 2';
    raw.prepare(`UPDATE case_events SET payload = replace(payload, 'handlerId', 'handlerID') WHERE pos = ${second2}`).run(second.id);
    raw.prepare('INSERT OR IGNORE INTO event_parties (name) VALUES (?)').run(d.ids.col);
    raw
      .prepare(`UPDATE case_events SET actor = (SELECT n FROM event_parties WHERE name = ?) WHERE pos = ${second2}`)
      .run(d.ids.col, second.id);
    raw.close();
    const result = await d.by('sup', 'cases.verifyChain', {});
    expect(result.firstBroken).toMatchObject({ caseId: second.id, number: second.number, seq: 2, problem: 'hash' });
    expect((await d.by('sup', 'cases.verifyChain', { id })).firstBroken).toBeNull();
    expect(await d.rawBy('han', 'cases.verifyChain', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe("a handler's work in the inbox", () => {
  it('keeps a case from acceptance to the reply, leaving it only while the proposal waits for approval', async () => {
    const d = await staffed();
    const mine = async () => (await d.by('han', 'cases.inbox', {})).assigned.map((x) => x.id);
    const { id } = await d.register('rec');
    await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    expect(await mine()).toEqual([id]);
    await d.act('han', id, { type: 'startInvestigation' });
    expect(await mine(), 'investigating: the proposal is still to come').toEqual([id]);
    await d.act('han', id, { type: 'propose', text: '调整窗口', finding: 'valid' });
    expect(await mine(), 'waiting for the supervisor').toEqual([]);
    await d.act('sup', id, { type: 'approve' });
    expect(await mine(), 'approved: the reply is still to send').toEqual([id]);
    await d.act('han', id, { type: 'respond', channel: 'phone', content: '已调整窗口' });
    expect(await mine()).toEqual([]);
  });
});

describe('the deadline a list shows', () => {
  it('names its clock: acknowledgement while registered, then feedback, with the instant of that clock', async () => {
    const d = await staffed();
    const { id } = await d.register('rec');
    const listed = async () => (await d.by('sup', 'cases.browse', {})).items.find((x) => x.id === id);
    let row = await listed();
    expect(row?.dueClock).toBe('acknowledge');
    expect(row?.dueAt).toBe(row?.deadlines.acknowledge);
    await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    row = await listed();
    expect(row?.dueClock).toBe('feedback');
    expect(row?.dueAt).toBe(row?.deadlines.feedback);
  });
});
