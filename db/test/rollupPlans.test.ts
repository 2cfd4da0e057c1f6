import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../domain/cases/projection.ts';
import type { Store } from '../connection.ts';
import { boardCards, browseCases, countByStatus, countCases } from '../queries/caseBoard.ts';
import { clocksOfCases, clocksReceivedBetween } from '../queries/caseClocks.ts';
import { insertCase, listCases, updateCase } from '../queries/cases.ts';
import { casesWithoutFacts } from '../queries/reportFacts.ts';
import { majorCases, overdueCases, repeatComplainants } from '../queries/reportLists.ts';
import { pendingLateClocks, rollupSums } from '../queries/reportRollupSums.ts';
import { rebuildReportRollups } from '../queries/reportRollups.ts';
import { cohortCube, openWorkload } from '../queries/reports.ts';
import { casesReceivedBetween } from '../queries/seals.ts';
import { storedTime } from '../queries/storedTime.ts';
import type { Database } from '../schema.ts';
import { openPlanStore, type PlanStore, registeredState } from './planStore.ts';

/**
 * The plans of the tables and indexes of migration 11 (bench/results has the before/after
 * figures): the same answers as the queries they replace, read from an index range, with no
 * sort and no scan of every case. A regression guard that times nothing.
 */
const statuses = ['registered', 'accepted', 'investigating', 'closed'] as const;
const departments = ['d1', 'd2', 'd3'];

