import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrectiveActionStatus } from '../../domain/api/reportViews.ts';
import { correctiveActionOverdue, inPeriodReport } from '../../domain/reports/analysisLists.ts';
import type { Range } from '../../domain/reports/periods.ts';
import { correctiveActionsForPeriod, insertCorrectiveAction, listCorrectiveActions } from '../queries/correctiveActions.ts';
import { openPlanStore, type PlanStore } from './planStore.ts';

/**
 * Which corrective actions belong in a period's report, and which are overdue, is defined once
 * in domain/reports/analysisLists.ts (the server reads the desks' actions from their audit and
 * applies it there); the desk asks its store the same in SQL. On every combination of when an
 * action was raised, its status and when it was verified, for periods whose bounds fall on those
 * instants, the store answers exactly the actions the rule picks.
 */
let plan: PlanStore;

const november: Range = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const december: Range = { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
const year: Range = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
/** A period that begins and ends on instants actions were raised or verified at. */
const edges: Range = { from: '2026-11-15T00:00:00.000Z', to: '2026-12-15T00:00:00.000Z' };

const instants = [
  '2025-12-31T23:59:59.999Z',
  '2026-10-20T00:00:00.000Z',
  november.from,
  '2026-11-15T00:00:00.000Z',
  '2026-11-30T23:59:59.999Z',
  december.from,
  '2026-12-15T00:00:00.000Z',
  '2027-01-02T00:00:00.000Z',
];
const statuses: CorrectiveActionStatus[] = ['open', 'implemented', 'closed'];
const dueDates = ['2026-11-30', '2026-12-01', '2026-12-02'];

interface Seeded {
  id: string;
  createdAt: string;
  status: CorrectiveActionStatus;
  verifiedAt: string | null;
  dueDate: string;
}
const seeded: Seeded[] = [];

beforeAll(async () => {
  plan = openPlanStore(['d1']);
  let n = 0;
  for (const createdAt of instants) {
    for (const status of statuses) {
      // Verified before it was raised makes no sense but costs nothing: the rule and the SQL must still agree.
      for (const verifiedAt of [null, ...instants]) {
        const id = `a${String(n).padStart(4, '0')}`;
        const dueDate = dueDates[n % dueDates.length] as string;
        n += 1;
        seeded.push({ id, createdAt, status, verifiedAt, dueDate });
        await insertCorrectiveAction(plan.store.db, {
          id,
          source: 'analysis',
          case_id: null,
          period: 'month:2026-11',
          department_id: 'd1',
          cause: '原因',
          measure: '措施',
          training: null,
          owner: '负责人',
          due_date: dueDate,
          status,
          implemented_at: status === 'open' ? null : createdAt,
          implementation: status === 'open' ? null : '已落实',
          verified_at: verifiedAt,
          verified_by: verifiedAt ? 'u' : null,
          verification: verifiedAt ? '有效' : null,
          created_at: createdAt,
          created_by: 'u',
          updated_at: createdAt,
          version: 1,
        });
      }
    }
  }
});

afterAll(async () => {
  await plan?.close();
});

describe('the corrective-action rules and the desk’s SQL', () => {
  it.each([
    ['November', november],
    ['December', december],
    ['the year', year],
    ['a period cut mid-month', edges],
  ])('list the actions of %s’s report exactly as the rule does', async (_name, range) => {
    const stored = (await correctiveActionsForPeriod(plan.store.db, range)).map((r) => r.id).sort();
    const ruled = seeded.filter((a) => inPeriodReport(a, range)).map((a) => a.id);
    expect(ruled.length).toBeGreaterThan(0);
    expect(ruled.length).toBeLessThan(seeded.length);
    expect(stored).toEqual(ruled);
  });

  it.each(['2026-12-01', '2026-12-02', '2026-12-03'])('list the actions overdue on %s exactly as the rule does', async (today) => {
    const stored = (await listCorrectiveActions(plan.store.db, { dueBefore: today })).map((r) => r.id).sort();
    const ruled = seeded.filter((a) => correctiveActionOverdue(a.status, a.dueDate, today)).map((a) => a.id);
    expect(ruled.length).toBeGreaterThan(0);
    expect(stored).toEqual(ruled);
  });
});
