import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/serverHarness.ts';
import { type SyncDesk, twoSitesOfAGroup } from './syncDesk.ts';

const group = twoSitesOfAGroup();
let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
let second: string;
beforeAll(() => {
  ({ server, a, b } = group);
  second = group.siteIds.second;
});

/** How many events a desk holds of a case: a refused transfer adds none. */
const eventCount = async (desk: SyncDesk, id: string) => (await desk.by('admin', 'cases.get', { id })).events.length;

describe('a case transferred to another site of the group (转办)', () => {
  it('offers the other sites of the group to a supervisor, once the desk has synced', async () => {
    await a.syncNow();
    await b.syncNow();
    expect(await a.by('sup', 'sync.sites', {})).toEqual({
      here: { id: group.siteIds.first, name: '一院' },
      others: [{ id: second, name: '二院' }],
    });
    const refused = await a.rawBy('rec', 'sync.sites', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a transfer to an unknown site, to its own site, by a receptionist, or of a closed case, writing nothing', async () => {
    const { id } = await a.register('rec', { subject: '停车场收费标准不清' });
    const before = await eventCount(a, id);
    const unknown = await a.rawBy('sup', 'cases.act', { id, action: { type: 'transfer', toSiteId: '999', reason: '属二院管辖' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'action.toSiteId': expect.any(String) } } });
    const own = await a.rawBy(
      'sup',
      'cases.act',
      { id, action: { type: 'transfer', toSiteId: group.siteIds.first, reason: '属本院' } },
      'en',
    );
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'action.toSiteId': expect.stringMatching(/own site/) } },
    });
    const byReceptionist = await a.rawBy('rec', 'cases.act', { id, action: { type: 'transfer', toSiteId: second, reason: '属二院管辖' } });
    expect(byReceptionist).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const noReason = await a.rawBy('sup', 'cases.act', { id, action: { type: 'transfer', toSiteId: second, reason: ' ' } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'action.reason': expect.any(String) } } });
    await a.act('admin', id, { type: 'resolveOnSpot', resolution: '当场解释收费标准', satisfaction: 5 });
    const closed = await a.rawBy('sup', 'cases.act', { id, action: { type: 'transfer', toSiteId: second, reason: '属二院管辖' } });
    expect(closed).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await eventCount(a, id)).toBe(before + 1);
  });

  it('moves the case with its whole history: read-only where it was, on the board of the site that handles it', async () => {
    const registered = await a.register('rec', { subject: '二院住院部护士态度差' });
    await a.act('admin', registered.id, { type: 'accept', departmentId: a.outpatient.id });
    await a.act('han', registered.id, { type: 'note', text: '经核实应由二院处理' });
    // Made before the server hears of it: it waits in the outbox like any other event.
    const moved = await a.act('sup', registered.id, { type: 'transfer', toSiteId: second, reason: '涉及二院住院部' });
    expect(moved).toMatchObject({
      status: 'transferred_out',
      allowedActions: [],
      transfer: { to: { name: '二院' }, reason: '涉及二院住院部' },
    });
    expect((await a.status()).pending).toBeGreaterThan(0);
    const refused = await a.rawBy('admin', 'cases.act', { id: registered.id, action: { type: 'note', text: '再补充' } }, 'en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_transition', message: expect.stringMatching(/二院/) } });
    const board = await a.by('admin', 'cases.board', {});
    expect(board.columns.flatMap((c) => c.cards.map((card) => card.id))).not.toContain(registered.id);
    const listed = await a.by('admin', 'cases.list', { status: 'transferred_out' });
    expect(listed.items.map((c) => c.id)).toContain(registered.id);

    await a.syncNow();
    await b.syncNow();
    const onB = await b.by('admin', 'cases.get', { id: registered.id });
    const onA = await a.by('admin', 'cases.get', { id: registered.id });
    expect(onB).toMatchObject({
      number: registered.number,
      status: 'registered',
      departmentId: null,
      transfer: { from: { name: '一院' }, to: { name: '二院' }, reason: '涉及二院住院部' },
    });
    expect(onB.events.map((e) => e.hash)).toEqual(onA.events.map((e) => e.hash));
    expect(onB.events.map((e) => e.type)).toEqual(['registered', 'accepted', 'noted', 'transferred']);
    // The people of 一院 who wrote its history are named on 二院's desk as on their own, not by the end of their ids.
    expect(onB.events.map((e) => e.actorName)).toEqual(onA.events.map((e) => e.actorName));
    expect(onB.events.map((e) => e.actorName).filter((name) => name.startsWith('#'))).toEqual([]);
    expect(onB.allowedActions).toContain('accept');
    expect(await b.by('admin', 'cases.verifyChain', { id: registered.id })).toMatchObject({ firstBroken: null });
    const bBoard = await b.by('admin', 'cases.board', {});
    const card = bBoard.columns.flatMap((c) => c.cards).find((c) => c.id === registered.id);
    expect(card).toMatchObject({ status: 'registered', transfer: { from: { name: '一院' } } });

    // The receiving site handles it; the sending site keeps the history as it was, read-only.
    await b.act('admin', registered.id, { type: 'accept', departmentId: b.nursing.id });
    await b.syncNow();
    await a.syncNow();
    expect(await b.by('admin', 'cases.get', { id: registered.id })).toMatchObject({ status: 'accepted', departmentId: b.nursing.id });
    expect(await a.by('admin', 'cases.get', { id: registered.id })).toMatchObject({ status: 'transferred_out' });
    expect(await eventCount(a, registered.id)).toBe(4);
    expect(server.log.some((line) => line.includes(`case ${registered.id} moved`))).toBe(true);
  });

  it('counts once in the group: intake where it was registered, handling where it is held', async () => {
    const range = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
    const atA = (await a.by('admin', 'reports.summary', range)).figures.counts;
    const atB = (await b.by('admin', 'reports.summary', range)).figures.counts;
    // 一院 registered both cases of this file and resolved one on the spot; the one it accepted and
    // then transferred is 二院's to count as accepted, not 一院's too.
    expect(atA).toMatchObject({ registered: 2, accepted: 1, closed: 1 });
    expect(atB).toMatchObject({ registered: 0, accepted: 1 });
  });
});
