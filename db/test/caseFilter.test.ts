import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../domain/cases/projection.ts';
import type { Store } from '../connection.ts';
import { browseCases, countCases } from '../queries/caseBoard.ts';
import type { CaseFilter } from '../queries/caseFilter.ts';
import { insertCase, listCases } from '../queries/cases.ts';
import { openPlanStore, type PlanStore, registeredState } from './planStore.ts';

/** The list, the browser and the board read one filter: the same cases for the same filter. */
function state(n: number, lead: string, co: string[], resolveBy: string): CaseState {
  const registered = registeredState({
    number: `2611-000${n}`,
    deadlines: { acknowledge: resolveBy, feedback: resolveBy, resolve: resolveBy },
  });
  return { ...registered, status: 'accepted', departmentId: lead, coDepartmentIds: co };
}

describe('the case filter', () => {
  let planStore: PlanStore;
  let store: Store;
  const endOfDay = '2026-11-10T09:30:00.000Z';

  beforeAll(async () => {
    planStore = openPlanStore(['outpatient', 'pharmacy']);
    store = planStore.store;
    const cases: [string, string[], string][] = [
      ['outpatient', [], endOfDay],
      ['pharmacy', ['outpatient'], '2026-11-12T09:30:00.000Z'],
      ['pharmacy', [], '2026-11-09T09:30:00.000Z'],
    ];
    for (const [i, [lead, co, due]] of cases.entries()) {
      await insertCase(
        store.db,
        { id: `case-${i + 1}`, registeredBy: 'u', at: '2026-11-01T01:00:00.000Z', lastSeq: 1, heads: [] },
        state(i + 1, lead, co, due),
      );
    }
  });

  afterAll(() => planStore.close());

  const both = async (f: CaseFilter) => {
    const listed = (await listCases(store.db, { ...f, limit: 10 })).map((r) => r.id).sort();
    const browsed = (await browseCases(store.db, f, 'newest', undefined, 10)).map((r) => r.id).sort();
    expect(browsed).toEqual(listed);
    expect((await countCases(store.db, f, 100)).n).toBe(listed.length);
    return listed;
  };

  it('takes a department as lead or co-department, on the list and the board alike', async () => {
    expect(await both({ departmentId: 'outpatient' })).toEqual(['case-1', 'case-2']);
    expect(await both({ departmentId: 'pharmacy' })).toEqual(['case-2', 'case-3']);
  });

  it('counts a deadline at the instant itself as due by it', async () => {
    expect(await both({ dueBy: endOfDay })).toEqual(['case-1', 'case-3']);
    expect(await both({ dueBy: endOfDay, dueFrom: '2026-11-10T00:00:00.000Z' })).toEqual(['case-1']);
  });
});
