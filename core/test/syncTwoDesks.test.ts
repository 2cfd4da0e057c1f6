import { beforeAll, describe, expect, it } from 'vitest';
import { revoke } from '../../server/admin.ts';
import type { TestServer } from '../../server/test/serverHarness.ts';
import { type SyncDesk, twoDesksOfOneSite } from './syncDesk.ts';

const site = twoDesksOfOneSite();
let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
beforeAll(() => {
  ({ server, a, b } = site);
  expect(site.prefixes).toEqual(['A', 'B']);
});

const roundTrip = async () => {
  await a.syncNow();
  await b.syncNow();
  await a.syncNow();
};

/** What must be the same on every desk: the projection and the log, not who is named how. */
async function seenBy(desk: SyncDesk, id: string) {
  const c = await desk.by('admin', 'cases.get', { id });
  return {
    number: c.number,
    status: c.status,
    departmentId: c.departmentId,
    handlerId: c.handlerId,
    events: c.events.map((e) => ({ id: e.id, hash: e.hash, conflict: e.conflict })).sort((x, y) => x.hash.localeCompare(y.hash)),
  };
}

describe('two desks of one site', () => {
  it('see a case registered on the other, act on it and see each other’s acts', async () => {
    const registered = await a.register('rec', { subject: '门诊收费窗口多收费用' });
    expect(registered.number.startsWith('A')).toBe(true);
    expect(await a.syncNow()).toMatchObject({ pushed: 1 });
    expect(await b.syncNow()).toMatchObject({ pulled: 1 });
    const onB = await b.by('admin', 'cases.get', { id: registered.id });
    expect(onB).toMatchObject({ number: registered.number, subject: '门诊收费窗口多收费用', status: 'registered' });
    // Found by the search on the desk that did not register it.
    const found = await b.by('admin', 'cases.list', { q: '收费' });
    expect(found.items.map((c) => c.id)).toContain(registered.id);

    // B's 门诊部 was merged into A's (the site's) when B took the site's records: one department, A's id.
    expect((await b.by('admin', 'departments.list', {})).items.filter((d) => d.name === b.outpatient.name)).toHaveLength(1);
    await b.act('admin', registered.id, { type: 'accept', departmentId: a.outpatient.id, handlerId: b.ids.han });
    expect(await b.syncNow()).toMatchObject({ pushed: 1, pulled: 0 });
    expect(await a.syncNow()).toMatchObject({ pushed: 0, pulled: 1 });
    // B's handler 赵医生 has a name A's 赵医生 holds too (another password): not sent until settled, so A stands them in.
    const onA = await seenBy(a, registered.id);
    expect(onA).toMatchObject({ status: 'accepted', departmentId: a.outpatient.id, handlerId: b.ids.han });
    expect(onA).toEqual(await seenBy(b, registered.id));
    expect(await a.by('admin', 'cases.verifyChain', { id: registered.id })).toMatchObject({ firstBroken: null });
    expect(await b.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
  });

  it('fold acts made on both desks offline into one state, keeping an impossible one as a conflict', async () => {
    const { id } = await a.register('rec');
    await a.act('admin', id, { type: 'accept', departmentId: a.outpatient.id });
    await roundTrip();
    // Offline: each desk notes and each closes differently; one decline survives, the other is set aside.
    await a.act('admin', id, { type: 'note', text: '甲台备注' });
    await b.act('admin', id, { type: 'note', text: '乙台备注' });
    await roundTrip();
    await b.syncNow();
    const onA = await seenBy(a, id);
    expect(onA).toEqual(await seenBy(b, id));
    expect(onA.events).toHaveLength(4);
    const texts = (await a.by('admin', 'cases.get', { id })).events.flatMap((e) => (e.type === 'noted' ? [e.payload.text] : []));
    expect(texts.sort()).toEqual(['乙台备注', '甲台备注']);
    // The next act on A names both heads and joins the branches.
    await a.act('admin', id, { type: 'note', text: '合并后' });
    await roundTrip();
    await b.syncNow();
    expect(await seenBy(b, id)).toEqual(await seenBy(a, id));
    expect(await a.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });

    // Offline, A declines a new case while B accepts it: the later act is kept and set aside, on both desks.
    const second = await a.register('rec');
    await roundTrip();
    await a.act('admin', second.id, { type: 'decline', reason: '不属于受理范围' });
    await b.act('admin', second.id, { type: 'accept', departmentId: a.outpatient.id });
    await roundTrip();
    await b.syncNow();
    const folded = await seenBy(a, second.id);
    expect(folded).toEqual(await seenBy(b, second.id));
    expect(folded.events.filter((e) => e.conflict)).toHaveLength(1);
    expect(['declined', 'accepted']).toContain(folded.status);
    // Listed for the supervisors to settle, on both desks.
    expect((await a.by('sup', 'cases.inbox', {})).conflicts.map((c) => c.id)).toContain(second.id);
    expect((await b.by('sup', 'cases.inbox', {})).conflicts.map((c) => c.id)).toContain(second.id);
  });

  it('a number handed out on one desk is never handed out on another', async () => {
    const numbers = new Set<string>();
    for (let i = 0; i < 3; i++) {
      numbers.add((await a.register('rec')).number);
      numbers.add((await b.register('rec')).number);
    }
    await roundTrip();
    await b.syncNow();
    expect(numbers.size).toBe(6);
    const listed = await a.by('admin', 'cases.list', { limit: 100 });
    const onB = await b.by('admin', 'cases.list', { limit: 100 });
    expect(listed.items.map((c) => c.number).sort()).toEqual(onB.items.map((c) => c.number).sort());
  });

  it('refuses an event altered on the way, naming its case in the audit, and takes the rest', async () => {
    const { id } = await a.register('rec');
    await a.act('admin', id, { type: 'note', text: '原文' });
    await a.syncNow();
    // The server's copy of the note altered, as by someone with access to its database.
    const rows = await server.store.db.selectFrom('events').select(['site_id', 'seq', 'body']).where('case_id', '=', id).execute();
    const note = rows.find((r) => r.body.includes('原文'));
    if (!note) throw new Error('the note reached the server');
    await server.store.db
      .updateTable('events')
      .set({ body: note.body.replace('原文', '改文') })
      .where('site_id', '=', note.site_id)
      .where('seq', '=', note.seq)
      .execute();
    expect(await b.syncNow()).toMatchObject({ pulled: 1 });
    expect((await b.by('admin', 'cases.get', { id })).events.map((e) => e.type)).toEqual(['registered']);
    const refused = await b.by('admin', 'audit.list', { action: 'sync.refused' });
    expect(refused.items[0]).toMatchObject({ action: 'sync.refused', target: id, detail: { fault: 'hash' } });
    expect(await b.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
  });

  it('a revoked desk is told so, keeps working, and its status says what to do', async () => {
    const deskId = (await server.store.db.selectFrom('desks').select('id').where('prefix', '=', 'B').executeTakeFirstOrThrow()).id;
    await revoke(server.store.db, deskId, new Date());
    const refused = await b.rawBy('admin', 'sync.now', {}, 'en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toContain('revoked');
    expect(await b.status()).toMatchObject({ state: 'error', lastError: { problem: 'revoked' } });
    await b.register('rec');
    expect((await b.status()).waiting.events).toBe(1);
  });
});
