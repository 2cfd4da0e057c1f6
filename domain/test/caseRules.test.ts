import { describe, expect, it } from 'vitest';
import { allowedActions, caseActionTypes, nextStatus, statusAfter, transitions } from '../cases/caseMachine.ts';
import { type CaseActor, checkAction, closingMet, permittedActions } from '../cases/caseRules.ts';
import type { CaseEventData, RegisteredPayload } from '../cases/events.ts';
import { applyEvent, type CaseState, projectCase } from '../cases/projection.ts';
import { caseStatuses } from '../cases/vocabulary.ts';
import { currentDeadline, deadlineStatus } from '../deadlines/deadlineStatus.ts';

const registered: RegisteredPayload = {
  number: '2611-0001',
  queryCode: 'ACDEFG',
  type: 'complaint',
  channel: 'walkIn',
  complainant: { name: '张三', phone: '13800138000' },
  subject: '排队过久',
  content: '排队一个多小时',
  severity: 'general',
  receivedAt: '2026-11-02T02:00:00.000Z',
  confidential: false,
  anonymous: false,
  deadlines: { acknowledge: '2026-11-03T15:59:59.999Z', feedback: '2026-11-09T15:59:59.999Z', resolve: '2026-11-16T15:59:59.999Z' },
};

const actors = {
  receptionist: { id: 'u-rec', roles: ['receptionist'], departmentIds: [] },
  handler: { id: 'u-han', roles: ['handler'], departmentIds: ['d-out'] },
  colleague: { id: 'u-col', roles: ['handler'], departmentIds: ['d-out'] },
  outsider: { id: 'u-oth', roles: ['handler'], departmentIds: ['d-other'] },
  supervisor: { id: 'u-sup', roles: ['supervisor'], departmentIds: [] },
  supervisor2: { id: 'u-sup2', roles: ['supervisor'], departmentIds: [] },
  director: { id: 'u-dir', roles: ['director'], departmentIds: [] },
  admin: { id: 'u-adm', roles: ['admin'], departmentIds: [] },
} satisfies Record<string, CaseActor>;
type Who = keyof typeof actors;

const now = new Date('2026-11-05T02:00:00.000Z');
const rules = { now, reviewWindowDays: 30 };

type Step = CaseEventData & { actorId?: string; at?: string };
const accepted: Step = { type: 'accepted', payload: { departmentId: 'd-out', handlerId: 'u-han', coDepartmentIds: ['d-co'] } };
const started: Step = { type: 'investigationStarted', payload: { handlerId: 'u-han' } };
const proposed = (finding: 'valid' | 'toImprove' | 'invalid' | 'malicious' = 'valid'): Step => ({
  type: 'proposed',
  payload: { text: '道歉并改进叫号', finding },
  actorId: 'u-han',
});
const approved: Step = { type: 'approved', payload: {}, actorId: 'u-sup' };
const responded: Step = { type: 'responded', payload: { channel: 'phone', content: '已改进' }, at: '2026-11-04T02:00:00.000Z' };
const followUp = (satisfaction: number, explanationAccepted = false): Step => ({
  type: 'followedUp',
  payload: { method: 'phone', satisfaction, explanationAccepted },
});
const closed: Step = { type: 'closed', payload: { override: false }, at: '2026-11-04T08:00:00.000Z' };

function caseAfter(steps: Step[], patch: Partial<RegisteredPayload> = {}): CaseState {
  return projectCase([{ type: 'registered', payload: { ...registered, ...patch } }, ...steps]);
}
const allowedFor = (state: CaseState, who: Who) => permittedActions(state, actors[who], rules);

