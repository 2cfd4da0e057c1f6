import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

type TestDesk = Awaited<ReturnType<typeof openTestDesk>>;
let current: TestDesk | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});
async function ready() {
  current = await openTestDesk();
  await current.setupAndLogin();
  return current;
}

describe('setup and sign-in', () => {
  it('reports a new data directory as not initialised, then initialises it once', async () => {
    current = await openTestDesk();
    expect(await current.call('setup.status', {})).toEqual({ initialized: false, orgName: null });
    await current.setupAndLogin();
    expect(await current.call('setup.status', {})).toEqual({ initialized: true, orgName: '市第一人民医院' });
    const again = await current.raw('setup.init', {
      orgName: 'x',
      profile: 'property',
      admin: { username: 'other', password: 'second pass 22', displayName: 'x' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_initialized' } });
  });

  it('refuses a wrong password with one message for every cause', async () => {
    current = await openTestDesk();
    await current.setupAndLogin();
    const wrong = await current.raw('auth.login', { username: 'admin', password: 'nope nope' }, { locale: 'en' });
    const unknown = await current.raw('auth.login', { username: 'ghost', password: 'nope nope' }, { locale: 'en' });
    expect(wrong).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Wrong username or password.' } });
    expect(unknown).toEqual(wrong);
  });

  it('answers calls without a session with unauthenticated', async () => {
    current = await ready();
    current.signOut();
    expect(await current.raw('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('registration', () => {
  it('numbers cases YYMM-NNNN per month, gapless, with a 6-character query code and deadlines', async () => {
    const desk = await ready();
    const first = await desk.call('cases.register', sampleComplaint);
    const second = await desk.call('cases.register', sampleComplaint);
    const yymm = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: '2-digit', month: '2-digit' })
      .format(new Date())
      .replace('-', '');
    expect(first.number).toBe(`${yymm}-0001`);
    expect(second.number).toBe(`${yymm}-0002`);
    expect(first.queryCode).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(Date.parse(first.deadlines.feedback)).toBeGreaterThan(Date.now());
  });

  it('does not burn a number when a registration is refused', async () => {
    const desk = await ready();
    const first = await desk.call('cases.register', sampleComplaint);
    const refused = await desk.raw('cases.register', { ...sampleComplaint, subject: '' });
    expect(refused.ok).toBe(false);
    const next = await desk.call('cases.register', sampleComplaint);
    expect(Number(next.number.slice(-4))).toBe(Number(first.number.slice(-4)) + 1);
  });

  it('records the registration as the first event of a hash chain', async () => {
    const desk = await ready();
    const { id } = await desk.call('cases.register', sampleComplaint);
    const detail = await desk.call('cases.get', { id });
    expect(detail.status).toBe('registered');
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ type: 'registered', seq: 1, parents: [], form: 'dag', actorName: '王主任', conflict: false });
    expect(detail.events[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(detail.allowedActions).not.toContain('propose');
  });
});

describe('search', () => {
  it.each([
    ['a one-character query', '梯'],
    ['a two-character word', '电梯'],
    ['a three-character substring', '挂号窗'],
    ['a phone suffix', '8000'],
    ['the complainant', '张三'],
  ])('finds a case by %s', async (_label, q) => {
    const desk = await ready();
    const { id } = await desk.call('cases.register', sampleComplaint);
    await desk.call('cases.register', {
      ...sampleComplaint,
      complainant: { name: '李四' },
      subject: '停车收费',
      content: '收费标准不清楚',
    });
    const found = await desk.call('cases.list', { q });
    expect(found.items.map((c) => c.id)).toEqual([id]);
  });

  it('pages newest first with a cursor', async () => {
    const desk = await ready();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await desk.call('cases.register', sampleComplaint)).id);
    const page1 = await desk.call('cases.list', { limit: 3 });
    expect(page1.items.map((c) => c.id)).toEqual(ids.slice(2).reverse());
    const page2 = await desk.call('cases.list', { limit: 3, cursor: page1.next ?? '' });
    expect(page2.items.map((c) => c.id)).toEqual(ids.slice(0, 2).reverse());
    expect(page2.next).toBeNull();
  });
});

describe('acceptance decision', () => {
  it('accepts a registered case into a department, chaining the event', async () => {
    const desk = await ready();
    const { items } = await desk.call('departments.list', {});
    const department = items[0];
    if (!department) throw new Error('the hospital profile seeds departments');
    const { id } = await desk.call('cases.register', sampleComplaint);
    const accepted = await desk.call('cases.act', { id, action: { type: 'accept', departmentId: department.id } });
    expect(accepted.status).toBe('accepted');
    expect(accepted.departmentId).toBe(department.id);
    expect(accepted.events.map((e) => e.type)).toEqual(['registered', 'accepted']);
    expect(accepted.events[1]?.parents).toEqual([accepted.events[0]?.hash]);
    expect(accepted.allowedActions).not.toContain('accept');
    expect(accepted.allowedActions).toContain('assign');
  });

  it('refuses to decline an accepted case and writes nothing', async () => {
    const desk = await ready();
    const [department] = (await desk.call('departments.list', {})).items;
    const { id } = await desk.call('cases.register', sampleComplaint);
    await desk.call('cases.act', { id, action: { type: 'accept', departmentId: department?.id ?? '' } });
    const refused = await desk.raw('cases.act', { id, action: { type: 'decline', reason: '不属于受理范围' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect((await desk.call('cases.get', { id })).events).toHaveLength(2);
  });

  it('declines with a reason', async () => {
    const desk = await ready();
    const { id } = await desk.call('cases.register', sampleComplaint);
    const declined = await desk.call('cases.act', { id, action: { type: 'decline', reason: '属于医疗纠纷，请通过调解委员会处理' } });
    expect(declined.status).toBe('declined');
  });
});
