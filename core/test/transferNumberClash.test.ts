import { beforeAll, describe, expect, it } from 'vitest';
import { type SyncDesk, twoSitesOfAGroup } from './syncDesk.ts';

/**
 * Each site numbers its own cases, so a case transferred from another site may carry a number
 * the receiving desk has given already: it arrives with a mark beside its number, and the
 * receiving site acts on it like any case (the act keeps the number and its mark).
 */
const group = twoSitesOfAGroup();
let a: SyncDesk;
let b: SyncDesk;
beforeAll(() => {
  ({ a, b } = group);
});

describe('a transferred case whose number the receiving site already gave', () => {
  it('is accepted and handled at the receiving site, its number kept with its mark', async () => {
    const atA = await a.register('rec', { subject: '二院停车场收费争议' });
    const atB = await b.register('rec', { subject: '二院门诊排队过久' });
    expect(atB.number).toBe(atA.number);
    await a.syncNow();
    await b.syncNow();
    await a.act('sup', atA.id, { type: 'transfer', toSiteId: group.siteIds.second, reason: '事发二院停车场' });
    await a.syncNow();
    await b.syncNow();
    const arrived = await b.by('admin', 'cases.get', { id: atA.id });
    expect(arrived.number).toMatch(new RegExp(`^${atA.number}~`));
    const accepted = await b.act('sup', atA.id, { type: 'accept', departmentId: b.outpatient.id });
    expect(accepted).toMatchObject({ status: 'accepted', number: arrived.number });
    expect((await b.by('admin', 'cases.get', { id: atB.id })).number).toBe(atB.number);
  });
});