describe('the transition table', () => {
  it('lists the moves of the state machine and nothing from archived or declined', () => {
    expect(allowedActions('archived')).toEqual([]);
    expect(allowedActions('declined')).toEqual(['note', 'correct', 'link']);
    expect(nextStatus('investigating', 'propose')).toBe('awaiting_approval');
    expect(nextStatus('awaiting_approval', 'sendBack')).toBe('investigating');
    expect(nextStatus('responded', 'close')).toBe('closed');
    expect(nextStatus('closed', 'review')).toBe('investigating');
    expect(nextStatus('closed', 'archive')).toBe('archived');
    expect(nextStatus('registered', 'propose')).toBeNull();
  });

  it('never moves to a state §5 does not allow', () => {
    // An open case transferred to another site (转办) waits there to be accepted: registered again.
    const allowedMoves: Record<string, string[]> = {
      registered: ['registered', 'accepted', 'declined', 'closed'],
      declined: ['declined'],
      accepted: ['accepted', 'investigating', 'closed', 'registered'],
      investigating: ['investigating', 'awaiting_approval', 'responded', 'closed', 'registered'],
      awaiting_approval: ['awaiting_approval', 'investigating', 'responded', 'registered'],
      responded: ['responded', 'closed', 'investigating', 'registered'],
      closed: ['closed', 'investigating', 'archived'],
      archived: [],
      transferred_out: [],
    };
    for (const status of caseStatuses) {
      for (const action of caseActionTypes) {
        const to = transitions[action].to;
        if (!transitions[action].from.includes(status) || to === 'same' || to === 'byFollowUp') continue;
        expect(allowedMoves[status], `${action} from ${status}`).toContain(to);
      }
    }
  });

  it('sends a dissatisfied follow-up back to investigation and keeps a satisfied one', () => {
    expect(
      statusAfter('responded', { type: 'followedUp', payload: { method: 'phone', satisfaction: 3, explanationAccepted: false } }),
    ).toBe('investigating');
    expect(
      statusAfter('responded', { type: 'followedUp', payload: { method: 'phone', satisfaction: 4, explanationAccepted: false } }),
    ).toBe('responded');
  });
});

describe('who may do what', () => {
  it('routes: only supervisors and directors re-assign', () => {
    const state = caseAfter([accepted]);
    for (const who of ['supervisor', 'director'] as const) expect(allowedFor(state, who)).toContain('assign');
    for (const who of ['receptionist', 'handler', 'outsider', 'admin'] as const) expect(allowedFor(state, who)).not.toContain('assign');
  });

  it('lets the handler, a colleague of the lead department or a supervisor start the investigation', () => {
    const state = caseAfter([accepted]);
    for (const who of ['handler', 'colleague', 'supervisor'] as const)
      expect(checkAction(state, 'startInvestigation', actors[who], rules)).toBeNull();
    for (const who of ['receptionist', 'outsider', 'admin'] as const) {
      expect(checkAction(state, 'startInvestigation', actors[who], rules)).toMatchObject({ code: 'forbidden' });
    }
  });

  it('lets the handler propose but not the desk', () => {
    const state = caseAfter([accepted, started]);
    expect(checkAction(state, 'propose', actors.handler, rules)).toBeNull();
    expect(checkAction(state, 'propose', actors.receptionist, rules)).toMatchObject({ code: 'forbidden' });
    expect(checkAction(state, 'propose', actors.outsider, rules)).toMatchObject({ code: 'forbidden' });
  });

  it('has a supervisor approve a general case, never the proposer, never a handler', () => {
    const state = caseAfter([accepted, started, proposed()]);
    expect(checkAction(state, 'approve', actors.supervisor, rules)).toBeNull();
    expect(checkAction(state, 'sendBack', actors.director, rules)).toBeNull();
    expect(checkAction(state, 'approve', actors.handler, rules)).toMatchObject({ code: 'forbidden' });
    expect(checkAction(state, 'approve', actors.receptionist, rules)).toMatchObject({ code: 'forbidden' });
    const own = caseAfter([accepted, started, { ...proposed(), actorId: 'u-sup' }]);
    expect(checkAction(own, 'approve', actors.supervisor, rules)).toMatchObject({ key: 'handling:refusal.ownProposal' });
    expect(checkAction(own, 'approve', actors.supervisor2, rules)).toBeNull();
  });

  it('needs a director for a major case', () => {
    const state = caseAfter([accepted, started, proposed()], { severity: 'major' });
    expect(checkAction(state, 'approve', actors.supervisor, rules)).toMatchObject({ key: 'handling:refusal.majorNeedsDirector' });
    expect(checkAction(state, 'approve', actors.director, rules)).toBeNull();
  });

  it('answers a complaint only once its proposal is approved', () => {
    const pending = caseAfter([accepted, started, proposed()]);
    expect(checkAction(pending, 'respond', actors.handler, rules)).toMatchObject({ key: 'handling:refusal.notApproved' });
    const ok = caseAfter([accepted, started, proposed(), approved]);
    expect(checkAction(ok, 'respond', actors.handler, rules)).toBeNull();
    expect(checkAction(ok, 'respond', actors.receptionist, rules)).toMatchObject({ code: 'forbidden' });
    const investigating = caseAfter([accepted, started]);
    expect(checkAction(investigating, 'respond', actors.handler, rules)).toMatchObject({ key: 'handling:refusal.complaintNeedsApproval' });
    const suggestion = caseAfter([accepted, started], { type: 'suggestion' });
    expect(checkAction(suggestion, 'respond', actors.handler, rules)).toBeNull();
  });

  it('has the desk, not the handler, make the follow-up visit', () => {
    const state = caseAfter([accepted, started, proposed(), approved, responded]);
    for (const who of ['receptionist', 'supervisor', 'director'] as const)
      expect(checkAction(state, 'followUp', actors[who], rules)).toBeNull();
    expect(checkAction(state, 'followUp', actors.handler, rules)).toMatchObject({ code: 'forbidden' });
  });

  it('starts a new round after a dissatisfied follow-up, keeping the history', () => {
    const events = [accepted, started, proposed(), approved, responded, followUp(2)];
    const state = caseAfter(events);
    expect(state.status).toBe('investigating');
    expect(state.proposalState).toBeNull();
    expect(state.lastSatisfaction).toBe(2);
    expect(state.followUpCount).toBe(1);
    expect(checkAction(state, 'propose', actors.handler, rules)).toBeNull();
  });
});

