import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

/** A desk whose clock the test moves: cases received in 2025, sealed in January 2026. */
async function deskOf2025() {
  let clock = new Date('2025-03-10T02:00:00Z');
  const desk = await openTestDesk({ now: () => clock });
  open.push(desk);
  await desk.setupAndLogin();
  const register = async () => (await desk.call('cases.register', sampleComplaint)).id;
  const resolved = await register();
  await desk.call('cases.act', {
    id: resolved,
    action: { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元并道歉', satisfaction: 5 },
  });
  const declined = await register();
  await desk.call('cases.act', { id: declined, action: { type: 'decline', reasonCode: 'inLitigation' } });
  const stillOpen = await register();
  clock = new Date('2026-01-05T02:00:00Z');
  await desk.login(); // the session of March ended long ago
  // A case of 2026 is not the 2025 seal's business.
  const next = await register();
  return { desk, resolved, declined, stillOpen, next };
}

describe('year-end sealing', () => {
  it('refuses a year not over, and a year with open cases unless carried over, writing nothing', async () => {
    const { desk, stillOpen } = await deskOf2025();
    const now = await desk.raw('seals.seal', { year: 2026, carryOver: [], confirm: true });
    expect(now).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { year: expect.any(String) } } });
    const preview = await desk.call('seals.preview', { year: 2025 });
    expect(preview).toMatchObject({ year: 2025, cases: 3, finished: 2, sealed: false });
    expect(preview.open.map((c) => c.id)).toEqual([stillOpen]);
    const before = rowCounts(desk.dataDir);
    const refused = await desk.raw('seals.seal', { year: 2025, carryOver: [], confirm: true }, { locale: 'zh-CN' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { carryOver: expect.stringContaining('1 件未办结') } },
    });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('seals the finished cases read-only, keeps carried-over ones workable, and verifies against the signed manifest', async () => {
    const { desk, resolved, declined, stillOpen, next } = await deskOf2025();
    const sealed = await desk.call('seals.seal', { year: 2025, carryOver: [stillOpen], confirm: true });
    expect(sealed).toMatchObject({ year: 2025, caseCount: 2, carriedOver: 1 });
    // The screen follows the seal as a job: its cases counted, the job done.
    expect((await desk.call('jobs.status', {})).items[0]).toMatchObject({
      kind: 'seal',
      state: 'done',
      phase: 'writing',
      done: 2,
      total: 2,
    });
    expect(await desk.raw('seals.seal', { year: 2025, carryOver: [stillOpen], confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    // Read-only for everyone, whatever the action.
    const note = await desk.raw('cases.act', { id: resolved, action: { type: 'note', text: '封存后补记' } }, { locale: 'en' });
    expect(note).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('sealed with the year 2025') } });
    expect(await desk.raw('cases.act', { id: declined, action: { type: 'note', text: '补充说明' } })).toMatchObject({ ok: false });
    expect(await desk.call('cases.get', { id: resolved })).toMatchObject({ allowedActions: [], sealedYear: 2025 });
    expect((await desk.call('cases.get', { id: stillOpen })).sealedYear).toBeUndefined();
    await desk.call('cases.act', { id: stillOpen, action: { type: 'note', text: '结转到 2026 年继续办理' } });
    await desk.call('cases.act', { id: next, action: { type: 'note', text: '2026 年的投诉件' } });

    const verified = await desk.call('seals.verify', { year: 2025 });
    expect(verified).toMatchObject({ year: 2025, ok: true, cases: 2, manifestOk: true, signatureOk: true, problems: [] });
    const overview = await desk.call('seals.overview', {});
    expect(overview.years).toEqual([
      expect.objectContaining({ year: 2026, cases: 1, sealed: null }),
      expect.objectContaining({ year: 2025, cases: 3, finished: 2, sealed: expect.objectContaining({ caseCount: 2, carriedOver: 1 }) }),
    ]);
    const register = await desk.call('print.render', { template: 'yearRegister', year: 2025, purpose: 'print' });
    expect(register.html).toContain('2025 年度归档目录');
    expect(register.html).toContain(sealed.manifestSha256);
    expect(register).toMatchObject({ copy: 1, reprint: false });
    expect(await desk.raw('print.render', { template: 'yearRegister', year: 2024 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('detects a sealed case edited behind the desk, and an edited register', async () => {
    const { desk, resolved, stillOpen } = await deskOf2025();
    await desk.call('seals.seal', { year: 2025, carryOver: [stillOpen], confirm: true });
    const number = (await desk.call('cases.get', { id: resolved })).number;
    const raw = new Sqlite(path.join(desk.dataDir, storeFileName));
    try {
      raw.exec('DROP TRIGGER case_events_append_only_update');
      raw
        .prepare(
          "UPDATE case_events SET payload = replace(payload, '20 元', '200 元') WHERE pos = (SELECT seqno FROM cases WHERE id = ?) * 1048576 + 2",
        )
        .run(resolved);
    } finally {
      raw.close();
    }
    const edited = await desk.call('seals.verify', { year: 2025 });
    expect(edited).toMatchObject({ ok: false, manifestOk: true, signatureOk: true, problems: [{ number, problem: 'chainBroken' }] });

    const again = new Sqlite(path.join(desk.dataDir, storeFileName));
    try {
      again.prepare('DELETE FROM sealed_cases WHERE case_id = ?').run(resolved);
    } finally {
      again.close();
    }
    expect(await desk.call('seals.verify', { year: 2025 })).toMatchObject({ ok: false, manifestOk: false });
  });
});
