import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { openStaffedDesk, type StaffedDesk } from './handlingDesk.ts';
import { openRaw } from './rawStore.ts';
import { rowCounts } from './storeSnapshot.ts';

/** The settings, one namespace by section: read by all, each section changed by its owners, validated, audited. */
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
    expect((await d.by('han', 'settings.get', {})).cases).toEqual({ reviewWindowDays: 30 });
    expect((await d.by('sup', 'settings.update', { cases: { reviewWindowDays: 15 } })).cases).toEqual({ reviewWindowDays: 15 });
    expect((await d.by('rec', 'settings.get', {})).cases).toEqual({ reviewWindowDays: 15 });
    const { db } = openRaw(d.dataDir);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').execute();
    await db.destroy();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(d.ids.sup);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ 'cases.reviewWindowDays': { before: 30, after: 15 } });
    // Saving the same value again changes nothing and records nothing.
    const before = rowCounts(d.dataDir);
    await d.by('sup', 'settings.update', { cases: { reviewWindowDays: 15 } });
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
      [null, 'zh-CN', '必填'],
      [400, 'en', '365'],
    ];
    for (const [value, locale, mentions] of cases) {
      const answer = await d.rawBy('sup', 'settings.update', { cases: { reviewWindowDays: value } }, locale);
      expect(answer, String(value)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (answer.ok) continue;
      const message = answer.error.fields?.['cases.reviewWindowDays'];
      expect(message, String(value)).toBeTruthy();
      expect(message, String(value)).toContain(mentions);
    }
    expect(rowCounts(d.dataDir)).toEqual(before);
    expect((await d.by('sup', 'settings.get', {})).cases).toEqual({ reviewWindowDays: 30 });
  });

  it('is changed by supervisors only: receptionists, handlers and directors are refused and audited', async () => {
    const d = await staffed();
    for (const who of ['rec', 'han', 'dir'] as const) {
      const before = rowCounts(d.dataDir);
      const answer = await d.rawBy(who, 'settings.update', { cases: { reviewWindowDays: 10 } });
      expect(answer, who).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(rowCounts(d.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
    }
    expect((await d.by('dir', 'settings.get', {})).cases).toEqual({ reviewWindowDays: 30 });
  });
});

describe('the settings by section', () => {
  it('are read anew when the store changes under the desk (a restore, a pulled change): the next number carries the new prefix', async () => {
    const d = await staffed();
    expect((await d.register('rec', {})).number).toMatch(/^\d/);
    const sqlite = new Sqlite(path.join(d.dataDir, storeFileName));
    sqlite
      .prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('desk.prefix', '\"Q\"', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(new Date().toISOString());
    sqlite.close();
    expect((await d.register('rec', {})).number).toMatch(/^Q\d/);
    expect((await d.by('rec', 'settings.get', {})).desk.deskPrefix).toBe('Q');
  });

  it('answers every section with its defaults on a new desk', async () => {
    const d = await staffed();
    const view = await d.by('han', 'settings.get', {});
    expect(view).toMatchObject({
      desk: { deskPrefix: '', numberFormat: 'YYMM-NNNN', deskPhone: '', language: 'zh-CN', idleLockMinutes: 5 },
      printing: { printer: '', slipWidth: '80', printMode: 'dialog' },
      cases: { reviewWindowDays: 30 },
      deadlines: { workingHours: ['08:30-12:00', '13:30-17:30'], dueSoonWorkingDays: 1 },
    });
    expect(view.desk.orgName).not.toBe('');
  });

  it('lets each section be changed only by its owners, a call touching another section refused whole', async () => {
    const d = await staffed();
    const before = rowCounts(d.dataDir);
    // A supervisor owns the review window, not the desk's prefix: nothing of the call is written.
    const mixed = await d.rawBy('sup', 'settings.update', { cases: { reviewWindowDays: 10 }, desk: { deskPrefix: 'B' } });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(rowCounts(d.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
    const admin = await d.by('admin', 'settings.update', {
      desk: { deskPrefix: 'b' },
      printing: { printer: 'Slip printer', printMode: 'silent' },
      deadlines: { dueSoonWorkingDays: 2 },
    });
    expect(admin).toMatchObject({
      desk: { deskPrefix: 'B' },
      printing: { printer: 'Slip printer', printMode: 'silent', slipWidth: '80' },
      deadlines: { dueSoonWorkingDays: 2 },
    });
    expect(admin.nextNumberExample).toMatch(/^B\d{4}-0001$/);
    const { db } = openRaw(d.dataDir);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').execute();
    await db.destroy();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      {
        'desk.deskPrefix': { before: '', after: 'B' },
        'printing.printer': { before: '', after: 'Slip printer' },
        'printing.printMode': { before: 'dialog', after: 'silent' },
        'deadlines.dueSoonWorkingDays': { before: 1, after: 2 },
      },
    ]);
  });

  it('names a refused field by its section, and refuses what no section holds', async () => {
    const d = await staffed();
    const bad = await d.rawBy('admin', 'settings.update', { desk: { deskPrefix: '1A', idleLockMinutes: 0 }, printing: { paper: 'A4' } });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: { 'desk.deskPrefix': expect.any(String), 'desk.idleLockMinutes': expect.any(String), 'printing.paper': expect.any(String) },
      },
    });
    const overlapping = await d.rawBy('admin', 'settings.update', { deadlines: { workingHours: ['13:30-17:30', '08:30-12:00'] } });
    expect(overlapping).toMatchObject({ ok: false, error: { fields: { 'deadlines.workingHours': expect.any(String) } } });
  });
});
