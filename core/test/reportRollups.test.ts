import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/connection.ts';
import { overdueCases, repeatComplainants } from '../../db/queries/reportLists.ts';
import { type DailyChanges, flushDailyChanges, rebuildReportRollups, refreshReportRollup } from '../../db/queries/reportRollups.ts';
import { reportGroups } from '../../domain/reports/groups.ts';
import { cohortGroupCounts, cubeGroupCounts, type GroupCounts } from '../reports/cohortCounts.ts';
import { refoldReportProjections } from '../reports/refoldProjections.ts';
import { local, nowIso, seedReportDataset } from './reportsDataset.ts';

/**
 * The report roll-ups kept by the projection step give the same counts as the cohort query over
 * the cases (today's reports), for whole and partial days, and equal a recount from scratch:
 * additive bookkeeping that never drifts from the log it follows.
 */
type Seeded = Awaited<ReturnType<typeof seedReportDataset>>;
let seeded: Seeded | undefined;
let reader: Store | undefined;
afterEach(async () => {
  await reader?.close();
  await seeded?.desk.close();
  reader = undefined;
  seeded = undefined;
});

const offset = 480;

/** Maps sorted by key, so that two results compare as plain objects. */
const plain = (g: GroupCounts) => ({
  total: g.total,
  groups: Object.fromEntries(
    [...g.perGroup].map(([group, keys]) => [group, [...keys].sort(([a], [b]) => String(a).localeCompare(String(b)))]),
  ),
});

async function keptTables(store: Store) {
  const daily = await sql`SELECT * FROM report_daily WHERE registered <> 0 ORDER BY dimension, day, key`.execute(store.db);
  const counted = await sql`SELECT * FROM report_counted ORDER BY case_seqno`.execute(store.db);
  const phones = await sql`SELECT * FROM report_phone_month ORDER BY phone, month`.execute(store.db);
  return { daily: daily.rows, counted: counted.rows, phones: phones.rows };
}

async function seedWithHistory() {
  seeded = await seedReportDataset();
  const { desk, ids, at, billing, outpatient } = seeded;
  const act = async (when: string, id: string, action: Parameters<typeof desk.call<'cases.act'>>[1]['action']) => {
    at(when);
    await desk.call('cases.act', { id, action });
  };
  // What changes the keys and the repeat flags of other cases: a merge, a new phone, a new lead.
  const c7 = await desk.call('cases.register', {
    type: 'complaint',
    channel: 'phone',
    complainant: { name: '张三', phone: '13900001111' },
    subject: '再次投诉挂号排队',
    content: '又排了一个小时的队。',
    receivedAt: local('2025-11-12', '16:30'),
  });
  await act(local('2025-11-13', '09:00'), ids.c4.id, { type: 'merge', intoNumber: ids.c1.number, reason: '同一事项' });
  await act(local('2025-11-13', '10:00'), ids.c2.id, {
    type: 'assign',
    departmentId: outpatient,
    coDepartmentIds: [billing],
    reason: '转门诊',
  });
  await act(local('2025-11-14', '10:00'), ids.c6.id, {
    type: 'correct',
    field: 'complainant.phone',
    value: '13900001111',
    reason: '登记时漏填',
  });
  await act(local('2025-11-14', '11:00'), c7.id, { type: 'redirect', target: 'medicalMediation', note: '请向医保局反映' });
  at(nowIso);
  reader = openStore(desk.dataDir);
  return { seeded, reader };
}

