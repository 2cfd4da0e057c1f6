import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
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
  it('meets the clocks a redirect or a resolution on the spot left running in an older store', () => {
    // A store at version 8, as written before the rule: those clocks still running, the redirect not counted as declined.
    const raw = new Sqlite(':memory:');
    migrate(raw, { migrations: migrations.filter((m) => m.version <= 8) });
    raw.exec("INSERT INTO users (id, username, display_name, password_hash, roles, created_at) VALUES ('u', 'u', 'u', 'x', '[]', 'x')");
    const cases = { onSpot: 'resolvedOnSpot', redirected: 'redirected', open: 'noted' } as const;
    const decidedAt = '2026-11-23T02:00:00.000Z';
    for (const [id, type] of Object.entries(cases)) {
      raw
        .prepare(
          `INSERT INTO cases (id, number, query_code, status, type, channel, severity, subject, content, complainant_name, complainant,
             received_at, registered_by, deadline_acknowledge, deadline_feedback, deadline_resolve, created_at, updated_at, last_seq, last_hash)
           VALUES (?, ?, 'Q', 'registered', 'complaint', 'phone', 'general', 's', 'c', 'n', '{}', 'x', 'u', 'x', 'x', 'x', 'x', 'x', 2, 'h')`,
        )
        .run(id, id);
      const event = raw.prepare("INSERT INTO case_events VALUES (?, ?, ?, ?, '{}', 'u', 'd', ?, 'h', 'p', 'h')");
      event.run(`${id}-1`, id, 1, 'registered', '2026-11-23T01:00:00.000Z');
      event.run(`${id}-2`, id, 2, type, decidedAt);
      for (const clock of ['acknowledge', 'feedback', 'resolve']) {
        raw.prepare("INSERT INTO case_clocks (case_id, clock, due) VALUES (?, ?, '2026-12-01T00:00:00.000Z')").run(id, clock);
      }
      raw.prepare('INSERT INTO case_report_facts (case_id) VALUES (?)').run(id);
    }

    migrate(raw, { migrations: migrations.filter((m) => m.version <= 9) });
    const metAt = (id: string) => raw.prepare('SELECT met_at FROM case_clocks WHERE case_id = ? ORDER BY clock').pluck().all(id);
    expect(metAt('onSpot')).toEqual([decidedAt, decidedAt, decidedAt]);
    expect(metAt('redirected')).toEqual([decidedAt, decidedAt, decidedAt]);
    expect(metAt('open')).toEqual([null, null, null]);
    expect(raw.prepare('SELECT declined, resolve_done_at FROM case_report_facts WHERE case_id = ?').get('redirected')).toEqual({
      declined: 1,
      resolve_done_at: decidedAt,
    });
    raw.close();
  });
});
