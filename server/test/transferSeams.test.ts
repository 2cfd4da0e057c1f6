import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { consolePerSuite } from './consoleHarness.ts';
import { dialects, noted, registeredData, wireEvent } from './serverHarness.ts';

/**
 * Where transfers between sites meet the group's reports and search: a transferred case's row
 * follows it to the receiving site (whoever transfers it, whichever site's desk writes to it
 * after), the group counts it once (its intake where it was registered), the console's case view shows the transfer, and a group
 * viewer is refused the case with an audit row.
 */
for (const dialect of dialects) {
  describe(`a transferred case in the group's reports on ${dialect}`, () => {
    const suite = consolePerSuite(dialect);

    it('is counted once, its intake where it was registered, and its history shows the transfer', async () => {
      const s = suite.server;
      const admin = await s.setUp();
      const first = (await s.call(admin, 'sites.add', { name: '一院' })).id;
      const second = (await s.call(admin, 'sites.add', { name: '二院' })).id;
      const a = await s.enrolDesk(admin, first);
      const b = await s.enrolDesk(admin, second);
      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registeredData);
      await a.client.push(a.identity, [reg]);
      const range = { from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
      const lines = async () => (await s.call(admin, 'reports.cases', { ...range, figure: 'registered' })).items;
      expect((await lines()).map((l) => [l.id, l.siteId])).toEqual([[caseId, first]]);

      await s.call(admin, 'cases.transfer', { caseId, toSiteId: second, reason: '涉及二院住院部' });
      expect((await lines()).map((l) => [l.id, l.siteId, l.siteName, l.status])).toEqual([[caseId, second, '二院', 'registered']]);
      const found = await s.call(admin, 'cases.search', { q: 'A2611-0001' });
      expect(found.items.map((l) => l.siteName)).toEqual(['二院']);

      // The receiving desk writes to it; a desk of the sending site adds what it recorded before it knew.
      const moved = (await b.client.pull(b.identity, 0)).events;
      const transferEvent = moved.at(-1);
      expect(transferEvent?.type).toBe('transferred');
      await b.client.push(b.identity, [wireEvent(caseId, [transferEvent?.hash ?? ''], noted('二院已接收'))]);
      await a.client.push(a.identity, [wireEvent(caseId, [reg.hash], noted('一院补充'))]);
      expect((await lines()).map((l) => [l.id, l.siteId])).toEqual([[caseId, second]]);

      // Once in the group, as the desks count it: its intake at the sending site where it was
      // registered, none at the receiving site, which holds it (and counts its handling).
      const compare = await s.call(admin, 'reports.compare', range);
      const bySite = new Map(compare.rows.map((row) => [row.siteId, row.registered]));
      expect(bySite.get(first)).toBe(1);
      expect(bySite.get(second) ?? 0).toBe(0);
      expect([...bySite.values()].reduce((sum, n) => sum + n, 0)).toBe(1);

      // The console's case view shows the transfer in its history.
      const detail = await s.call(admin, 'cases.get', { id: caseId });
      expect(detail.line.siteName).toBe('二院');
      const transferred = detail.events.find((e) => e.type === 'transferred');
      // Named by the group account that made it, not by its id.
      expect(transferred?.actorName).toBeTruthy();
      expect(transferred?.actorName).not.toBe(transferred?.actorId);

      // A viewer reads reports, never a case: refused, and the refusal is written down.
      await s.call(admin, 'accounts.create', {
        username: 'viewer1',
        displayName: '查阅员',
        role: 'group_viewer',
        password: 'Viewer-Pass-1',
      });
      const viewer = await s.signIn('viewer1', 'Viewer-Pass-1');
      const refused = await s.raw('cases.get', { id: caseId }, { token: viewer });
      expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
      const transferRefused = await s.raw('cases.transfer', { caseId, toSiteId: first, reason: '再转' }, { token: viewer });
      expect(transferRefused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
      const audit = await s.call(admin, 'audit.list', { action: 'access.denied' });
      const denied = audit.items.map((i) => ({ target: i.target, method: (i.after as { method: string }).method }));
      expect(denied).toContainEqual({ target: caseId, method: 'cases.get' });
      expect(denied.map((d) => d.method)).toContain('cases.transfer');
    });
  });
}
