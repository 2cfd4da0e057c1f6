import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../domain/api/views.ts';
import { listen } from '../http/httpTransport.ts';
import { createSetupToken } from '../http/requestGuard.ts';
import { openAccessDesk } from './accessDesk.ts';
import { rowCounts } from './storeSnapshot.ts';
import { sampleComplaint } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openAccessDesk>> | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
  await desk?.close();
  desk = undefined;
});

async function openDesk(options: Parameters<typeof openAccessDesk>[0] = {}) {
  desk = await openAccessDesk(options);
  return desk;
}

/** A desk with a receptionist, two department handlers, a supervisor and a director. */
async function staffedDesk() {
  const d = await openDesk();
  const outpatient = d.dept('门诊部');
  const pharmacy = d.dept('药剂科');
  const rec = await d.person('reception1', ['receptionist']);
  const nurse = await d.person('nurse1', ['handler'], [outpatient]);
  const pharmacist = await d.person('pharm1', ['handler'], [pharmacy]);
  const sup = await d.person('super1', ['supervisor']);
  const dir = await d.person('director1', ['director']);
  return { d, outpatient, pharmacy, rec, nurse, pharmacist, sup, dir };
}

describe('the permission matrix at the boundary', () => {
  it('refuses a call beyond the role with a translated forbidden, over HTTP too, writes nothing else, and audits it', async () => {
    const { d, nurse } = await staffedDesk();
    const before = rowCounts(d.dataDir);
    const refused = await d.rawAs(nurse.token, 'users.create', {
      username: 'sneaky',
      password: 'sneaky-pass-1',
      displayName: 'x',
      roles: ['admin'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).toContain('无权');
    const after = rowCounts(d.dataDir);
    expect(after.users).toBe(before.users);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
    const denial = d.auditRows('access.denied').at(-1);
    expect(denial?.actor_id).toBe(nurse.id);
    expect(JSON.parse(denial?.detail ?? '{}')).toMatchObject({ method: 'users.create' });

    server = await listen(d.desk, { port: 0, rendererDir: null, setupToken: createSetupToken() });
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/audit.list`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${nurse.token}`, 'Accept-Language': 'en', 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/Your role may not view the audit log/);
  });

  it('lets an administrator do administration but keeps them out of case files', async () => {
    const d = await openDesk();
    const admin = await d.person('admin2', ['admin']);
    expect((await d.as(admin.token, 'users.list', {})).items.length).toBe(2);
    expect(await d.rawAs(admin.token, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('applies a change of roles to a signed-in user at their next call', async () => {
    const { d, rec } = await staffedDesk();
    expect((await d.rawAs(rec.token, 'cases.register', sampleComplaint)).ok).toBe(true);
    await d.as(d.adminToken, 'users.update', { id: rec.id, roles: ['director'] });
    expect(await d.rawAs(rec.token, 'cases.register', sampleComplaint)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await d.as(d.adminToken, 'users.disable', { id: rec.id });
    expect(await d.rawAs(rec.token, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('case visibility, recusal and masking', () => {
  it('shows department staff only their department’s cases, masked, and audits each look', async () => {
    const { d, outpatient, rec, nurse, pharmacist, sup } = await staffedDesk();
    const { id } = await d.as(rec.token, 'cases.register', {
      ...sampleComplaint,
      complainant: { ...sampleComplaint.complainant, idNumber: '110101199003071234' },
    });
    await d.as(rec.token, 'cases.act', { id, action: { type: 'accept', departmentId: outpatient } });

    const byDesk = await d.as(rec.token, 'cases.get', { id });
    expect(byDesk.complainant.phone).toBe('13800138000');
    expect(byDesk.personalData.masked).toBe(false);

    const byNurse = await d.as(nurse.token, 'cases.get', { id });
    expect(byNurse.complainant.phone).toBe('138****8000');
    expect(byNurse.complainant.idNumber).toBe('110***********1234');
    expect(byNurse.complainantName).toBe('张三');
    expect(byNurse.personalData).toEqual({ masked: true, mayReveal: true });
    const registered = byNurse.events.find((e) => e.type === 'registered');
    expect(JSON.stringify(registered)).not.toContain('13800138000');
    expect(JSON.stringify(byNurse)).not.toContain('13800138000');
    expect(JSON.stringify(byNurse)).not.toContain('199003071234');

    expect((await d.as(nurse.token, 'cases.list', {})).items.map((c) => c.id)).toEqual([id]);
    expect((await d.as(pharmacist.token, 'cases.list', {})).items).toEqual([]);
    expect((await d.as(sup.token, 'cases.list', {})).items.map((c) => c.id)).toEqual([id]);
    const refused = await d.rawAs(pharmacist.token, 'cases.get', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('不属于您所在的部门') } });

    const views = d.auditRows('cases.view');
    expect(views.map((v) => v.actor_id)).toEqual([rec.id, nurse.id]);
    expect(views.every((v) => v.target === id)).toBe(true);
    expect(JSON.parse(views[1]?.detail ?? '{}')).toMatchObject({ masked: true });
    expect(d.auditRows('access.denied').at(-1)).toMatchObject({ actor_id: pharmacist.id, target: id });
  });

  it('reveals a masked number only as an audited action', async () => {
    const { d, outpatient, rec, nurse, pharmacist } = await staffedDesk();
    const { id } = await d.as(rec.token, 'cases.register', sampleComplaint);
    await d.as(rec.token, 'cases.act', { id, action: { type: 'accept', departmentId: outpatient } });
    const before = d.auditRows('personalData.reveal').length;
    expect(await d.as(nurse.token, 'cases.reveal', { id, field: 'phone' })).toEqual({ value: '13800138000' });
    const reveals = d.auditRows('personalData.reveal');
    expect(reveals.length).toBe(before + 1);
    expect(reveals.at(-1)).toMatchObject({ actor_id: nurse.id, target: id });
    expect(JSON.parse(reveals.at(-1)?.detail ?? '{}')).toMatchObject({ field: 'phone' });
    expect(await d.rawAs(pharmacist.token, 'cases.reveal', { id, field: 'phone' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await d.rawAs(nurse.token, 'cases.reveal', { id, field: 'idNumber' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(d.auditRows('personalData.reveal').length).toBe(before + 1);
  });

  it('hides a confidential complainant from the department, also in the list and the history', async () => {
    const { d, outpatient, rec, nurse, sup } = await staffedDesk();
    const { id } = await d.as(rec.token, 'cases.register', { ...sampleComplaint, confidential: true });
    await d.as(rec.token, 'cases.act', { id, action: { type: 'accept', departmentId: outpatient } });
    const seen: CaseDetail = await d.as(nurse.token, 'cases.get', { id });
    expect(seen.complainantHidden).toBe(true);
    expect(seen.complainantName).toBe('');
    expect(JSON.stringify(seen)).not.toContain('张三');
    expect(JSON.stringify(seen)).not.toContain('13800138000');
    expect(JSON.stringify(seen)).not.toContain('138****8000');
    expect(seen.personalData.mayReveal).toBe(false);
    const listed = (await d.as(nurse.token, 'cases.list', {})).items[0];
    expect(listed).toMatchObject({ complainantName: '', complainantHidden: true });
    expect(await d.rawAs(nurse.token, 'cases.reveal', { id, field: 'phone' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await d.as(sup.token, 'cases.get', { id })).complainantName).toBe('张三');
  });

  it('keeps the person complained about away from the case: not listed, not opened, not acted on, not assigned', async () => {
    const { d, outpatient, rec, nurse, sup } = await staffedDesk();
    const other = await d.person('nurse2', ['handler'], [outpatient]);
    const accused = await d.as(rec.token, 'cases.register', {
      ...sampleComplaint,
      respondent: { departmentId: outpatient, userId: nurse.id },
    });
    const unrelated = await d.as(rec.token, 'cases.register', { ...sampleComplaint, respondent: { departmentId: outpatient } });
    const accusedSupervisorCase = await d.as(rec.token, 'cases.register', { ...sampleComplaint, respondent: { userId: sup.id } });

    expect((await d.as(nurse.token, 'cases.list', {})).items.map((c) => c.id)).toEqual([unrelated.id]);
    expect((await d.as(other.token, 'cases.list', {})).items.map((c) => c.id).sort()).toEqual([accused.id, unrelated.id].sort());
    expect((await d.as(sup.token, 'cases.list', {})).items.map((c) => c.id)).not.toContain(accusedSupervisorCase.id);
    expect((await d.as(sup.token, 'cases.list', { q: '挂号' })).items.map((c) => c.id)).not.toContain(accusedSupervisorCase.id);

    const opened = await d.rawAs(nurse.token, 'cases.get', { id: accused.id });
    expect(opened).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('回避') } });
    const before = rowCounts(d.dataDir);
    const acted = await d.rawAs(sup.token, 'cases.act', {
      id: accusedSupervisorCase.id,
      action: { type: 'decline', reason: '不属于受理范围' },
    });
    expect(acted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = rowCounts(d.dataDir);
    expect(after.case_events).toBe(before.case_events);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
    expect(d.auditRows('access.denied').at(-1)).toMatchObject({ actor_id: sup.id, target: accusedSupervisorCase.id });
    expect(JSON.parse(d.auditRows('access.denied').at(-1)?.detail ?? '{}')).toMatchObject({ reason: 'recused' });

    const assigned = await d.rawAs(rec.token, 'cases.act', {
      id: accused.id,
      action: { type: 'accept', departmentId: outpatient, handlerId: nurse.id },
    });
    expect(assigned).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'action.handlerId': expect.stringContaining('回避') } },
    });
  });

  it('offers each user only the actions their role and department allow', async () => {
    const { d, outpatient, rec, nurse, pharmacist } = await staffedDesk();
    const { id } = await d.as(rec.token, 'cases.register', sampleComplaint);
    const atDesk = (await d.as(rec.token, 'cases.get', { id })).allowedActions;
    expect(atDesk).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(atDesk).not.toContain('approve');
    expect(await d.rawAs(nurse.token, 'cases.get', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await d.as(rec.token, 'cases.act', { id, action: { type: 'accept', departmentId: outpatient } });
    const inDepartment = (await d.as(nurse.token, 'cases.get', { id })).allowedActions;
    expect(inDepartment).toContain('startInvestigation');
    expect(inDepartment).not.toContain('accept');
    expect(inDepartment).not.toContain('close');
    const before = rowCounts(d.dataDir);
    expect(await d.rawAs(pharmacist.token, 'cases.act', { id, action: { type: 'startInvestigation' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(rowCounts(d.dataDir)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 1 });
    expect(d.auditRows('access.denied').at(-1)).toMatchObject({ actor_id: pharmacist.id, target: id });
  });
});

describe('accounts and sessions', () => {
  it('locks an account after five wrong passwords, says so, audits it, and lets an administrator lift it', async () => {
    let now = new Date('2026-11-02T02:00:00Z');
    const d = await openDesk({ now: () => now });
    const rec = await d.person('reception1', ['receptionist']);
    for (let i = 0; i < 4; i++) {
      expect(await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: 'wrong' })).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated', message: '登录名或密码不正确。' },
      });
    }
    const fifth = await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: 'wrong' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('15 分钟') } });
    // Even the right password is refused while the lock lasts.
    expect(await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: rec.password })).toMatchObject({ ok: false });
    expect(d.auditRows('auth.loginFailed').filter((r) => r.actor_id === rec.id)).toHaveLength(5);
    expect(d.auditRows('auth.lockedOut')).toHaveLength(1);
    expect(d.auditRows('auth.loginRefused')).toHaveLength(1);
    expect((await d.as(d.adminToken, 'users.list', {})).items.find((u) => u.id === rec.id)?.lockedUntil).toBe('2026-11-02T02:15:00.000Z');

    now = new Date('2026-11-02T02:16:00Z');
    expect((await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: rec.password })).ok).toBe(true);

    for (let i = 0; i < 5; i++) await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: 'wrong' });
    expect((await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: rec.password })).ok).toBe(false);
    await d.as(d.adminToken, 'users.resetPassword', { id: rec.id, password: 'fresh-start-7' });
    expect((await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: 'fresh-start-7' })).ok).toBe(true);
  });

  it('ends sessions after idle time and at their maximum age', async () => {
    let now = new Date('2026-11-02T02:00:00Z');
    const d = await openDesk({ now: () => now, sessionIdleMs: 60_000, sessionMaxMs: 150_000 });
    const rec = await d.person('reception1', ['receptionist']);
    now = new Date(now.getTime() + 59_000);
    expect((await d.rawAs(rec.token, 'auth.me', {})).ok).toBe(true);
    now = new Date(now.getTime() + 59_000);
    expect((await d.rawAs(rec.token, 'auth.me', {})).ok).toBe(true);
    now = new Date(now.getTime() + 59_000);
    expect(await d.rawAs(rec.token, 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('locks a session so that only unlocking answers; the same user unlocks, another one takes over', async () => {
    const { d, rec, nurse } = await staffedDesk();
    await d.as(rec.token, 'auth.lock', {});
    expect(await d.rawAs(rec.token, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await d.as(rec.token, 'auth.me', {})).toMatchObject({ locked: true, user: { id: rec.id } });
    expect(await d.rawAs(rec.token, 'auth.unlock', { username: 'reception1', password: 'nope' })).toMatchObject({ ok: false });
    const same = await d.as(rec.token, 'auth.unlock', { username: 'reception1', password: rec.password });
    expect(same).toMatchObject({ token: rec.token, switched: false });
    expect((await d.rawAs(rec.token, 'cases.list', {})).ok).toBe(true);

    await d.as(rec.token, 'auth.lock', {});
    const other = await d.as(rec.token, 'auth.unlock', { username: 'nurse1', password: nurse.password });
    expect(other.switched).toBe(true);
    expect(other.user.id).toBe(nurse.id);
    expect(await d.rawAs(rec.token, 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await d.rawAs(other.token, 'cases.list', {})).ok).toBe(true);
    const actions = d.auditRows().map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.lock')).toHaveLength(2);
    expect(actions.filter((a) => a === 'auth.unlock')).toHaveLength(1);
  });

  it('lets a user change their own password with the current one, refusing weak ones at the field', async () => {
    const { d, rec } = await staffedDesk();
    const before = rowCounts(d.dataDir);
    const weak = await d.rawAs(rec.token, 'auth.changePassword', { currentPassword: rec.password, newPassword: 'abcdefghijk' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { newPassword: expect.stringContaining('太简单') } } });
    const short = await d.rawAs(rec.token, 'auth.changePassword', { currentPassword: rec.password, newPassword: 'a1' });
    expect(short).toMatchObject({ ok: false, error: { fields: { newPassword: '至少 8 个字符' } } });
    const named = await d.rawAs(rec.token, 'auth.changePassword', { currentPassword: rec.password, newPassword: 'Reception1 x' });
    expect(named).toMatchObject({ ok: false, error: { fields: { newPassword: expect.stringContaining('登录名') } } });
    expect(rowCounts(d.dataDir)).toEqual(before);
    const wrong = await d.rawAs(rec.token, 'auth.changePassword', { currentPassword: 'not-it-at-all', newPassword: 'brand new 42' });
    expect(wrong).toMatchObject({ ok: false, error: { fields: { currentPassword: '当前密码不正确' } } });
    await d.as(rec.token, 'auth.changePassword', { currentPassword: rec.password, newPassword: 'brand new 42' });
    expect((await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: 'brand new 42' })).ok).toBe(true);
    expect((await d.rawAs(undefined, 'auth.login', { username: 'reception1', password: rec.password })).ok).toBe(false);
  });
});