function state(i: number): CaseState {
  const registered = registeredState({
    number: `2611-${String(i).padStart(4, '0')}`,
    complainant: { name: '张三', phone: `1390000${String(i % 7).padStart(4, '0')}` },
    receivedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T01:00:00.000Z`,
    deadlines: {
      acknowledge: '2026-11-02T16:00:00.000Z',
      feedback: `2026-11-${String(10 + (i % 19)).padStart(2, '0')}T15:59:59.999Z`,
      resolve: '2026-11-30T15:59:59.999Z',
    },
  });
  return {
    ...registered,
    status: statuses[i % 4] ?? 'registered',
    departmentId: departments[i % 3] ?? null,
    // Every fifth case also involves the next department.
    coDepartmentIds: i % 5 === 0 ? [departments[(i + 1) % 3] ?? 'd1'] : [],
    respondent: i % 6 === 0 ? { userId: 'u' } : null,
  };
}

describe('query plans of the roll-ups, the case–department table and the kept counts', () => {
  let planStore: PlanStore;
  let store: Store;
  let statements: string[];
  let logged: Kysely<Database>;
  const count = 120;

  beforeAll(async () => {
    planStore = openPlanStore(departments);
    ({ store, statements, logged } = planStore);
    for (let i = 1; i <= count; i++) {
      const s = state(i);
      // Registered first and moved on: the triggers follow the projection's updates, not just inserts.
      await insertCase(
        store.db,
        { id: `case-${i}`, registeredBy: 'u', at: '2026-11-01T01:00:00.000Z', lastSeq: 1, heads: [] },
        { ...s, status: 'registered', departmentId: null, coDepartmentIds: [] },
      );
      await updateCase(store.db, `case-${i}`, 1, { at: '2026-11-02T01:00:00.000Z', lastSeq: 2, heads: [] }, s);
      const seqno = '(SELECT seqno FROM cases WHERE id = ?)';
      store.sqlite
        .prepare(`INSERT INTO case_report_facts (case_seqno, accepted_at) VALUES (${seqno}, ?)`)
        .run(`case-${i}`, storedTime('2026-11-02T01:00:00.000Z'));
      for (const clock of [0, 1, 2])
        store.sqlite
          .prepare(`INSERT INTO case_clocks (case_seqno, clock, due, met_at, breached_at) VALUES (${seqno}, ?, ?, ?, ?)`)
          .run(
            `case-${i}`,
            clock,
            storedTime(s.deadlines.feedback),
            i % 4 === 0 ? storedTime('2026-11-29T00:00:00.000Z') : null,
            i % 9 === 0 ? storedTime(s.deadlines.feedback) : null,
          );
    }
    await rebuildReportRollups(store.db, 480, '2026-12-01T00:00:00.000Z');
  });

  afterAll(() => planStore.close());

  const plan = (sql: string, params: readonly unknown[]) => planStore.plan(sql, params);
  /** The plan of a statement whose parameters do not change it: each bound to a string. */
  const planOfText = (sql: string) =>
    planStore.plan(
      sql,
      Array.from(sql.matchAll(/\?/g), () => 'x'),
    );
  const noScanOfCases = (detail: string) => {
    expect(detail).not.toMatch(/SCAN (cases|c)\b(?! USING)/);
    expect(detail).not.toMatch(/SCAN (report_daily|report_counted|case_clocks|case_departments)\b(?! USING)/);
  };

  it("answers one department's board (lead and co-departments) as the JSON query did, from case_departments", async () => {
    const open = ['registered', 'accepted', 'investigating'];
    const old = (status: string, dep: string) =>
      store.sqlite
        .prepare(
          'SELECT id FROM cases WHERE status = ? AND (department_id = ? OR EXISTS (SELECT 1 FROM json_each(cases.co_department_ids) WHERE value = ?)) ORDER BY due_at, seqno LIMIT 5',
        )
        .pluck()
        .all(status, dep, dep);
    for (const dep of departments) {
      for (const status of open) {
        statements.length = 0;
        const cards = await boardCards(logged, status, { departmentId: dep }, 5);
        expect(cards.map((c) => c.id)).toEqual(old(status, dep));
        const detail = plan(statements[0] ?? '', [status, dep, status, 5]);
        expect(detail).toMatch(/case_departments/);
        expect(detail).not.toContain('TEMP B-TREE');
      }
      statements.length = 0;
      const counts = await countByStatus(logged, { departmentId: dep, statuses: open });
      const expected = store.sqlite
        .prepare(
          `SELECT status, count(*) AS n FROM cases WHERE status IN ('registered', 'accepted', 'investigating')
             AND (department_id = ? OR EXISTS (SELECT 1 FROM json_each(cases.co_department_ids) WHERE value = ?)) GROUP BY status`,
        )
        .all(dep, dep) as { status: string; n: number }[];
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected.map((r) => [r.status, r.n])));
      expect(expected.length).toBeGreaterThan(0);
      expect(statements[0]).toMatch(/from "case_departments"/);
      for (const statement of statements) noScanOfCases(planOfText(statement));
    }
  });

  it("counts a board's columns from the kept counts, less the viewer's recused cases, reading no case but those", async () => {
    const open = ['registered', 'accepted', 'investigating'];
    const rowCounts = (where: string, params: unknown[]) =>
      Object.fromEntries(
        (
          store.sqlite
            .prepare(
              `SELECT status, count(*) AS n FROM cases WHERE status IN ('registered', 'accepted', 'investigating')
               AND coalesce(json_extract(respondent, '$.userId'), '') != 'u' ${where} GROUP BY status`,
            )
            .all(...params) as { status: string; n: number }[]
        ).map((r) => [r.status, r.n]),
      );
    const cases: [string, Parameters<typeof countByStatus>[1], string, unknown[]][] = [
      ['every open case', {}, '', []],
      [
        'one department',
        { departmentId: 'd2' },
        "AND (department_id = 'd2' OR EXISTS (SELECT 1 FROM json_each(co_department_ids) WHERE value = 'd2'))",
        [],
      ],
      ['overdue', { dueBy: '2026-11-20T00:00:00.000Z' }, 'AND due_at IS NOT NULL AND due_at <= ?', ['2026-11-20T00:00:00.000Z']],
    ];
    for (const [, filter, where, params] of cases) {
      statements.length = 0;
      const counts = await countByStatus(logged, { ...filter, statuses: open, viewer: { userId: 'u' } });
      expect(Object.fromEntries(counts)).toEqual(rowCounts(where, params));
      // Every statement reads a kept table or an index range; the cases' rows only of the recused few.
      for (const statement of statements) {
        noScanOfCases(planOfText(statement));
      }
    }
    // Nothing recused: the kept counts alone, one statement beside the recusal probe.
    statements.length = 0;
    await countByStatus(logged, { statuses: open, viewer: { userId: 'nobody' } });
    expect(statements.filter((st) => /from "cases"/.test(st) && !st.includes('json_extract'))).toEqual([]);
  });

  it('lists open cases by deadline in the order of an index, page after page, as the general query did', async () => {
    const open = ['registered', 'accepted', 'investigating'];
    const old = store.sqlite
      .prepare(
        `SELECT seqno FROM cases WHERE status IN ('registered', 'accepted', 'investigating')
         AND coalesce(json_extract(respondent, '$.userId'), '') != 'u' ORDER BY coalesce(due_at, '~'), seqno`,
      )
      .pluck()
      .all() as number[];
    for (const statuses of [open, ['accepted']]) {
      const wanted =
        statuses.length === 1
          ? old.filter((n) => store.sqlite.prepare('SELECT status FROM cases WHERE seqno = ?').pluck().get(n) === 'accepted')
          : old;
      const seen: number[] = [];
      let after: { due: string | null; seqno: number } | undefined;
      for (;;) {
        statements.length = 0;
        const page = await browseCases(logged, { statuses, viewer: { userId: 'u' } }, 'due', after, 7);
        const detail = planOfText(statements[0] ?? '');
        expect(detail).not.toContain('TEMP B-TREE');
        expect(detail).toMatch(statuses.length === 1 ? /cases_status_due/ : /cases_due/);
        noScanOfCases(detail);
        if (page.length === 0) break;
        seen.push(...page.map((r) => r.seqno));
        const last = page.at(-1);
        after = last ? { due: last.due_at, seqno: last.seqno } : undefined;
      }
      expect(seen).toEqual(wanted);
      expect(seen.length).toBeGreaterThan(7);
    }
  });

  it('totals a list from the kept counts per status, less the recused cases read from their index', async () => {
    for (const filter of [{}, { statuses: ['accepted', 'closed'] }]) {
      statements.length = 0;
      const total = await countCases(logged, { ...filter, viewer: { userId: 'u' } }, 10_000);
      const wanted = 'statuses' in filter ? filter.statuses : statuses;
      const expected = store.sqlite
        .prepare(
          `SELECT count(*) FROM cases WHERE status IN (${wanted.map(() => '?').join(',')}) AND coalesce(json_extract(respondent, '$.userId'), '') != 'u'`,
        )
        .pluck()
        .get(...wanted);
      expect(total).toEqual({ n: expected, atLeast: false });
      const recused = statements.find((s) => s.includes('json_extract')) ?? '';
      const detail = plan(recused, ['u', ...('statuses' in filter ? filter.statuses : [])]);
      expect(detail).toContain('cases_respondent_user');
      noScanOfCases(detail);
    }
    // One department's total: its part of case_departments per status, less the recused, exact.
    for (const asked of [undefined, ['accepted', 'closed']]) {
      statements.length = 0;
      const total = await countCases(logged, { departmentId: 'd1', statuses: asked, viewer: { userId: 'u' } }, 10);
      const wanted: readonly string[] = asked ?? statuses;
      const expected = store.sqlite
        .prepare(
          `SELECT count(*) FROM cases WHERE status IN (${wanted.map(() => '?').join(',')}) AND coalesce(json_extract(respondent, '$.userId'), '') != 'u'
             AND (department_id = 'd1' OR EXISTS (SELECT 1 FROM json_each(co_department_ids) WHERE value = 'd1'))`,
        )
        .pluck()
        .get(...wanted);
      expect(total).toEqual({ n: expected, atLeast: false });
      for (const statement of statements) noScanOfCases(planOfText(statement));
    }
    // Any other filter counts at most the cap, and says "at least" past it.
    expect(await countCases(logged, { severity: 'general' }, 10)).toEqual({ n: 10, atLeast: true });
    expect(await countCases(logged, { severity: 'major' }, 10)).toEqual({ n: 0, atLeast: false });
  });

  // Migration 21 dropped cases_department and cases_received: a department is read from
  // case_departments, a range of receipt dates from cases_received_type, never every case.
  it("lists one department's cases from case_departments, each status or all, as the JSON query did", async () => {
    for (const dep of departments) {
      for (const asked of [undefined, ['accepted'], ['registered', 'closed']]) {
        statements.length = 0;
        const rows = await listCases(logged, { departmentId: dep, statuses: asked, limit: 50 });
        const wanted: readonly string[] = asked ?? statuses;
        const expected = store.sqlite
          .prepare(
            `SELECT id FROM cases WHERE status IN (${wanted.map(() => '?').join(',')})
               AND (department_id = ? OR EXISTS (SELECT 1 FROM json_each(co_department_ids) WHERE value = ?)) ORDER BY seqno DESC LIMIT 50`,
          )
          .pluck()
          .all(...wanted, dep, dep);
        expect(rows.map((r) => r.id)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
        const detail = planOfText(statements[0] ?? '');
        expect(detail).toContain('SEARCH case_departments USING PRIMARY KEY (department_id=?');
        noScanOfCases(detail);
      }
    }
  });

  it('reads a range of receipt dates from cases_received_type, for the lists, the reports and the seals', async () => {
    const range = { from: '2026-11-05T00:00:00.000Z', to: '2026-11-12T00:00:00.000Z' };
    const inRange = store.sqlite
      .prepare('SELECT id FROM cases WHERE received_at >= ? AND received_at < ? ORDER BY seqno DESC')
      .pluck()
      .all(range.from, range.to) as string[];
    expect(inRange.length).toBeGreaterThan(0);
    const reads: [string, () => Promise<unknown[]>, (rows: unknown[]) => void][] = [
      [
        'list',
        () => listCases(logged, { ...range, limit: 500 }),
        (rows) => expect((rows as { id: string }[]).map((r) => r.id)).toEqual(inRange),
      ],
      ['seal', () => casesReceivedBetween(logged, range.from, range.to), (rows) => expect(rows).toHaveLength(inRange.length)],
      ['major', () => majorCases(logged, range, 10), (rows) => expect(rows).toEqual([])],
      ['clocks', () => clocksReceivedBetween(logged, range.from, range.to), (rows) => expect(rows).toHaveLength(3 * inRange.length)],
      [
        'cohort of a department',
        () => cohortCube(logged, { ...range, now: '2026-11-20T00:00:00.000Z', departmentId: 'd2' }, ['handler'], 480),
        (rows) => expect((rows as { counts: { registered: number } }[]).reduce((n, r) => n + r.counts.registered, 0)).toBeGreaterThan(0),
      ],
    ];
    for (const [, read, check] of reads) {
      statements.length = 0;
      check(await read());
      const detail = planOfText(statements[0] ?? '');
      // Covering for the clocks: their key is the case's seqno, which the index holds as its rowid.
      expect(detail).toMatch(/SEARCH (cases|c) USING (COVERING )?INDEX cases_received_type \(received_at>\? AND received_at<\?\)/);
      noScanOfCases(detail);
    }
  });

  it("reads a case's clocks and facts by the primary key of their tables", async () => {
    statements.length = 0;
    const clocks = await clocksOfCases(logged, ['case-3', 'case-4']);
    expect(clocks.map((k) => [k.case_id, k.clock])).toEqual(
      ['case-3', 'case-4'].flatMap((id) => ['acknowledge', 'feedback', 'resolve'].map((clock) => [id, clock])),
    );
    expect(planOfText(statements[0] ?? '')).toContain('SEARCH case_clocks USING PRIMARY KEY (case_seqno=?)');
    statements.length = 0;
    await cohortCube(
      logged,
      { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', now: '2026-11-20T00:00:00.000Z' },
      [],
      480,
    );
    const cube = planOfText(statements[0] ?? '');
    expect(cube).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
    for (const k of ['ka', 'kf', 'kr']) expect(cube).toContain(`SEARCH ${k} USING PRIMARY KEY (case_seqno=? AND clock=?)`);
    statements.length = 0;
    expect(await casesWithoutFacts(logged, 10)).toEqual([]);
    expect(planOfText(statements[0] ?? '')).toContain('SEARCH case_report_facts USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('reads a period of day sums, every dimension in one range of days, from the primary key of report_daily', async () => {
    statements.length = 0;
    const rows = await rollupSums(logged, '2026-11-01', '2026-12-01', ['all', 'department']);
    expect(rows.filter((r) => r.dimension === 'all').reduce((n, r) => n + r.counts.registered, 0)).toBe(count);
    const detail = plan(statements[0] ?? '', ['2026-11-01', '2026-12-01', 'all', 'department']);
    expect(detail).toMatch(/SEARCH report_daily USING PRIMARY KEY \(day>\? AND day<\?\)/);
    noScanOfCases(detail);
  });

  it('finds clocks past their deadline with no breach recorded in the first range of case_clocks_running', async () => {
    statements.length = 0;
    const late = await pendingLateClocks(logged, '2026-10-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z');
    const expected = store.sqlite
      .prepare('SELECT count(*) FROM case_clocks WHERE met_at IS NULL AND breached_at IS NULL AND due < ?')
      .pluck()
      .get(storedTime('2026-11-20T00:00:00.000Z'));
    expect(late.length).toBe(expected);
    expect(late.length).toBeGreaterThan(0);
    const detail = plan(statements[0] ?? '', [
      storedTime('2026-11-20T00:00:00.000Z'),
      '2026-10-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
    ]);
    expect(detail).toMatch(/case_clocks_running \(breached_at=\? AND due<\?\)/);
    noScanOfCases(detail);
  });

  it('counts the open work from the index of running clocks alone, never reading the clocks table', async () => {
    const now = '2026-11-20T00:00:00.000Z';
    const soon = '2026-11-24T00:00:00.000Z';
    statements.length = 0;
    const work = await openWorkload(logged, now, soon);
    const byCase = store.sqlite
      .prepare(
        `SELECT max(due < ?) AS overdue, max(paused_since IS NULL AND due <= ?) AS soon
           FROM case_clocks WHERE met_at IS NULL GROUP BY case_seqno`,
      )
      .all(storedTime(now), storedTime(soon)) as { overdue: number; soon: number }[];
    expect(work.overdue).toBe(byCase.filter((c) => c.overdue).length);
    expect(work.dueSoon).toBe(byCase.filter((c) => !c.overdue && c.soon).length);
    expect(work.overdue).toBeGreaterThan(0);
    const detail = planOfText(statements[0] ?? '');
    expect(detail).toContain('SCAN k USING COVERING INDEX case_clocks_running');
    noScanOfCases(detail);
  });

  it("lists the period's overdue cases and repeat complainants from report_counted's indexes", async () => {
    const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
    statements.length = 0;
    const overdue = await overdueCases(logged, range, '2026-11-20T00:00:00.000Z', 10);
    expect(overdue.length).toBeGreaterThan(0);
    const overdueSql = statements.find((s) => s.includes('report_counted_late')) ?? '';
    const overduePlan = plan(overdueSql, [
      '2026-11-20T00:00:00.000Z',
      '2026-11-20T00:00:00.000Z',
      '2026-11-20T00:00:00.000Z',
      range.from,
      range.to,
      range.from,
      range.to,
      10,
      '2026-11-20T00:00:00.000Z',
      10,
    ]);
    expect(overduePlan).toContain('report_counted_late');
    noScanOfCases(overduePlan);

    statements.length = 0;
    const repeats = await repeatComplainants(logged, range, 5, 'nobody');
    expect(repeats.length).toBeGreaterThan(0);
    const repeatSql = statements.find((s) => s.includes('report_counted')) ?? '';
    // The kept counts per phone and month (db/test/repeatPhones.test.ts compares the answers).
    const repeatPlan = planOfText(repeatSql);
    expect(repeatPlan).toContain('COVERING INDEX report_phone_month_repeating');
    noScanOfCases(repeatPlan);
  });
});