describe('closing', () => {
  const answered = [accepted, started, proposed(), approved, responded];

  it('closes a valid complaint after a satisfied follow-up', () => {
    expect(checkAction(caseAfter([...answered, followUp(5)]), 'close', actors.receptionist, rules)).toBeNull();
    expect(checkAction(caseAfter([...answered, followUp(4)]), 'close', actors.receptionist, rules)).toBeNull();
  });

  it('refuses a valid complaint without a satisfied follow-up unless a supervisor overrides', () => {
    const state = caseAfter(answered);
    expect(closingMet(state)).toBe(false);
    expect(checkAction(state, 'close', actors.receptionist, rules)).toMatchObject({ key: 'handling:refusal.needsSatisfiedFollowUp' });
    expect(checkAction(state, 'close', actors.receptionist, rules, { override: true })).toMatchObject({
      code: 'forbidden',
      key: 'handling:refusal.overrideSupervisorOnly',
    });
    expect(checkAction(state, 'close', actors.supervisor, rules, { override: true })).toBeNull();
    expect(allowedFor(state, 'supervisor')).toContain('close');
    expect(allowedFor(state, 'receptionist')).not.toContain('close');
  });

  it('closes a to-improve complaint once the explanation is accepted', () => {
    const base = [accepted, started, proposed('toImprove'), approved, responded];
    expect(checkAction(caseAfter(base), 'close', actors.receptionist, rules)).toMatchObject({
      key: 'handling:refusal.needsAcceptedExplanation',
    });
    const accepting = caseAfter([...base, followUp(3, true)]);
    expect(accepting.status).toBe('responded');
    expect(checkAction(accepting, 'close', actors.receptionist, rules)).toBeNull();
  });

  it('closes an invalid complaint after the reply', () => {
    expect(
      checkAction(caseAfter([accepted, started, proposed('invalid'), approved, responded]), 'close', actors.receptionist, rules),
    ).toBeNull();
  });

  it('reviews a closed case within the window only', () => {
    const state = caseAfter([...answered, followUp(5), closed]);
    expect(checkAction(state, 'review', actors.receptionist, rules)).toBeNull();
    expect(checkAction(state, 'review', actors.handler, rules)).toMatchObject({ code: 'forbidden' });
    const late = { now: new Date('2026-12-10T00:00:00.000Z'), reviewWindowDays: 30 };
    expect(checkAction(state, 'review', actors.receptionist, late)).toMatchObject({ key: 'handling:refusal.reviewWindowPassed' });
    const reopened = applyEvent(state, { type: 'reviewOpened', payload: { reason: '投诉人要求复核' } });
    expect(reopened.status).toBe('investigating');
    expect(reopened.closedAt).toBeNull();
  });

  it('archives closed cases by a supervisor only', () => {
    const state = caseAfter([...answered, followUp(5), closed]);
    expect(checkAction(state, 'archive', actors.supervisor, rules)).toBeNull();
    expect(checkAction(state, 'archive', actors.receptionist, rules)).toMatchObject({ code: 'forbidden' });
    const archived = applyEvent(state, { type: 'archived', payload: {} });
    for (const who of Object.keys(actors) as Who[]) expect(allowedFor(archived, who)).toEqual([]);
  });
});

