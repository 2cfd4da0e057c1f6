import { describe, expect, it } from 'vitest';
import { type CaseActionType, caseActionTypes } from '../cases/caseMachine.ts';
import { type CaseActor, checkAction } from '../cases/caseRules.ts';
import type { CaseEventData, RegisteredPayload } from '../cases/events.ts';
import { type CaseState, projectCase } from '../cases/projection.ts';

/**
 * Every action, from a state where it is possible, against every kind of user: exactly the
 * listed people may take it; everyone else is refused as `forbidden` (or, for approvals, by
 * the rule that names who approves).
 */
const registered: RegisteredPayload = {
  number: '2611-0009',
  queryCode: 'ACDEFG',
  type: 'complaint',
  channel: 'phone',
  complainant: { name: '刘芳', phone: '13900000000' },
  subject: '收费处多收费用',
  content: '多收了挂号费',
  severity: 'general',
  receivedAt: '2026-11-02T02:00:00.000Z',
  confidential: false,
  anonymous: false,
  deadlines: { acknowledge: '2026-11-03T15:59:59.999Z', feedback: '2026-11-09T15:59:59.999Z', resolve: '2026-11-16T15:59:59.999Z' },
};

const people = {
  receptionist: { id: 'rec', roles: ['receptionist'], departmentIds: [] },
  handler: { id: 'han', roles: ['handler'], departmentIds: ['lead'] },
  colleague: { id: 'col', roles: ['handler'], departmentIds: ['lead'] },
  coDepartment: { id: 'co', roles: ['handler'], departmentIds: ['co'] },
  outsider: { id: 'out', roles: ['handler'], departmentIds: ['elsewhere'] },
  supervisor: { id: 'sup', roles: ['supervisor'], departmentIds: [] },
  director: { id: 'dir', roles: ['director'], departmentIds: [] },
  admin: { id: 'adm', roles: ['admin'], departmentIds: [] },
} satisfies Record<string, CaseActor>;
type Person = keyof typeof people;

type Step = CaseEventData & { actorId?: string; at?: string };
const accepted: Step = { type: 'accepted', payload: { departmentId: 'lead', handlerId: 'han', coDepartmentIds: ['co'] } };
const started: Step = { type: 'investigationStarted', payload: { handlerId: 'han' } };
const proposed: Step = { type: 'proposed', payload: { text: '退还多收费用', finding: 'valid' }, actorId: 'han' };
const approved: Step = { type: 'approved', payload: {}, actorId: 'sup' };
const responded: Step = { type: 'responded', payload: { channel: 'phone', content: '已退费' }, at: '2026-11-04T02:00:00.000Z' };
const satisfied: Step = { type: 'followedUp', payload: { method: 'phone', satisfaction: 5, explanationAccepted: false } };
const paused: Step = { type: 'paused', payload: { reason: '等待投诉人补充材料', pausedAt: '2026-11-03T02:00:00.000Z' } };
const closed: Step = { type: 'closed', payload: { override: false }, at: '2026-11-04T08:00:00.000Z' };

const at = (steps: Step[], patch: Partial<RegisteredPayload> = {}): CaseState =>
  projectCase([{ type: 'registered', payload: { ...registered, ...patch } }, ...steps]);

const desk: Person[] = ['receptionist', 'supervisor', 'director'];
const overseers: Person[] = ['supervisor', 'director'];
const workers: Person[] = ['handler', 'colleague', 'supervisor', 'director'];
const involved: Person[] = ['receptionist', 'handler', 'colleague', 'coDepartment', 'supervisor', 'director'];

const matrix: Record<CaseActionType, { state: CaseState; may: Person[] }> = {
  accept: { state: at([]), may: desk },
  decline: { state: at([]), may: desk },
  resolveOnSpot: { state: at([]), may: desk },
  redirect: { state: at([]), may: desk },
  assign: { state: at([accepted]), may: overseers },
  startInvestigation: { state: at([accepted]), may: workers },
  note: { state: at([accepted]), may: involved },
  contact: { state: at([accepted, started]), may: involved },
  propose: { state: at([accepted, started]), may: workers },
  approve: { state: at([accepted, started, proposed]), may: overseers },
  sendBack: { state: at([accepted, started, proposed]), may: overseers },
  respond: { state: at([accepted, started, proposed, approved]), may: workers },
  followUp: { state: at([accepted, started, proposed, approved, responded]), may: desk },
  close: { state: at([accepted, started, proposed, approved, responded, satisfied]), may: desk },
  review: { state: at([accepted, started, proposed, approved, responded, satisfied, closed]), may: desk },
  escalate: { state: at([accepted], { severity: 'urgent' }), may: involved },
  correct: { state: at([accepted]), may: desk },
  archive: { state: at([accepted, started, proposed, approved, responded, satisfied, closed]), may: overseers },
  link: { state: at([accepted]), may: involved },
  merge: { state: at([accepted]), may: desk },
  // The deadline actions of issue 5, by the rules it set.
  extend: { state: at([accepted]), may: overseers },
  pause: { state: at([accepted]), may: involved },
  resume: { state: at([accepted, paused]), may: involved },
  transfer: { state: at([accepted]), may: overseers },
};

const rules = { now: new Date('2026-11-05T02:00:00.000Z'), reviewWindowDays: 30 };

describe('who may take each action', () => {
  it('covers every action', () => {
    expect(Object.keys(matrix).sort()).toEqual([...caseActionTypes].sort());
  });

  for (const action of caseActionTypes) {
    const { state, may } = matrix[action];
    for (const person of Object.keys(people) as Person[]) {
      const allowed = may.includes(person);
      it(`${action} from ${state.status}: ${person} ${allowed ? 'may' : 'may not'}`, () => {
        const refusal = checkAction(state, action, people[person], rules);
        if (allowed) expect(refusal).toBeNull();
        else expect(refusal).toMatchObject({ code: 'forbidden' });
      });
    }
  }

  it('hands a major case to the director alone for approval', () => {
    const major = at([accepted, started, proposed], { severity: 'major' });
    for (const person of Object.keys(people) as Person[]) {
      const refusal = checkAction(major, 'approve', people[person], rules);
      if (person === 'director') expect(refusal).toBeNull();
      else expect(refusal).toMatchObject({ code: 'forbidden' });
    }
  });
});