describe('report roll-ups', () => {
  it('give the counts of the cohort query for whole days, partial days and periods', async () => {
    const { reader } = await seedWithHistory();
    const ranges = [
      { from: local('2025-11-01', '00:00'), to: local('2025-12-01', '00:00') },
      { from: local('2025-10-01', '00:00'), to: local('2025-12-01', '00:00') },
      { from: local('2025-01-01', '00:00'), to: local('2026-01-01', '00:00') },
      { from: local('2025-11-03', '10:30'), to: local('2025-11-20', '11:00') },
      { from: local('2025-11-10', '00:00'), to: local('2025-11-11', '00:00') },
    ];
    for (const range of ranges) {
      for (const now of [nowIso, local('2025-12-24', '12:00')]) {
        const kept = await cohortGroupCounts(reader.db, range, now, reportGroups, offset);
        const cube = await cubeGroupCounts(reader.db, { ...range, now }, reportGroups, offset);
        expect(plain(kept), `${range.from} – ${range.to} at ${now}`).toEqual(plain(cube));
      }
    }
    // Not a vacuous comparison: the month has the seeded cases and their outcomes.
    const november = await cohortGroupCounts(reader.db, ranges[0] as (typeof ranges)[0], nowIso, [], offset);
    expect(november.total.registered).toBe(5); // c4 was merged into c1
    expect(november.total.closed).toBe(1);
    expect(november.total.clockDecided.acknowledge).toBeGreaterThan(0);
  });

  it('kept event by event equal a fold of the events and a recount from scratch', async () => {
    const { reader } = await seedWithHistory();
    const kept = await keptTables(reader);
    expect(kept.counted.length).toBe(7);
    expect(kept.daily.length).toBeGreaterThan(20);
    expect(kept.phones.length).toBeGreaterThan(0);
    // The rebuild command: facts and clocks folded again from every case's events, then counted.
    expect(await refoldReportProjections(reader.db, nowIso)).toBe(7);
    expect(await keptTables(reader)).toEqual(kept);
    await reader.db.transaction().execute((trx) => rebuildReportRollups(trx, offset, nowIso));
    expect(await keptTables(reader)).toEqual(kept);
  });

  it('kept for many cases at once (a pulled page) end as kept one case at a time', async () => {
    const { reader } = await seedWithHistory();
    const kept = await keptTables(reader);
    const ids = (
      await sql<{ id: string }>`SELECT c.id FROM report_counted b JOIN cases c ON c.seqno = b.case_seqno ORDER BY b.case_seqno`.execute(
        reader.db,
      )
    ).rows.map((r) => r.id);
    expect(ids).toHaveLength(kept.counted.length);
    await reader.db.transaction().execute(async (trx) => {
      await sql`DELETE FROM report_counted`.execute(trx);
      await sql`DELETE FROM report_daily`.execute(trx);
      await sql`DELETE FROM report_phone_month`.execute(trx);
      const pending: DailyChanges = new Map();
      for (const id of ids) await refreshReportRollup(trx, id, pending);
      expect(pending.size).toBeGreaterThan(0);
      expect((await sql`SELECT count(*) AS n FROM report_daily`.execute(trx)).rows).toEqual([{ n: 0 }]);
      await flushDailyChanges(trx, pending);
    });
    expect(await keptTables(reader)).toEqual(kept);
  });

  it('are not used under another UTC offset than they were counted for', async () => {
    const { reader } = await seedWithHistory();
    const range = { from: '2025-11-01T00:00:00.000Z', to: '2025-12-01T00:00:00.000Z' };
    await sql`UPDATE report_daily SET registered = registered + 100`.execute(reader.db);
    // Counted under UTC+8: a UTC report reads the cases (and ignores the tampered sums).
    const utc = await cohortGroupCounts(reader.db, range, nowIso, [], 0);
    expect(utc).toEqual(await cubeGroupCounts(reader.db, { ...range, now: nowIso }, [], 0));
  });
});

describe('the analysis lists', () => {
  it('read the kept rows and answer as the cases do', async () => {
    const { reader, seeded } = await seedWithHistory();
    const year = { from: local('2025-01-01', '00:00'), to: local('2026-01-01', '00:00') };
    const later = local('2025-12-24', '12:00');
    const lists = async () => ({
      repeats: await repeatComplainants(reader.db, year, 10, seeded.ids.c1.id),
      overdue: await overdueCases(reader.db, year, later, 200),
      overdueSoon: await overdueCases(reader.db, year, nowIso, 1),
    });
    const kept = await lists();
    expect(kept.repeats.length).toBeGreaterThan(0);
    expect(kept.overdue.length).toBeGreaterThan(1);
    await sql`DELETE FROM report_rollup_state`.execute(reader.db);
    expect(await lists()).toEqual(kept);
  });
});
