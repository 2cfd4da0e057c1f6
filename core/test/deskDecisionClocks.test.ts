import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const bj = (local: string) => new Date(`${local}:00+08:00`);

/**
 * A case the desk settles there and then (resolved on the spot, or redirected with guidance)
 * has answered the complainant: every clock stops with that decision, in the deadline engine
 * and in the reports alike, so weeks later no breach is recorded and it counts as on time.
 */
describe('clocks stopped by the desk decision', () => {
  it.each([
    ['resolved on the spot', { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元并道歉', satisfaction: 5 }, 'resolvedOnSpot'],
    ['redirected', { type: 'redirect', target: 'medicalMediation' }, 'redirected'],
  ] as const)('%s', async (_, action, eventType) => {
    let clock = bj('2026-11-23T10:00');
    const desk = await openTestDesk({ now: () => clock, sessionIdleMs: 365 * 86_400_000 });
    close = () => desk.close();
    await desk.setupAndLogin();
    const c = await desk.call('cases.register', sampleComplaint);
    const decided = await desk.call('cases.act', { id: c.id, action });
    expect(decided.events.at(-1)?.type).toBe(eventType);
    expect(decided.deadlineInfo?.clocks.map((k) => k.status)).toEqual(['met', 'met', 'met']);
    expect(decided.deadlineAlert).toBeNull();

    clock = bj('2026-12-31T10:00');
    expect(await desk.desk.sweepDeadlines()).toBe(0);
    const later = await desk.call('cases.get', { id: c.id });
    expect(later.events.filter((e) => e.type === 'deadlineBreached')).toEqual([]);
    const range = { from: bj('2026-11-01T00:00').toISOString(), to: bj('2026-12-01T00:00').toISOString() };
    const onTime = { onTime: 1, late: 0, rate: 1 };
    expect(await desk.call('reports.onTime', range)).toEqual({ acknowledge: onTime, feedback: onTime, resolve: onTime });
    const summary = await desk.call('reports.summary', range);
    const met = { numerator: 1, denominator: 1, value: 1 };
    expect(summary.figures.onTimeRate).toEqual({ acknowledge: met, feedback: met, resolve: met });
    expect(summary.workload.overdue).toBe(0);
    // Redirected is a decision not to handle the matter here: counted with the declined, not accepted.
    expect(summary.figures.counts).toMatchObject(
      eventType === 'redirected' ? { declined: 1, accepted: 0, closed: 0 } : { declined: 0, accepted: 1, closed: 1 },
    );
  });
});

describe('migration 9', () => {
  it('meets the clocks a redirect or a resolution on the spot left running in an older store', async () => {
    const clock = bj('2026-11-23T10:00');
    const desk = await openTestDesk({ now: () => clock });
    await desk.setupAndLogin();
    const onSpot = await desk.call('cases.register', sampleComplaint);
    await desk.call('cases.act', { id: onSpot.id, action: { type: 'resolveOnSpot', resolution: '当场解决', satisfaction: 5 } });
    const redirected = await desk.call('cases.register', sampleComplaint);
    await desk.call('cases.act', { id: redirected.id, action: { type: 'redirect', target: 'court' } });
    const open = await desk.call('cases.register', sampleComplaint);
    await desk.close();
    // As a store written before the rule: those clocks still running, the redirect not counted as declined.
    const file = path.join(desk.dataDir, storeFileName);
    const raw = new Sqlite(file);
    raw.prepare('UPDATE case_clocks SET met_at = NULL WHERE case_id IN (?, ?)').run(onSpot.id, redirected.id);
    raw
      .prepare(
        'UPDATE case_report_facts SET declined = 0, ack_done_at = NULL, feedback_done_at = NULL, resolve_done_at = NULL WHERE case_id = ?',
      )
      .run(redirected.id);
    raw.pragma('user_version = 8');
    raw.close();

    const reopened = await openTestDesk({ dataDir: desk.dataDir, now: () => clock });
    close = () => reopened.close();
    const check = new Sqlite(file, { readonly: true });
    const decidedAt = (id: string) =>
      check.prepare("SELECT at FROM case_events WHERE case_id = ? AND type IN ('resolvedOnSpot', 'redirected')").pluck().get(id);
    const metAt = (id: string) => check.prepare('SELECT met_at FROM case_clocks WHERE case_id = ? ORDER BY clock').pluck().all(id);
    expect(check.pragma('user_version', { simple: true })).toBe(9);
    expect(metAt(onSpot.id)).toEqual([decidedAt(onSpot.id), decidedAt(onSpot.id), decidedAt(onSpot.id)]);
    expect(metAt(redirected.id)).toEqual([decidedAt(redirected.id), decidedAt(redirected.id), decidedAt(redirected.id)]);
    expect(metAt(open.id)).toEqual([null, null, null]);
    expect(check.prepare('SELECT declined, resolve_done_at FROM case_report_facts WHERE case_id = ?').get(redirected.id)).toEqual({
      declined: 1,
      resolve_done_at: decidedAt(redirected.id),
    });
    check.close();
  });
});
