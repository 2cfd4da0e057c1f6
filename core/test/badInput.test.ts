import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textLimits } from '../../domain/api/limits.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openTestDesk>>;
let caseId: string;
beforeAll(async () => {
  desk = await openTestDesk();
  await desk.setupAndLogin();
  caseId = (await desk.call('cases.register', sampleComplaint)).id;
});
afterAll(() => desk.close());

const longText = '长'.repeat(textLimits.content + 1);

/** Each bad call, and the fields its answer must name. */
const badCalls: [string, string, unknown, string[]][] = [
  ['setup.init', 'missing everything', {}, ['orgName', 'profile', 'admin']],
  [
    'setup.init',
    'unknown profile',
    { orgName: 'x', profile: 'bank', admin: { username: 'abc', password: 'long enough', displayName: 'x' } },
    ['profile'],
  ],
  ['auth.login', 'wrong types', { username: 42, password: null }, ['username', 'password']],
  ['auth.login', 'an unknown field', { username: 'a', password: 'b', remember: true }, ['remember']],
  [
    'cases.register',
    'missing name and content',
    { ...sampleComplaint, complainant: {}, content: undefined },
    ['complainant.name', 'content'],
  ],
  ['cases.register', 'over-long content', { ...sampleComplaint, content: longText }, ['content']],
  ['cases.register', 'a malformed phone', { ...sampleComplaint, complainant: { name: '张三', phone: '12ab' } }, ['complainant.phone']],
  ['cases.register', 'an unknown type', { ...sampleComplaint, type: 'rant' }, ['type']],
  ['cases.register', 'a receipt time in the future', { ...sampleComplaint, receivedAt: '2099-01-01T00:00:00Z' }, ['receivedAt']],
  ['cases.register', 'a malformed receipt time', { ...sampleComplaint, receivedAt: 'yesterday' }, ['receivedAt']],
  ['cases.list', 'a limit too large', { limit: 10_000 }, ['limit']],
  ['cases.get', 'neither id nor number', {}, ['_']],
  ['cases.act', 'an unknown action', { id: 'x', action: { type: 'obliterate' } }, ['action.type']],
  ['cases.act', 'a decline without reason', { id: 'x', action: { type: 'decline' } }, ['action.reason']],
  ['cases.act', 'an unknown department', { id: 'x', action: { type: 'accept', departmentId: 'nope' } }, ['action.departmentId']],
  ['departments.create', 'an empty name', { name: '   ' }, ['name']],
];

describe('bad input', () => {
  it.each(badCalls)('%s refuses %s with invalid_input, names the fields, and writes nothing', async (method, _label, input, fields) => {
    const before = rowCounts(desk.dataDir);
    const answer = await desk.raw(method, input, { locale: 'zh-CN' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toBe('填写的内容有误，请按提示修改。');
    for (const field of fields) expect(answer.error.fields?.[field], `message for ${field}`).toMatch(/\S/);
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('words field messages in the caller language', async () => {
    const input = { ...sampleComplaint, complainant: { name: '' } };
    const zhCN = await desk.raw('cases.register', input, { locale: 'zh-CN' });
    const zhTW = await desk.raw('cases.register', input, { locale: 'zh-TW' });
    const en = await desk.raw('cases.register', input, { locale: 'en-GB' });
    expect([zhCN, zhTW, en].map((a) => (a.ok ? null : a.error.fields?.['complainant.name']))).toEqual(['必填', '必填', 'Required']);
    expect(en.ok ? null : en.error.message).toBe('Some fields need correcting; see the messages next to them.');
  });

  it('refuses an action on an unknown case with not_found and an illegal transition with invalid_transition', async () => {
    expect(await desk.raw('cases.act', { id: 'nope', action: { type: 'decline', reason: '重复' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await desk.call('cases.act', { id: caseId, action: { type: 'decline', reason: '不属于受理范围' } });
    const before = rowCounts(desk.dataDir);
    const again = await desk.raw('cases.act', { id: caseId, action: { type: 'decline', reason: '再次' } }, { locale: 'en' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', message: 'The case is “Declined”; “Decline” is not possible now.' },
    });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('answers an unknown method with unknown_method, not a crash', async () => {
    expect(await desk.raw('cases.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await desk.raw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});

describe('empty fields', () => {
  it('are called required, whatever their minimum length', async () => {
    const answer = await desk.raw(
      'setup.init',
      { orgName: 'x', profile: 'hospital', admin: { username: '', password: 'long enough', displayName: 'x' } },
      { locale: 'en' },
    );
    expect(answer.ok ? null : answer.error.fields?.['admin.username']).toBe('Required');
  });
});