describe('escalation, corrections, duplicates', () => {
  it('escalates a major or urgent case once', () => {
    expect(checkAction(caseAfter([accepted]), 'escalate', actors.handler, rules)).toMatchObject({
      key: 'handling:refusal.escalateMajorOnly',
    });
    const major = caseAfter([accepted], { severity: 'major' });
    expect(checkAction(major, 'escalate', actors.handler, rules)).toBeNull();
    expect(checkAction(major, 'escalate', actors.outsider, rules)).toMatchObject({ code: 'forbidden' });
    const once = applyEvent(major, { type: 'escalated', payload: { reason: '涉及人身安全' }, at: now.toISOString() });
    expect(checkAction(once, 'escalate', actors.handler, rules)).toMatchObject({ key: 'handling:refusal.alreadyEscalated' });
  });

  it('corrects registration data with the original kept in the event', () => {
    const state = caseAfter([accepted]);
    expect(checkAction(state, 'correct', actors.receptionist, rules)).toBeNull();
    expect(checkAction(state, 'correct', actors.handler, rules)).toMatchObject({ code: 'forbidden' });
    const fixed = applyEvent(state, {
      type: 'corrected',
      payload: { field: 'complainant.name', before: '张三', after: '张山', reason: '登记笔误' },
    });
    expect(fixed.complainant.name).toBe('张山');
    expect(fixed.status).toBe('accepted');
  });

  it('closes a merged duplicate pointing at the survivor', () => {
    const state = caseAfter([accepted]);
    expect(checkAction(state, 'merge', actors.receptionist, rules)).toBeNull();
    const merged = applyEvent(state, {
      type: 'merged',
      payload: { intoId: 'c-2', intoNumber: '2611-0002', reason: '重复投诉' },
      at: now.toISOString(),
    });
    expect(merged.status).toBe('closed');
    expect(merged.mergedInto).toEqual({ id: 'c-2', number: '2611-0002' });
    expect(checkAction(merged, 'review', actors.receptionist, rules)).toMatchObject({ key: 'handling:refusal.mergedCase' });
  });
});

describe('deadline badge', () => {
  it('works towards acknowledge, then feedback, then resolve', () => {
    const d = registered.deadlines;
    expect(currentDeadline('registered', d, null)).toBe(d.acknowledge);
    expect(currentDeadline('investigating', d, null)).toBe(d.feedback);
    expect(currentDeadline('investigating', d, '2026-11-04T00:00:00.000Z')).toBe(d.resolve);
    expect(currentDeadline('responded', d, '2026-11-04T00:00:00.000Z')).toBe(d.resolve);
    expect(currentDeadline('closed', d, null)).toBeNull();
  });

  it('says overdue, due soon or on time', () => {
    expect(deadlineStatus('2026-11-05T01:59:59.000Z', now)).toBe('overdue');
    expect(deadlineStatus('2026-11-06T02:00:00.000Z', now)).toBe('dueSoon');
    expect(deadlineStatus('2026-11-08T02:00:00.000Z', now)).toBe('onTime');
    expect(deadlineStatus(null, now)).toBeNull();
  });
});
