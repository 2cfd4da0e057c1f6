import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, storeFileName } from '../../db/connection.ts';
import { clockOfStored } from '../../db/queries/caseClocks.ts';
import { factsOfRow, type ReportFactsRow } from '../../db/queries/reportFacts.ts';
import { rebuildReportRollups } from '../../db/queries/reportRollups.ts';
import { isoTime, isoTimeOrNull, storedTime } from '../../db/queries/storedTime.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../../domain/cases/vocabulary.ts';
import { countCohort, type ReportCase } from '../../domain/reports/figures.ts';
import { workloadOf } from '../../domain/reports/workload.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/**
 * The SQL of db/queries/reports.ts against the pure definitions of domain/reports: the same
 * store read both ways must give the same counts, for every predicate (follow-ups, findings,
 * closing and breaches are written straight into the facts, as the handling events will).
 */
type TestDesk = Awaited<ReturnType<typeof openTestDesk>>;
let current: TestDesk | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

function readRecords(dataDir: string): ReportCase[] {
  const db = new Sqlite(path.join(dataDir, storeFileName), { readonly: true });
  try {
    const rows = db.prepare('SELECT c.*, r.* FROM cases c JOIN case_report_facts r ON r.case_seqno = c.seqno').all() as (ReportFactsRow &
      Record<string, string | number | null>)[];
    const clockRows = db.prepare('SELECT c.id AS case_id, k.* FROM case_clocks k JOIN cases c ON c.seqno = k.case_seqno').all() as {
      case_id: string;
      clock: number;
      due: number;
      met_at: number | null;
      breached_at: number | null;
      paused_since: number | null;
    }[];
    return rows.map((r) => ({
      id: String(r.id),
      number: String(r.number),
      type: r.type as RecordType,
      channel: r.channel as Channel,
      severity: r.severity as Severity,
      status: r.status as CaseStatus,
      categoryId: r.category_id as string | null,
      departmentId: r.department_id as string | null,
      handlerId: r.handler_id as string | null,
      respondentDepartmentId: null,
      respondentPerson: null,
      complainantPhone: r.complainant_phone as string | null,
      receivedAt: String(r.received_at),
      deadlines: {
        acknowledge: String(r.deadline_acknowledge),
        feedback: String(r.deadline_feedback),
        resolve: String(r.deadline_resolve),
      },
      facts: factsOfRow(r),
      clocks: Object.fromEntries(
        clockRows
          .filter((k) => k.case_id === r.id)
          .map((k) => [
            clockOfStored(k.clock),
            {
              due: isoTime(k.due),
              metAt: isoTimeOrNull(k.met_at),
              breachedAt: isoTimeOrNull(k.breached_at),
              pausedSince: isoTimeOrNull(k.paused_since),
            },
          ]),
      ),
      handlingDays: r.handling_days,
    }));
  } finally {
    db.close();
  }
}

