import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileName, upgradeCopyName } from '../../db/connection.ts';
import { rowCounts } from './storeSnapshot.ts';
import { secretsFound } from './stringsScan.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/** Latin letters and digits, so `strings` would see them in a plain store file. */
const complainant = { name: 'Zhangsanfeng Liu', phone: '13912345678', idNumber: '110101199003071234', address: 'Renmin Road 88' };
const witness = { name: 'Wangwitness Five', phone: '13700001111' };
const secrets = [complainant.name, complainant.phone, complainant.idNumber, complainant.address, witness.name];
const photo = Buffer.from('JFIF photo of the broken lift, taken by Zhangsanfeng Liu');

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

const leaked = (dataDir: string) => secretsFound(dataDir, secrets);

/** A plain desk (so `strings` can see), a case finished in March 2022 with evidence, sealed with 2022, then June 2025. */
async function deskWithOldCase() {
  let clock = new Date('2022-03-10T02:00:00Z');
  const desk = await openTestDesk({ keyring: null, now: () => clock });
  open.push(desk);
  await desk.setupAndLogin();
  const upload = await desk.call('attachments.upload', { name: 'lift.jpg', mime: 'image/jpeg', dataBase64: photo.toString('base64') });
  const old = await desk.call('cases.register', { ...sampleComplaint, complainant, witnesses: [witness], attachments: [upload] });
  await desk.call('cases.act', {
    id: old.id,
    action: { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元并道歉', satisfaction: 5 },
  });
  const open2022 = await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '李四', phone: '13600000000' } });
  clock = new Date('2023-01-05T02:00:00Z');
  await desk.login();
  await desk.call('seals.seal', { year: 2022, carryOver: [open2022.id], confirm: true });
  clock = new Date('2025-06-01T02:00:00Z');
  await desk.login();
  return { desk, old, open2022, upload };
}

