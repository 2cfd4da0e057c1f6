import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase } from '../../db/queries/cases.ts';
import { projectCase } from '../../domain/cases/projection.ts';
import { caseEventOf } from '../cases/caseViews.ts';
import { openRaw } from './rawStore.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openTestDesk>>;
let departments: Map<string, string>;
const dep = (name: string) => departments.get(name) ?? '';
beforeAll(async () => {
  desk = await openTestDesk();
  await desk.setupAndLogin();
  departments = new Map((await desk.call('departments.list', {})).items.map((d) => [d.name, d.id]));
});
afterAll(() => desk.close());

const register = async () => (await desk.call('cases.register', sampleComplaint)).id;

describe('the decision at the desk', () => {
  it('accepts with a lead department, co-departments and a handler of the lead department', async () => {
    const id = await register();
    const handler = await desk.person('liuyi', ['handler'], [dep('门诊部')], '刘医生');
    const c = await desk.call('cases.act', {
      id,
      action: {
        type: 'accept',
        departmentId: dep('门诊部'),
        coDepartmentIds: [dep('护理部'), dep('护理部'), dep('门诊部')],
        handlerId: handler.id,
      },
    });
    // Duplicates and the lead itself are dropped from the co-departments.
    expect(c).toMatchObject({ status: 'accepted', departmentId: dep('门诊部'), coDepartmentIds: [dep('护理部')], handlerId: handler.id });
  });

  it('refuses an unknown department or handler next to the field, writing nothing', async () => {
    const id = await register();
    const before = rowCounts(desk.dataDir);
    const ghost = await desk.raw(
      'cases.act',
      { id, action: { type: 'accept', departmentId: dep('门诊部'), handlerId: 'ghost' } },
      { locale: 'zh-CN' },
    );
    expect(ghost).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'action.handlerId': '没有这个用户' } } });
    const nowhere = await desk.raw('cases.act', { id, action: { type: 'accept', departmentId: 'nope' } }, { locale: 'zh-CN' });
    expect(nowhere).toMatchObject({ ok: false, error: { fields: { 'action.departmentId': '没有这个部门' } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('declines with a reason from the list, with or without free text; "other" needs the text', async () => {
    const a = await desk.call('cases.act', { id: await register(), action: { type: 'decline', reasonCode: 'inLitigation' } });
    expect(a.status).toBe('declined');
    expect(a.events.at(-1)).toMatchObject({ type: 'declined', payload: { reasonCode: 'inLitigation' } });
    const id = await register();
    const before = rowCounts(desk.dataDir);
    const refused = await desk.raw('cases.act', { id, action: { type: 'decline', reasonCode: 'other' } }, { locale: 'en' });
    expect(refused).toMatchObject({ ok: false, error: { fields: { 'action.reason': 'Required' } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
    const b = await desk.call('cases.act', { id, action: { type: 'decline', reasonCode: 'other', reason: '投诉人要求撤回' } });
    expect(b.events.at(-1)).toMatchObject({ payload: { reasonCode: 'other', reason: '投诉人要求撤回' } });
  });

  it('closes a case resolved on the spot, only when the complainant is satisfied', async () => {
    const id = await register();
    const before = rowCounts(desk.dataDir);
    const unhappy = await desk.raw(
      'cases.act',
      { id, action: { type: 'resolveOnSpot', resolution: '当场道歉', satisfaction: 2 } },
      { locale: 'zh-CN' },
    );
    expect(unhappy).toMatchObject({ ok: false, error: { fields: { 'action.satisfaction': /不能当场办结/ } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
    const closed = await desk.call('cases.act', {
      id,
      action: { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元并道歉', satisfaction: 5 },
    });
    expect(closed.status).toBe('closed');
    expect(closed.allowedActions).not.toContain('resolveOnSpot');
    expect(closed.events.at(-1)).toMatchObject({ type: 'resolvedOnSpot', payload: { satisfaction: 5 } });
  });

  it('redirects with guidance; another authority must be named', async () => {
    const c = await desk.call('cases.act', { id: await register(), action: { type: 'redirect', target: 'medicalMediation' } });
    expect(c.status).toBe('declined');
    const id = await register();
    expect(await desk.raw('cases.act', { id, action: { type: 'redirect', target: 'otherAuthority' } })).toMatchObject({
      ok: false,
      error: { fields: { 'action.note': expect.any(String) } },
    });
    await desk.call('cases.act', { id, action: { type: 'redirect', target: 'otherAuthority', note: '区市场监督管理局' } });
  });

  it('allows no second decision, and the projection rebuilds from the events', async () => {
    const id = await register();
    await desk.call('cases.act', { id, action: { type: 'resolveOnSpot', resolution: '已解释', satisfaction: 4 } });
    expect(await desk.raw('cases.act', { id, action: { type: 'redirect', target: 'court' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    const { db } = openRaw(desk.dataDir);
    const row = await findCase(db, { id });
    const state = projectCase((await listCaseEvents(db, id)).map(caseEventOf));
    expect(state.status).toBe(row?.status);
    expect(JSON.stringify(state.intake)).toBe(row?.intake);
    await db.destroy();
  });
});