describe('SQL aggregation mirrors the domain definitions', () => {
  it('gives the same counts and workload as countCohort over the same records', async () => {
    let clock = new Date(local('2025-11-01', '09:00'));
    current = await openTestDesk({ now: () => clock, sessionIdleMs: 10 * 365 * 86_400_000 });
    const desk = current;
    await desk.setupAndLogin();
    const ids: string[] = [];
    const phones = ['13900001111', '13900001111', '13900002222', '13900001111', null, '13900002222', null, '13900001111'];
    for (const [i, phone] of phones.entries()) {
      const when = local(`2025-11-${String(3 + i * 2).padStart(2, '0')}`, '10:00');
      clock = new Date(when);
      const complainant = phone ? { name: `投诉人${i}`, phone } : { name: `投诉人${i}` };
      ids.push(
        (
          await desk.call('cases.register', {
            ...sampleComplaint,
            type: i === 5 ? 'suggestion' : 'complaint',
            complainant,
            receivedAt: when,
          })
        ).id,
      );
    }
    clock = new Date(local('2025-11-26', '12:00'));
    const write = new Sqlite(path.join(desk.dataDir, storeFileName));
    const set = write.prepare(
      `UPDATE case_report_facts SET accepted_at = ?, ack_done_at = ?, feedback_done_at = ?, resolve_done_at = ?, resolve_breached = ?,
         finding = ?, closed_at = ?, follow_ups = ?, last_satisfaction = ?, handling_days = ? WHERE case_seqno = (SELECT seqno FROM cases WHERE id = ?)`,
    );
    const t = (d: string) => storedTime(local(d, '15:00'));
    set.run(t('2025-11-03'), t('2025-11-03'), t('2025-11-05'), t('2025-11-07'), 0, 'valid', t('2025-11-10'), 1, 5, 5, ids[0]);
    set.run(t('2025-11-06'), t('2025-11-06'), t('2025-11-20'), t('2025-11-21'), 1, 'invalid', null, 2, 3, null, ids[1]);
    set.run(t('2025-11-07'), t('2025-11-07'), t('2025-11-08'), t('2025-11-09'), 0, 'toImprove', t('2025-11-12'), 0, null, 3, ids[2]);
    set.run(t('2025-11-09'), t('2025-11-09'), null, null, 0, null, null, 0, null, null, ids[3]);
    set.run(t('2025-11-11'), t('2025-11-11'), t('2025-11-11'), t('2025-11-11'), 0, 'valid', t('2025-11-11'), 1, 4, 0, ids[4]);
    write.prepare("UPDATE cases SET status = 'closed' WHERE id IN (?, ?, ?)").run(ids[0], ids[2], ids[4]);
    // The deadline engine's clocks as those acts would leave them; one met late, one with a breach recorded.
    const meet = write.prepare(
      'UPDATE case_clocks SET met_at = ?, breached_at = ? WHERE case_seqno = (SELECT seqno FROM cases WHERE id = ?) AND clock = (SELECT key FROM json_each(\'["acknowledge","feedback","resolve"]\') WHERE value = ?)',
    );
    meet.run(t('2025-11-03'), null, ids[0], 'acknowledge');
    meet.run(t('2025-11-05'), null, ids[0], 'feedback');
    meet.run(t('2025-11-07'), null, ids[0], 'resolve');
    meet.run(t('2025-11-06'), null, ids[1], 'acknowledge');
    meet.run(t('2025-11-21'), t('2025-11-20'), ids[1], 'resolve');
    // Closing meets every clock still running (as the deadline engine folds a close).
    meet.run(t('2025-11-07'), null, ids[2], 'acknowledge');
    meet.run(t('2025-11-08'), null, ids[2], 'feedback');
    meet.run(t('2025-11-09'), null, ids[2], 'resolve');
    meet.run(t('2025-11-11'), null, ids[4], 'acknowledge');
    meet.run(t('2025-11-11'), null, ids[4], 'feedback');
    meet.run(t('2025-11-11'), null, ids[4], 'resolve');
    // Breached, then extended past now and still running: late already, though not yet due again.
    write
      .prepare('UPDATE case_clocks SET due = ?, breached_at = ? WHERE case_seqno = (SELECT seqno FROM cases WHERE id = ?) AND clock = 1')
      .run(storedTime(local('2025-12-05', '17:30')), t('2025-11-18'), ids[3]);
    write.close();
    // Written behind the desk's back: the roll-ups are counted again, by the one command that rebuilds them.
    const store = openStore(desk.dataDir);
    await store.db.transaction().execute((trx) => rebuildReportRollups(trx, 480, clock.toISOString()));
    await store.close();

    const now = clock.toISOString();
    const november = { from: local('2025-11-01', '00:00'), to: local('2025-12-01', '00:00') };
    const summary = await desk.call('reports.summary', november);
    const records = readRecords(desk.dataDir);
    expect(summary.figures.counts).toEqual(countCohort(records, november, now));
    expect(summary.figures.counts.clockDecided.feedback).toBeGreaterThan(summary.figures.counts.clockMet.feedback);
    const soon = new Date(clock.getTime() + 48 * 3_600_000).toISOString();
    expect(summary.workload).toEqual(workloadOf(records, now, soon));
    // And a few by hand: rated 3 (5, 3, 4) of which satisfied 2; closed with days: 5, 3, 0.
    expect(summary.figures.satisfactionRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(summary.figures.averageHandlingDays).toBeCloseTo(8 / 3);
    expect(summary.figures.validRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // Repeats by the same phone within 90 days: cases 1, 3, 7 (phone 1111) and 5 (2222, a suggestion: not counted).
    expect(summary.figures.counts.repeats).toBe(3);
  });
});