describe('retention and anonymisation', () => {
  it('refuses a period of zero or a thousand years at the field, writing nothing', async () => {
    const { desk } = await deskWithOldCase();
    const { periods, defaults } = await desk.call('retention.get', {});
    expect(periods).toEqual(defaults);
    expect(defaults).toMatchObject({ evidence: 12, personalData: { complaint: 36 } });
    const before = rowCounts(desk.dataDir);
    const zero = await desk.raw('retention.update', { periods: { ...periods, evidence: 0 } }, { locale: 'en' });
    expect(zero).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'periods.evidence': expect.any(String) } } });
    const forever = await desk.raw('retention.update', {
      periods: { ...periods, personalData: { ...periods.personalData, complaint: 12_000 } },
    });
    expect(forever).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'periods.personalData.complaint': expect.any(String) } },
    });
    expect(rowCounts(desk.dataDir)).toEqual(before);
    const longer = await desk.call('retention.update', {
      periods: { ...periods, personalData: { ...periods.personalData, complaint: 120 } },
    });
    expect(longer.periods.personalData.complaint).toBe(120);
    // Ten years: nothing of 2022 is due for its personal data, its evidence is.
    expect((await desk.call('retention.preview', {})).cases).toEqual([expect.objectContaining({ kinds: ['evidence'], files: 1 })]);
  });

  it('shows what is due, then removes it: the case keeps its figures and history, its complainant can no longer be found', async () => {
    const { desk, old, upload } = await deskWithOldCase();
    const summaryBefore = await desk.call('reports.summary', { from: '2022-01-01T00:00:00.000Z', to: '2023-01-01T00:00:00.000Z' });
    expect(leaked(desk.dataDir)).toEqual(secrets);

    // The dry run writes nothing but its audit entry.
    const before = rowCounts(desk.dataDir);
    const preview = await desk.call('retention.preview', {});
    expect(preview).toMatchObject({ total: 1, cases: [{ id: old.id, number: old.number, kinds: ['evidence', 'personalData'], files: 1 }] });
    expect(rowCounts(desk.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
    expect((await desk.call('cases.list', { q: complainant.name })).items.length).toBe(1);

    expect(await desk.call('retention.apply', { caseIds: [old.id], confirm: true })).toEqual({ cases: 1, files: 1 });
    // A job, so a long removal shows how far it got.
    expect((await desk.call('jobs.status', {})).items).toEqual([
      expect.objectContaining({ kind: 'retention', state: 'done', phase: 'removing', done: 1, total: 1, mine: true }),
    ]);
    expect((await desk.call('retention.preview', {})).total).toBe(0);
    // Applied twice: nothing more to do.
    expect(await desk.call('retention.apply', { caseIds: [old.id], confirm: true })).toEqual({ cases: 0, files: 0 });

    const detail = await desk.call('cases.get', { id: old.id });
    expect(detail).toMatchObject({ number: old.number, status: 'closed', subject: sampleComplaint.subject });
    expect(detail.complainant).toEqual({ name: '' });
    expect(detail.intake.attachments ?? []).toEqual([]);
    expect(detail.intake.witnesses).toEqual([{ name: '' }]);
    expect((await desk.call('cases.list', { q: complainant.name })).items.length).toBe(0);
    expect((await desk.call('cases.list', { q: complainant.phone })).items.length).toBe(0);
    expect(await desk.raw('attachments.get', { caseId: old.id, sha256: upload.sha256 })).toMatchObject({ ok: false });

    // Its figures stay; its history and its sealed year still verify.
    const summaryAfter = await desk.call('reports.summary', { from: '2022-01-01T00:00:00.000Z', to: '2023-01-01T00:00:00.000Z' });
    expect(summaryAfter.figures).toEqual(summaryBefore.figures);
    expect(await desk.call('seals.verify', { year: 2022 })).toMatchObject({ ok: true, cases: 1 });
    const audit = await desk.call('audit.list', { action: 'retention.remove' });
    expect(audit.items).toEqual([expect.objectContaining({ target: old.id })]);

    // Nothing of the complainant is left in the data folder: not the store, its log, nor the evidence file.
    await desk.close();
    expect(leaked(desk.dataDir)).toEqual([]);
  });

  it('deletes the copies a schema upgrade left in the data folder, which still held what it removed', async () => {
    const { desk, old } = await deskWithOldCase();
    // The copy an upgrade makes first (db/connection.ts), taken of this store as it stands.
    const copy = path.join(desk.dataDir, upgradeCopyName(25, Date.parse('2025-05-01T00:00:00Z')));
    const reader = new Sqlite(path.join(desk.dataDir, storeFileName), { readonly: true });
    reader.prepare('VACUUM INTO ?').run(copy);
    reader.close();
    expect(secretsFound(copy, secrets)).toEqual(secrets);

    expect(await desk.call('retention.apply', { caseIds: [old.id], confirm: true })).toEqual({ cases: 1, files: 1 });
    expect(fs.existsSync(copy)).toBe(false);
    const audit = await desk.call('audit.list', { action: 'retention.upgradeCopiesRemoved' });
    expect(audit.items).toEqual([expect.objectContaining({ detail: { files: [path.basename(copy)] } })]);
    await desk.close();
    expect(leaked(desk.dataDir)).toEqual([]);
  });

  it('keeps the log append-only: a payload changes only with its original hash kept', async () => {
    const { desk, old } = await deskWithOldCase();
    await desk.close();
    const raw = new Sqlite(path.join(desk.dataDir, storeFileName));
    try {
      const pos = raw.prepare('SELECT seqno FROM cases WHERE id = ?').pluck().get(old.id) as number;
      expect(() => raw.prepare('UPDATE case_events SET payload = ? WHERE pos = ?').run('{}', pos * 2 ** 20 + 1)).toThrow(/append-only/);
      raw.prepare('INSERT INTO event_redactions (pos, hash) VALUES (?, ?)').run(pos * 2 ** 20 + 1, 'x'.repeat(64));
      expect(() => raw.prepare('UPDATE case_events SET type = ? WHERE pos = ?').run('noted', pos * 2 ** 20 + 1)).toThrow(/append-only/);
    } finally {
      raw.close();
    }
    expect(fs.existsSync(desk.dataDir)).toBe(true);
  });
});
