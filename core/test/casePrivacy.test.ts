import { afterEach, describe, expect, it } from 'vitest';
import { openAccessDesk } from './accessDesk.ts';
import { rowCounts } from './storeSnapshot.ts';
import { sampleComplaint } from './testDesk.ts';

/**
 * Privacy beyond the case page: a phone inquiry by the person complained about (回避), a search
 * that would find a confidential case by the complainant's name hidden from the searcher, and
 * printing a case's documents (they carry the complainant).
 */
let desk: Awaited<ReturnType<typeof openAccessDesk>> | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function staffedDesk() {
  desk = await openAccessDesk();
  const d = desk;
  const outpatient = d.dept('门诊部');
  const pharmacy = d.dept('药剂科');
  const rec = await d.person('reception1', ['receptionist']);
  const rec2 = await d.person('reception2', ['receptionist']);
  const nurse = await d.person('nurse1', ['handler'], [outpatient]);
  const pharmacist = await d.person('pharm1', ['handler'], [pharmacy]);
  const sup = await d.person('super1', ['supervisor']);
  return { d, outpatient, pharmacy, rec, rec2, nurse, pharmacist, sup };
}

const ids = (list: { items: { id: string }[] }) => list.items.map((c) => c.id).sort();

describe('phone inquiry', () => {
  it('is refused, audited, to the receptionist the case complains about; a colleague answers the caller', async () => {
    const { d, rec, rec2 } = await staffedDesk();
    const c = await d.as(rec2.token, 'cases.register', { ...sampleComplaint, respondent: { userId: rec.id, person: 'reception1' } });
    const before = rowCounts(d.dataDir);
    const refused = await d.rawAs(rec.token, 'cases.inquire', { number: c.number, queryCode: c.queryCode });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('回避') } });
    // Nothing but the inquiry's own trace and the refusal's.
    const after = rowCounts(d.dataDir);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 2);
    expect(d.auditRows('access.denied').at(-1)).toMatchObject({ actor_id: rec.id, target: c.id });
    expect(JSON.parse(d.auditRows('access.denied').at(-1)?.detail ?? '{}')).toMatchObject({ reason: 'recused' });
    const answered = await d.as(rec2.token, 'cases.inquire', { number: c.number, queryCode: c.queryCode });
    expect(answered).toMatchObject({ number: c.number, status: 'registered' });
  });
});

describe('search and confidential complainants', () => {
  it('never finds a confidential case by the hidden name or phone, but by its number, subject and content', async () => {
    const { d, outpatient, rec, nurse, sup } = await staffedDesk();
    const secret = await d.as(rec.token, 'cases.register', {
      ...sampleComplaint,
      complainant: { name: '欧阳娜娜', phone: '13911112222' },
      subject: '输液室护士操作不规范',
      content: '输液时多次穿刺失败，护士没有请人协助。',
      confidential: true,
    });
    const open = await d.as(rec.token, 'cases.register', {
      ...sampleComplaint,
      complainant: { name: '欧阳修', phone: '13933334444' },
      subject: '候诊区空调太冷',
      content: '候诊区空调温度过低。',
    });
    for (const c of [secret, open]) await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatient } });

    // The department's handler: names and phones of the confidential case find nothing, whatever the query's length.
    for (const q of ['欧', '欧阳', '欧阳娜', '娜娜', '欧阳娜娜', '1391111', '2222']) {
      expect(ids(await d.as(nurse.token, 'cases.list', { q })), q).not.toContain(secret.id);
      expect(ids(await d.as(nurse.token, 'cases.browse', { q })), q).not.toContain(secret.id);
      const board = await d.as(nurse.token, 'cases.board', { q });
      expect(
        board.columns.flatMap((col) => col.cards.map((card) => card.id)),
        q,
      ).not.toContain(secret.id);
      expect(
        board.columns.reduce((n, col) => n + col.count, 0),
        q,
      ).toBe(ids(await d.as(nurse.token, 'cases.browse', { q })).length);
    }
    // ...while an open case is still found by its complainant, and the confidential one by what it is about.
    expect(ids(await d.as(nurse.token, 'cases.list', { q: '欧阳' }))).toEqual([open.id]);
    for (const q of ['输液', '穿刺失败', '操 作', secret.number, '护']) {
      const found = await d.as(nurse.token, 'cases.list', { q });
      expect(ids(found), q).toContain(secret.id);
      expect(found.items.find((c) => c.id === secret.id)).toMatchObject({ complainantName: '', complainantHidden: true });
    }
    // The desk and the supervisor see the complainant, so they find the case by name.
    for (const token of [rec.token, sup.token]) {
      expect(ids(await d.as(token, 'cases.list', { q: '欧阳娜娜' }))).toEqual([secret.id]);
      expect(ids(await d.as(token, 'cases.browse', { q: '娜' }))).toEqual([secret.id]);
    }
  });
});

