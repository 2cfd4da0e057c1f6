import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncDesk } from './syncDesk.ts';
import { twoSitesOfAGroup } from './syncDesk.ts';

/**
 * A case linked to others, or the survivor of a merged duplicate, keeps those events when it is
 * transferred to another site (转办). The receiving desk holds the transferred case but not the
 * sender's other cases: it names them as words (the site that recorded the link and the number),
 * not as links to a page it cannot open; a case it holds too (transferred here as well) stays a link.
 */
const group = twoSitesOfAGroup();
let a: SyncDesk;
let b: SyncDesk;
let second: string;
beforeAll(() => {
  ({ a, b } = group);
  second = group.siteIds.second;
});

describe('the cases a transferred case names, on the receiving desk', () => {
  it('names the sender’s cases by site and number, keeps a link to one it holds, and leaves the sender’s view as it was', async () => {
    const moving = await a.register('rec', { subject: '二院住院部陪护收费' });
    const stays = await a.register('rec', { subject: '一院陪护收费公示' });
    const alsoMoves = await a.register('rec', { subject: '二院陪护人员管理' });
    const duplicate = await a.register('rec', { subject: '二院住院部陪护收费（重复来电）' });
    await a.act('sup', moving.id, { type: 'link', number: stays.number });
    await a.act('sup', moving.id, { type: 'link', number: alsoMoves.number });
    await a.act('sup', duplicate.id, { type: 'merge', intoNumber: moving.number, reason: '同一投诉人重复来电' });
    await a.syncNow();
    await b.syncNow();
    await a.act('sup', alsoMoves.id, { type: 'transfer', toSiteId: second, reason: '涉及二院' });
    await a.act('sup', moving.id, { type: 'transfer', toSiteId: second, reason: '涉及二院住院部' });
    await a.syncNow();
    await b.syncNow();

    const onB = await b.by('admin', 'cases.get', { id: moving.id });
    expect(onB.events.map((e) => e.type)).toEqual(['registered', 'linked', 'linked', 'duplicateMerged', 'transferred']);
    expect(onB.casesElsewhere).toEqual([
      { id: stays.id, number: stays.number, relation: 'linked', site: { id: group.siteIds.first, name: '一院' } },
      { id: duplicate.id, number: duplicate.number, relation: 'duplicate', site: { id: group.siteIds.first, name: '一院' } },
    ]);
    // The one transferred here as well is held: still a related case to open.
    expect(onB.linkedCases.map((c) => c.number)).toEqual([alsoMoves.number]);

    // A case B links it to after it arrived is B's own: a link, not words.
    const local = await b.register('rec', { subject: '二院陪护收费再次投诉' });
    await b.act('admin', moving.id, { type: 'accept', departmentId: b.nursing.id });
    await b.act('admin', moving.id, { type: 'link', number: local.number });
    const linkedOnB = await b.by('admin', 'cases.get', { id: moving.id });
    expect(linkedOnB.casesElsewhere.map((c) => c.number)).toEqual([stays.number, duplicate.number]);
    expect(linkedOnB.linkedCases.map((c) => c.number).sort()).toEqual([alsoMoves.number, local.number].sort());

    // The sending desk holds every case it named (the merged duplicate is a related case too): all links, nothing elsewhere.
    const onA = await a.by('admin', 'cases.get', { id: moving.id });
    expect(onA.casesElsewhere).toEqual([]);
    expect(onA.linkedCases.map((c) => c.number).sort()).toEqual([stays.number, alsoMoves.number, duplicate.number].sort());
  });
});
