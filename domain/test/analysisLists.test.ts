import { describe, expect, it } from 'vitest';
import { type ActionAuditEntry, actionsFromAudit, correctiveActionOverdue, inPeriodReport } from '../reports/analysisLists.ts';

const entry = (at: string, action: string, target: string, detail: unknown, siteId = 1): ActionAuditEntry => ({
  siteId,
  at,
  actorId: 'u1',
  action: `correctiveActions.${action}`,
  target,
  detail: JSON.stringify(detail),
});

const created = { caseId: 'c1', cause: '维保不及时', measure: '签维保合同', owner: '王五', dueDate: '2026-12-20' };

describe('corrective actions as the desks’ audit tells them', () => {
  it('replays raising, carrying out and verifying, whatever order the entries come in', () => {
    const actions = actionsFromAudit([
      entry('2026-11-20T00:00:00Z', 'verify', 'a1', { id: 'a1', verification: '仍有同类投诉', effective: false }),
      entry('2026-11-02T00:00:00Z', 'create', 'a1', created),
      entry('2026-11-10T00:00:00Z', 'implement', 'a1', { id: 'a1', implementation: '合同已签' }),
      entry(
        '2026-11-03T00:00:00Z',
        'create',
        'a2',
        { period: 'month:2026-11', cause: '等候久', measure: '加窗口', owner: '李四', dueDate: '2026-11-30' },
        2,
      ),
      entry('2026-11-25T00:00:00Z', 'implement', 'a2', { id: 'a2', implementation: '已加' }),
      entry('2026-11-26T00:00:00Z', 'verify', 'a2', { id: 'a2', verification: '无同类', effective: true }),
      // An entry of an action never raised, and one whose detail is not JSON, are passed over.
      entry('2026-11-05T00:00:00Z', 'implement', 'zz', { id: 'zz', implementation: 'x' }),
      { ...entry('2026-11-06T00:00:00Z', 'create', 'a3', created), detail: '{' },
    ]);
    expect(actions.map((a) => [a.action.id, a.siteId, a.action.source, a.action.status, a.action.verification])).toEqual([
      ['a1', 1, 'case', 'open', '仍有同类投诉'],
      ['a2', 2, 'analysis', 'closed', '无同类'],
    ]);
    expect(actions[0]?.action).toMatchObject({ implementation: '合同已签', createdAt: '2026-11-02T00:00:00Z', caseId: 'c1' });
  });

  it('puts an action in a period’s report as the desk does: raised in it, not closed, or verified in it', () => {
    const november = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    const december = { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const closedInNovember = { createdAt: '2026-10-05T00:00:00Z', status: 'closed' as const, verifiedAt: '2026-11-26T00:00:00Z' };
    expect(inPeriodReport(closedInNovember, november)).toBe(true);
    expect(inPeriodReport(closedInNovember, december)).toBe(false);
    expect(inPeriodReport({ createdAt: '2026-10-05T00:00:00Z', status: 'open', verifiedAt: null }, december)).toBe(true);
    expect(inPeriodReport({ createdAt: '2026-12-05T00:00:00Z', status: 'open', verifiedAt: null }, november)).toBe(false);
    expect(correctiveActionOverdue('open', '2026-11-30', '2026-12-01')).toBe(true);
    expect(correctiveActionOverdue('closed', '2026-11-30', '2026-12-01')).toBe(false);
    expect(correctiveActionOverdue('implemented', '2026-12-01', '2026-12-01')).toBe(false);
  });
});
