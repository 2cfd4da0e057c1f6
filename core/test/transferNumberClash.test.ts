import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

/**
 * Desk prefixes are the group's, so a case transferred to another site keeps its number there.
 * Numbers a desk gave before it joined a site carry no prefix, and two sites' desks may have
 * given one: a case arriving with a number the receiving desk has given already shows a mark
 * beside it, and the receiving site acts on it like any case (the act keeps the number and its mark).
 */
let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
const siteIds = { first: '', second: '' };
const numbers: Record<string, { id: string; number: string }> = {};

beforeAll(async () => {
  server = await startTestServer();
  siteIds.first = String((await server.site('一院')).id);
  siteIds.second = String((await server.site('二院')).id);
  a = await openSyncDesk();
  b = await openSyncDesk();
  // Each desk numbers a case on its own, before either joined a site.
  numbers.beforeA = await a.register('rec', { subject: '二院停车场收费争议' });
  numbers.beforeB = await b.register('rec', { subject: '二院门诊排队过久' });
  await a.join(server.url, await server.code('一院'));
  await b.join(server.url, await server.code('二院'));
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
}, 60_000);

describe('a transferred case and the numbers of the receiving site', () => {
  it('keeps its number where the sites joined with their own prefixes', async () => {
    const atA = await a.register('rec', { subject: '一院挂号排队' });
    const atB = await b.register('rec', { subject: '二院挂号排队' });
    expect(atA.number).not.toBe(atB.number);
    await a.syncNow();
    await a.act('sup', atA.id, { type: 'transfer', toSiteId: siteIds.second, reason: '事发二院' });
    await a.syncNow();
    await b.syncNow();
    expect((await b.by('admin', 'cases.get', { id: atA.id })).number).toBe(atA.number);
  });

  it('arrives with its mark when the receiving desk gave its number before it joined, and is handled there', async () => {
    const { beforeA, beforeB } = numbers as { beforeA: { id: string; number: string }; beforeB: { id: string; number: string } };
    expect(beforeB.number).toBe(beforeA.number);
    await a.syncNow();
    await a.act('sup', beforeA.id, { type: 'transfer', toSiteId: siteIds.second, reason: '事发二院停车场' });
    await a.syncNow();
    await b.syncNow();
    const arrived = await b.by('admin', 'cases.get', { id: beforeA.id });
    expect(arrived.number).toMatch(new RegExp(`^${beforeA.number}~`));
    const accepted = await b.act('sup', beforeA.id, { type: 'accept', departmentId: b.outpatient.id });
    expect(accepted).toMatchObject({ status: 'accepted', number: arrived.number });
    expect((await b.by('admin', 'cases.get', { id: beforeB.id })).number).toBe(beforeB.number);
  });
});
