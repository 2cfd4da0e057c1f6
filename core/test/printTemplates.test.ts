import { afterEach, describe, expect, it } from 'vitest';
import { openAccessDesk } from './accessDesk.ts';
import { rowCounts } from './storeSnapshot.ts';
import { sampleComplaint } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openAccessDesk>> | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const thisMonth = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return { kind: 'month', year: now.getUTCFullYear(), index: now.getUTCMonth() + 1 } as const;
};

/**
 * `print.render` prints every document; the permission matrix says who may print which
 * template, and the dispatcher refuses (and audits) the rest before anything is rendered.
 */
describe('print.render by template', () => {
  it('prints a case document for the desk and the analysis for analysts only, refusals audited', async () => {
    desk = await openAccessDesk();
    const d = desk;
    const outpatient = d.dept('门诊部');
    const rec = await d.person('reception1', ['receptionist']);
    const nurse = await d.person('nurse1', ['handler'], [outpatient]);
    const sup = await d.person('super1', ['supervisor']);
    const dir = await d.person('director1', ['director']);
    const c = await d.as(rec.token, 'cases.register', { ...sampleComplaint, respondent: { departmentId: outpatient } });
    await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatient } });

    const slip = await d.as(rec.token, 'print.render', { template: 'slip', caseId: c.id, purpose: 'print' });
    expect(slip.copy).toBe(1);
    expect((await d.as(nurse.token, 'print.render', { template: 'registrationForm', caseId: c.id })).html).toContain(c.number);

    const analysis = { template: 'monthlyAnalysis', period: thisMonth() } as const;
    for (const who of [rec, nurse]) {
      const before = rowCounts(d.dataDir);
      const refused = await d.rawAs(who.token, 'print.render', { ...analysis, purpose: 'print' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!refused.ok) expect(refused.error.message).toContain('无权打印');
      const after = rowCounts(d.dataDir);
      expect(after.prints).toBe(before.prints);
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
      const denial = d.auditRows('access.denied').at(-1);
      expect(denial?.actor_id).toBe(who.id);
      expect(JSON.parse(denial?.detail ?? '{}')).toMatchObject({ method: 'print.render', reason: 'template:monthlyAnalysis' });
    }

    const first = await d.as(sup.token, 'print.render', { ...analysis, purpose: 'print' });
    const second = await d.as(dir.token, 'print.render', { ...analysis, purpose: 'print' });
    expect([first.copy, first.reprint, second.copy, second.reprint, second.printedBefore]).toEqual([1, false, 2, true, 1]);
    expect(first.pageSize).toEqual({ widthMicrons: 210_000, heightMicrons: 297_000 });
    const prints = d.auditRows('print').map((r) => ({ target: r.target, ...JSON.parse(r.detail ?? '{}') }));
    const key = `month:${analysis.period.year}-${analysis.period.index}`;
    expect(prints).toEqual([
      expect.objectContaining({ target: c.id, template: 'slip', copy: 1, number: c.number }),
      expect.objectContaining({ target: key, template: 'monthlyAnalysis', copy: 1, period: key }),
      expect.objectContaining({ target: key, template: 'monthlyAnalysis', copy: 2, period: key }),
    ]);
    // The analysis's own input: a period that does not exist is refused at the field; a case id is not part of it.
    expect(
      await d.rawAs(sup.token, 'print.render', { template: 'monthlyAnalysis', period: { kind: 'quarter', year: 2026, index: 5 } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'period.index': expect.any(String) } } });
    expect(await d.rawAs(sup.token, 'print.render', { template: 'monthlyAnalysis', caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it("refuses a handler another department's case document, audited", async () => {
    desk = await openAccessDesk();
    const d = desk;
    const rec = await d.person('reception1', ['receptionist']);
    const pharmacist = await d.person('pharm1', ['handler'], [d.dept('药剂科')]);
    const c = await d.as(rec.token, 'cases.register', { ...sampleComplaint, respondent: { departmentId: d.dept('门诊部') } });
    await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: d.dept('门诊部') } });
    const before = rowCounts(d.dataDir);
    const refused = await d.rawAs(pharmacist.token, 'print.render', { template: 'registrationForm', caseId: c.id, purpose: 'print' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(rowCounts(d.dataDir).prints).toBe(before.prints);
    expect(d.auditRows('access.denied').at(-1)).toMatchObject({ actor_id: pharmacist.id, target: c.id });
  });

  it('puts on paper what its reader may see, and audits every rendering of personal data, previews too', async () => {
    desk = await openAccessDesk();
    const d = desk;
    const outpatient = d.dept('门诊部');
    const rec = await d.person('reception1', ['receptionist']);
    const nurse = await d.person('nurse1', ['handler'], [outpatient]);
    const c = await d.as(rec.token, 'cases.register', {
      ...sampleComplaint,
      complainant: { name: '诸葛亮', phone: '13977778888', idNumber: '110101199003071234' },
      coComplainants: [{ name: '黄月英', phone: '13866665555' }],
      witnesses: [{ name: '赵云', phone: '13544443333' }],
    });
    await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatient } });
    const full = ['13977778888', '110101199003071234', '13866665555', '13544443333'];
    const text = async (token: string, template: 'registrationForm' | 'slip', purpose?: 'preview' | 'print') =>
      (await d.as(token, 'print.render', { template, caseId: c.id, ...(purpose ? { purpose } : {}) })).html;
    // The handler sees the numbers masked on screen, so on paper too, whether previewed or printed.
    for (const purpose of [undefined, 'preview', 'print'] as const) {
      const html = await text(nurse.token, 'registrationForm', purpose);
      for (const number of full) expect(html, `${purpose} ${number}`).not.toContain(number);
      expect(html).toContain('139****8888');
      expect(html).toContain('诸葛亮');
    }
    // The desk sees them in full, and prints them so.
    const atDesk = await text(rec.token, 'registrationForm');
    for (const number of full) expect(atDesk).toContain(number);
    // Every rendering was recorded as personal data on paper: who, which document, preview or print.
    const rows = d.auditRows('personalData.print').filter((r) => r.target === c.id);
    expect(rows.map((r) => [r.actor_id, JSON.parse(r.detail ?? '{}')])).toEqual([
      [nurse.id, { template: 'registrationForm', purpose: 'preview', number: c.number }],
      [nurse.id, { template: 'registrationForm', purpose: 'preview', number: c.number }],
      [nurse.id, { template: 'registrationForm', purpose: 'print', copy: 1, number: c.number }],
      [rec.id, { template: 'registrationForm', purpose: 'preview', number: c.number }],
    ]);
  });
});