describe('search and masked phone numbers', () => {
  it('never tells a user who sees 139****2222 the hidden digits: no phone search finds a case for them', async () => {
    const { d, outpatient, rec, nurse, sup } = await staffedDesk();
    const director = await d.person('director1', ['director']);
    const c = await d.as(rec.token, 'cases.register', {
      ...sampleComplaint,
      complainant: { name: '司马光', phone: '13955556666' },
      subject: '收费窗口态度生硬',
      content: '窗口人员态度生硬。',
    });
    await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatient } });
    const shown = await d.as(nurse.token, 'cases.get', { id: c.id });
    expect(shown.complainant.phone).toBe('139****6666');
    const before = rowCounts(d.dataDir);
    // The attack: try each next digit of the hidden part; any hit tells it. Every query of the phone, short or long, finds nothing.
    const probes = ['13955556666', '1395555', '3955', '5555', '55556', '6666', '139', '139 5555 6666', '１３９５５５５'];
    for (const token of [nurse.token, director.token]) {
      for (const q of probes) {
        expect(ids(await d.as(token, 'cases.list', { q })), q).not.toContain(c.id);
        expect(ids(await d.as(token, 'cases.browse', { q })), q).not.toContain(c.id);
        const board = await d.as(token, 'cases.board', { q });
        expect(
          board.columns.flatMap((col) => col.cards.map((card) => card.id)),
          q,
        ).not.toContain(c.id);
      }
    }
    expect(rowCounts(d.dataDir)).toEqual(before);
    // What they see still finds it: the name, the number, the subject.
    for (const q of ['司马光', '司马', c.number, '态度生硬']) expect(ids(await d.as(nurse.token, 'cases.list', { q })), q).toEqual([c.id]);
    // Those who see the full number find the case by it.
    for (const token of [rec.token, sup.token]) {
      for (const q of ['13955556666', '5555', '6666']) expect(ids(await d.as(token, 'cases.browse', { q })), q).toEqual([c.id]);
    }
  });
});

describe('printing a case', () => {
  it('is refused, audited, to the person complained about, to other departments and where the complainant is hidden', async () => {
    const { d, outpatient, rec, nurse, pharmacist, sup } = await staffedDesk();
    const other = await d.person('nurse2', ['handler'], [outpatient]);
    const accused = await d.as(rec.token, 'cases.register', { ...sampleComplaint, respondent: { userId: nurse.id } });
    const secret = await d.as(rec.token, 'cases.register', { ...sampleComplaint, confidential: true });
    for (const c of [accused, secret])
      await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatient } });

    const refusals = [
      { token: nurse.token, caseId: accused.id, message: '回避', reason: 'recused' },
      { token: pharmacist.token, caseId: accused.id, message: '不属于您所在的部门', reason: 'notYourDepartment' },
      { token: other.token, caseId: secret.id, message: '保密投诉', reason: 'confidential' },
    ];
    for (const r of refusals) {
      for (const template of ['slip', 'registrationForm'] as const) {
        const before = rowCounts(d.dataDir);
        const answer = await d.rawAs(r.token, 'print.render', { template, caseId: r.caseId, purpose: 'print' });
        expect(answer, `${r.reason} ${template}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: expect.stringContaining(r.message) },
        });
        const after = rowCounts(d.dataDir);
        expect(after.prints ?? 0).toBe(before.prints ?? 0);
        expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
        expect(JSON.parse(d.auditRows('access.denied').at(-1)?.detail ?? '{}')).toMatchObject({ reason: r.reason });
      }
    }
    // Who may see the case and its complainant prints it.
    expect((await d.as(other.token, 'print.render', { template: 'slip', caseId: accused.id })).html).toContain(accused.number);
    expect((await d.as(rec.token, 'print.render', { template: 'registrationForm', caseId: secret.id })).html).toContain('张三');
    expect((await d.as(sup.token, 'print.render', { template: 'slip', caseId: secret.id })).html).toContain(secret.number);
  });
});
