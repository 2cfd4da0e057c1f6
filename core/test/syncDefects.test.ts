import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { type SyncDesk, twoDesksOfOneSite } from './syncDesk.ts';

/**
 * Two things two desks of one site used to get wrong: each desk's deadline sweep recorded the
 * breach of the same clock, and the case showed it twice after sync; and the settings still took
 * a desk prefix after the site had given the desk its own.
 */

const site = twoDesksOfOneSite();
let a: SyncDesk;
let b: SyncDesk;
beforeAll(() => {
  ({ a, b } = site);
});

const breachesLogged = (desk: SyncDesk, caseId: string) => {
  const db = new Sqlite(path.join(desk.dataDir, storeFileName), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT count(*) FROM case_events e JOIN cases c ON c.seqno = e.pos / 1048576 WHERE c.id = ? AND e.type = 'deadlineBreached'",
      )
      .pluck()
      .get(caseId) as number;
  } finally {
    db.close();
  }
};

describe('a deadline missed while two desks hold the case', () => {
  it('is recorded by both sweeps but shown once, the same on both desks, and counted once', async () => {
    const receivedAt = new Date(Date.now() - 12 * 86_400_000).toISOString();
    const { id } = await a.register('rec', { receivedAt });
    await a.syncNow();
    await b.syncNow();
    // Each desk's sweep finds the missed clocks before it has heard of the other's.
    const onA = await a.desk.sweepDeadlines();
    const onB = await b.desk.sweepDeadlines();
    expect(onA).toBeGreaterThan(0);
    expect(onB).toBe(onA);
    await a.syncNow();
    await b.syncNow();
    await a.syncNow();
    // The log keeps both desks' records...
    expect(breachesLogged(a, id)).toBe(2 * onA);
    expect(breachesLogged(b, id)).toBe(2 * onA);
    // ...the case shows each clock's breach once, the same event on both desks.
    const shown = async (desk: SyncDesk) =>
      (await desk.by('admin', 'cases.get', { id })).events
        .filter((e) => e.type === 'deadlineBreached')
        .map((e) => `${e.id}:${e.payload.clock}`);
    const fromA = await shown(a);
    expect(fromA).toHaveLength(onA);
    expect(new Set(fromA.map((s) => s.split(':')[1])).size).toBe(onA);
    expect(await shown(b)).toEqual(fromA);
    const window = { from: new Date(Date.now() - 30 * 86_400_000).toISOString(), to: new Date().toISOString() };
    for (const desk of [a, b]) expect((await desk.by('admin', 'reports.onTime', window)).acknowledge).toMatchObject({ late: 1 });
    // A later sweep records nothing new on either desk, and the chains verify.
    expect(await a.desk.sweepDeadlines()).toBe(0);
    expect(await b.desk.sweepDeadlines()).toBe(0);
    expect(await b.by('admin', 'cases.verifyChain', { id })).toMatchObject({ firstBroken: null });
  });
});

describe('the desk prefix once the desk joined a site', () => {
  it('is the site’s, shown read-only, and a change to it is refused at its field', async () => {
    const settings = await a.by('admin', 'settings.get', {});
    expect(settings.sitePrefix).toBe('A');
    expect(settings.nextNumberExample.startsWith('A')).toBe(true);
    const refused = await a.rawBy('admin', 'settings.update', { desk: { deskPrefix: 'Q' } }, 'en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(refused.ok ? {} : refused.error.fields).toHaveProperty(['desk.deskPrefix']);
    // The rest of the section still saves, its prefix sent back as it was shown.
    const saved = await a.by('admin', 'settings.update', { desk: { ...settings.desk, deskName: '门诊一楼' } });
    expect(saved.desk.deskName).toBe('门诊一楼');
    expect((await a.register('rec')).number.startsWith('A')).toBe(true);
    // Left the site: the prefix is the desk's own again, and editable.
    await a.by('admin', 'sync.leave', {});
    expect((await a.by('admin', 'settings.get', {})).sitePrefix).toBeNull();
    expect((await a.by('admin', 'settings.update', { desk: { deskPrefix: 'Q' } })).desk.deskPrefix).toBe('Q');
  });
});