describe('administration', () => {
  it('creates, updates, disables and re-enables users, keeping one administrator, every change audited', async () => {
    const d = await openDesk();
    const outpatient = d.dept('门诊部');
    const badHandler = await d.rawAs(d.adminToken, 'users.create', {
      username: 'hli',
      password: 'handler pass 1',
      displayName: '李',
      roles: ['handler'],
    });
    expect(badHandler).toMatchObject({ ok: false, error: { fields: { departmentIds: expect.any(String) } } });
    const taken = await d.rawAs(d.adminToken, 'users.create', {
      username: 'ADMIN',
      password: 'handler pass 1',
      displayName: '李',
      roles: ['receptionist'],
    });
    expect(taken).toMatchObject({ ok: false, error: { fields: { username: '这个登录名已被使用' } } });
    const { id } = await d.as(d.adminToken, 'users.create', {
      username: 'hli',
      password: 'handler pass 1',
      displayName: '李护士',
      roles: ['handler'],
      departmentIds: [outpatient],
    });
    await d.as(d.adminToken, 'users.update', { id, displayName: '李护士长', roles: ['handler', 'supervisor'] });
    const listed = (await d.as(d.adminToken, 'users.list', {})).items.find((u) => u.id === id);
    expect(listed).toMatchObject({
      displayName: '李护士长',
      roles: ['handler', 'supervisor'],
      departmentIds: [outpatient],
      disabled: false,
    });
    await d.as(d.adminToken, 'users.disable', { id });
    expect((await d.as(d.adminToken, 'users.list', {})).items.map((u) => u.id)).not.toContain(id);
    expect((await d.as(d.adminToken, 'users.list', { includeDisabled: true })).items.find((u) => u.id === id)?.disabled).toBe(true);
    expect((await d.rawAs(undefined, 'auth.login', { username: 'hli', password: 'handler pass 1' })).ok).toBe(false);
    await d.as(d.adminToken, 'users.enable', { id });
    expect((await d.rawAs(undefined, 'auth.login', { username: 'hli', password: 'handler pass 1' })).ok).toBe(true);

    expect(await d.rawAs(d.adminToken, 'users.disable', { id: d.adminId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await d.rawAs(d.adminToken, 'users.update', { id: d.adminId, roles: ['supervisor'] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('管理员') },
    });
    expect(
      d
        .auditRows()
        .map((r) => r.action)
        .filter((a) => a.startsWith('users.')),
    ).toEqual(['users.create', 'users.update', 'users.disable', 'users.enable']);
  });

  it('changes settings, departments and two-level categories, auditing each change with before and after', async () => {
    const d = await openDesk();
    const settings = await d.as(d.adminToken, 'settings.update', {
      desk: { deskPhone: '0755-8888 1234', idleLockMinutes: 0.1, deskPrefix: 'A' },
    });
    expect(settings.desk).toMatchObject({
      orgName: '市第一人民医院',
      deskPhone: '0755-8888 1234',
      idleLockMinutes: 0.1,
      deskPrefix: 'A',
      language: 'zh-CN',
    });
    const bad = await d.rawAs(d.adminToken, 'settings.update', { desk: { deskPrefix: 'a-1', idleLockMinutes: 0, language: 'fr' } });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: { 'desk.deskPrefix': expect.any(String), 'desk.idleLockMinutes': expect.any(String), 'desk.language': expect.any(String) },
      },
    });
    const audit = d.auditRows('settings.update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({
      'desk.deskPhone': { before: '', after: '0755-8888 1234' },
      'desk.idleLockMinutes': { before: 5, after: 0.1 },
      'desk.deskPrefix': { before: '', after: 'A' },
    });
    const { number } = await d.call('cases.register', sampleComplaint);
    expect(number).toMatch(/^A\d{4}-0001$/);

    const { id: dep } = await d.as(d.adminToken, 'departments.create', { name: '体检中心' });
    expect(await d.rawAs(d.adminToken, 'departments.create', { name: '体检中心' })).toMatchObject({
      ok: false,
      error: { fields: { name: expect.any(String) } },
    });
    await d.as(d.adminToken, 'departments.update', { id: dep, name: '健康管理中心' });
    await d.as(d.adminToken, 'departments.disable', { id: dep });
    expect((await d.as(d.adminToken, 'departments.list', {})).items.map((x) => x.id)).not.toContain(dep);
    expect((await d.as(d.adminToken, 'departments.list', { includeDisabled: true })).items.find((x) => x.id === dep)).toMatchObject({
      name: '健康管理中心',
      disabled: true,
    });

    const { id: top } = await d.as(d.adminToken, 'categories.create', { name: '医疗安全' });
    const { id: sub } = await d.as(d.adminToken, 'categories.create', { name: '用药错误', parentId: top });
    const tooDeep = await d.rawAs(d.adminToken, 'categories.create', { name: '剂量', parentId: sub });
    expect(tooDeep).toMatchObject({ ok: false, error: { fields: { parentId: expect.stringContaining('两级') } } });
    expect(await d.rawAs(d.adminToken, 'categories.disable', { id: top })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await d.as(d.adminToken, 'categories.disable', { id: sub });
    await d.as(d.adminToken, 'categories.disable', { id: top });
    await d.as(d.adminToken, 'categories.enable', { id: top });
    await d.as(d.adminToken, 'categories.update', { id: sub, name: '给药差错' });
    const actions = d.auditRows().map((r) => r.action);
    for (const a of [
      'departments.create',
      'departments.update',
      'departments.disable',
      'categories.create',
      'categories.disable',
      'categories.enable',
      'categories.update',
    ]) {
      expect(actions).toContain(a);
    }
  });

  it('lists the audit log for administrators, filtered by who, what and when, newest first, page by page', async () => {
    const { d, rec, nurse, outpatient } = await staffedDesk();
    await d.rawAs(nurse.token, 'users.list', {});
    const registered = await d.as(rec.token, 'cases.register', sampleComplaint);
    await d.as(rec.token, 'print.render', { caseId: registered.id, template: 'slip', purpose: 'print' });
    await d.as(d.adminToken, 'departments.update', { id: outpatient, name: '门诊办公室' });
    const all = await d.as(d.adminToken, 'audit.list', { limit: 3 });
    expect(all.items).toHaveLength(3);
    expect(all.next).not.toBeNull();
    const second = await d.as(d.adminToken, 'audit.list', { limit: 3, cursor: all.next ?? '' });
    expect((second.items[0]?.at ?? '') <= (all.items[2]?.at ?? '')).toBe(true);
    expect(new Set([...all.items, ...second.items].map((e) => e.id)).size).toBe(6);

    // Targets are named the way a reader knows them: a case by its number, people and departments by name.
    const print = await d.as(d.adminToken, 'audit.list', { action: 'print' });
    expect(print.items[0]).toMatchObject({ target: registered.id, targetLabel: { kind: 'case', text: registered.number } });
    const renamed = await d.as(d.adminToken, 'audit.list', { action: 'departments.update' });
    expect(renamed.items[0]).toMatchObject({ target: outpatient, targetLabel: { kind: 'department', text: '门诊办公室' } });
    const created = await d.as(d.adminToken, 'audit.list', { action: 'users.create' });
    const nurseCreated = created.items.find((e) => e.target === nurse.id);
    expect(nurseCreated).toMatchObject({ targetLabel: { kind: 'user', text: 'nurse1' }, detail: { departmentIds: [outpatient] } });
    // Ids inside a detail come with their names (the department was renamed since).
    expect(created.names[outpatient]).toBe('门诊办公室');
    expect((await d.as(d.adminToken, 'audit.list', { action: 'access.denied' })).items[0]?.targetLabel).toBeNull();

    const byNurse = await d.as(d.adminToken, 'audit.list', { actorId: nurse.id });
    expect(byNurse.items.map((e) => e.action)).toEqual(['access.denied', 'auth.login']);
    expect(byNurse.items[0]).toMatchObject({ actorName: 'nurse1', detail: { method: 'users.list' } });
    const logins = await d.as(d.adminToken, 'audit.list', { action: 'auth.' });
    expect(logins.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
    const future = await d.as(d.adminToken, 'audit.list', { from: '2099-01-01T00:00:00+08:00' });
    expect(future.items).toEqual([]);
    expect(await d.rawAs(d.adminToken, 'audit.list', { cursor: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
