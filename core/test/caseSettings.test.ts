import { afterEach, describe, expect, it } from 'vitest';
import { openStaffedDesk, type StaffedDesk } from './handlingDesk.ts';
import { openRaw } from './rawStore.ts';
import { rowCounts } from './storeSnapshot.ts';

/** The review window (复核) as a setting: read by all, changed by supervisors, validated, audited, printed. */
let desk: StaffedDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});
async function staffed() {
  desk = await openStaffedDesk();
  return desk;
}

describe('the review window setting', () => {
  it('is 30 days until a supervisor changes it; the change is audited and the reply letter prints it', async () => {
    const d = await staffed();
    expect(await d.by('han', 'caseSettings.get', {})).toEqual({ reviewWindowDays: 30 });
    expect(await d.by('sup', 'caseSettings.update', { reviewWindowDays: 15 })).toEqual({ reviewWindowDays: 15 });
    expect(await d.by('rec', 'caseSettings.get', {})).toEqual({ reviewWindowDays: 15 });
    const { db } = openRaw(d.dataDir);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'caseSettings.update').execute();
    await db.destroy();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(d.ids.sup);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ reviewWindowDays: { before: 30, after: 15 } });
    // Saving the same value again changes nothing and records nothing.
    const before = rowCounts(d.dataDir);
    await d.by('sup', 'caseSettings.update', { reviewWindowDays: 15 });
    expect(rowCounts(d.dataDir)).toEqual(before);

    const c = await d.register('rec', { type: 'suggestion' });
    await d.act('rec', c.id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    await d.act('han', c.id, { type: 'startInvestigation' });
    await d.act('han', c.id, { type: 'respond', channel: 'letter', content: '感谢您的建议，已采纳。' });
    const letter = await d.by('han', 'print.render', { template: 'replyLetter', caseId: c.id });
    expect(letter.html).toContain('本投诉办结之日起 15 日内申请复核');
  });

  it('refuses bad values at the field, in the reader language, writing nothing', async () => {
    const d = await staffed();
    const before = rowCounts(d.dataDir);
    const cases: [unknown, string, string][] = [
      [0, 'zh-CN', '1'],
      [366, 'zh-CN', '365'],
      [-5, 'zh-CN', '1'],
      [2.5, 'zh-CN', ''],
      ['30', 'zh-CN', ''],
      [undefined, 'zh-CN', '必填'],
      [400, 'en', '365'],
    ];
    for (const [value, locale, mentions] of cases) {
      const answer = await d.rawBy('sup', 'caseSettings.update', value === undefined ? {} : { reviewWindowDays: value }, locale);
      expect(answer, String(value)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (answer.ok) continue;
      const message = answer.error.fields?.reviewWindowDays;
      expect(message, String(value)).toBeTruthy();
      expect(message, String(value)).toContain(mentions);
    }
    expect(rowCounts(d.dataDir)).toEqual(before);
    expect(await d.by('sup', 'caseSettings.get', {})).toEqual({ reviewWindowDays: 30 });
  });

  it('is changed by supervisors only: receptionists, handlers and directors are refused and audited', async () => {
    const d = await staffed();
    for (const who of ['rec', 'han', 'dir'] as const) {
      const before = rowCounts(d.dataDir);
      const answer = await d.rawBy(who, 'caseSettings.update', { reviewWindowDays: 10 });
      expect(answer, who).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(rowCounts(d.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
    }
    expect(await d.by('dir', 'caseSettings.get', {})).toEqual({ reviewWindowDays: 30 });
  });
});
