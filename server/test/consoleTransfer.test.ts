import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { consoleAdmin, consolePerSuite } from './consoleHarness.ts';
import { dialects, noted, registeredData, rowCount, wireEvent } from './serverHarness.ts';

/**
 * A transfer made at the group console (转办): the server writes the case's `transferred`
 * event itself, moves the case, and both sites' desks read it at their next pull. A viewer, an
 * unknown or the same site, or a case no longer open is refused and writes nothing.
 */
for (const dialect of dialects) {
  describe(`the console's cases.transfer on ${dialect}`, () => {
    const suite = consolePerSuite(dialect);
    /** The group's administrator signed in: the group the first test set up, or set up now when it runs alone. */
    const groupAdmin = () => suite.server.signIn(consoleAdmin.username, consoleAdmin.password).catch(() => suite.server.setUp());

    it('moves a case from one site to another with its history, refusing what it must', async () => {
      const s = suite.server;
      const admin = await s.setUp();
      const first = (await s.call(admin, 'sites.add', { name: '一院' })).id;
      const second = (await s.call(admin, 'sites.add', { name: '二院' })).id;
      const a = await s.enrolDesk(admin, first);
      const b = await s.enrolDesk(admin, second);
      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registeredData);
      const note = wireEvent(caseId, [reg.hash], noted('一院备注'));
      const closedId = uuidv7();
      const closedReg = wireEvent(closedId, [], registeredData);
      const closed = wireEvent(closedId, [closedReg.hash], {
        type: 'resolvedOnSpot',
        payload: { resolution: '当场解决', satisfaction: 5 },
      });
      await a.client.push(a.identity, [reg, note, closedReg, closed]);
      await s.call(admin, 'accounts.create', {
        username: 'viewer1',
        displayName: '查阅员',
        role: 'group_viewer',
        password: 'Viewer-Pass-1',
      });
      const viewer = await s.signIn('viewer1', 'Viewer-Pass-1');

      expect(await s.call(admin, 'cases.transferSites', { caseId })).toEqual({
        here: { id: first, name: '一院' },
        others: [{ id: second, name: '二院' }],
      });
      const events = await rowCount(s.store, 'events');
      const asViewer = await s.raw('cases.transfer', { caseId, toSiteId: second, reason: '涉及二院' }, { token: viewer });
      expect(asViewer).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
      const unknown = await s.raw('cases.transfer', { caseId, toSiteId: 999, reason: '涉及二院' }, { token: admin, locale: 'zh-CN' });
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { toSiteId: '集团内没有此站点' } } });
      const same = await s.raw('cases.transfer', { caseId, toSiteId: first, reason: '涉及二院' }, { token: admin });
      expect(same.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { toSiteId: expect.any(String) } } });
      const noReason = await s.raw('cases.transfer', { caseId, toSiteId: second, reason: '' }, { token: admin });
      expect(noReason.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reason: expect.any(String) } } });
      const ofClosed = await s.raw('cases.transfer', { caseId: closedId, toSiteId: second, reason: '涉及二院' }, { token: admin });
      expect(ofClosed.body).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
      expect(await rowCount(s.store, 'events')).toBe(events);
      expect(await rowCount(s.store, 'transfers')).toBe(0);

      const done = await s.call(admin, 'cases.transfer', { caseId, toSiteId: second, reason: '涉及二院住院部' });
      expect(done).toMatchObject({ caseId, from: { id: first, name: '一院' }, to: { id: second, name: '二院' } });
      // The group's reports read it under the site that holds it now.
      const projected = await s.store.db.selectFrom('case_projection').select('site_id').where('case_id', '=', caseId).execute();
      expect(projected).toEqual([{ site_id: second }]);
      const atB = (await b.client.pull(b.identity, 0)).events;
      expect(atB.map((e) => e.type)).toEqual(['registered', 'noted', 'transferred']);
      const move = atB.at(-1);
      expect(move?.parents).toEqual([note.hash]);
      expect(JSON.parse(move?.payload ?? '{}')).toMatchObject({ from: { name: '一院' }, to: { name: '二院' }, reason: '涉及二院住院部' });
      const atA = (await a.client.pull(a.identity, 0)).events.filter((e) => e.caseId === caseId);
      expect(atA.map((e) => e.id)).toEqual([reg.id, note.id, move?.id]);
      // Now 二院 holds it, and the console may send it on (here: back) like any open case.
      const again = await s.raw('cases.transfer', { caseId, toSiteId: first, reason: '再转回' }, { token: admin });
      expect(again.body).toMatchObject({ ok: true });
      const audit = await s.call(admin, 'audit.list', {});
      expect(audit.items.filter((i) => i.action === 'cases.transfer')).toHaveLength(2);
    });

    it('counts a transferred case once in the group: intake where it was registered, open work where it is held', async () => {
      const s = suite.server;
      const admin = await groupAdmin();
      const from = (await s.call(admin, 'sites.add', { name: '三院' })).id;
      const to = (await s.call(admin, 'sites.add', { name: '四院' })).id;
      const { client, identity } = await s.enrolDesk(admin, from);
      const dashboard = (siteId?: number) => s.call(admin, 'reports.dashboard', { span: 'month', ...(siteId ? { siteId } : {}) });
      const groupBefore = (await dashboard()).figures.counts.registered;
      const caseId = uuidv7();
      const receivedAt = new Date(s.clock.ms - 3_600_000).toISOString();
      const dueInDays = (days: number) => new Date(s.clock.ms + days * 86_400_000).toISOString();
      const deadlines = { acknowledge: dueInDays(1), feedback: dueInDays(7), resolve: dueInDays(30) };
      await client.push(identity, [
        wireEvent(caseId, [], { type: 'registered', payload: { ...registeredData.payload, receivedAt, deadlines } } as CaseEventData),
      ]);
      await s.call(admin, 'cases.transfer', { caseId, toSiteId: to, reason: '事发四院' });
      const projected = await s.store.db.selectFrom('case_projection').select(['site_id', 'registered_site_id']).execute();
      expect(projected.filter((r) => r.site_id === to)).toEqual([{ site_id: to, registered_site_id: from }]);

      const group = await dashboard();
      expect(group.figures.counts.registered).toBe(groupBefore + 1);
      const row = (d: typeof group, site: number) => d.bySite.find((r) => r.key === String(site))?.figures.counts.registered;
      expect([row(group, from), row(group, to)]).toEqual([1, 0]);
      const atFrom = await dashboard(from);
      const atTo = await dashboard(to);
      expect(atFrom.figures.counts.registered).toBe(1);
      expect(atTo.figures.counts.registered).toBe(0);
      expect([atFrom.workload, atTo.workload]).toEqual([
        [{ siteId: from, name: '三院', open: 0, overdue: 0 }],
        [{ siteId: to, name: '四院', open: 1, overdue: 0 }],
      ]);
      // The cases behind each site's figure: its intake at 三院, its open work at 四院, once each.
      const cases = async (figure: 'registered' | 'open', siteId: number) =>
        (await s.call(admin, 'reports.cases', { ...group.range, figure, siteId })).items.map((c) => c.id);
      expect(await cases('registered', from)).toEqual([caseId]);
      expect(await cases('registered', to)).toEqual([]);
      expect(await cases('open', to)).toEqual([caseId]);
      expect(await cases('open', from)).toEqual([]);
      const groupRegistered = await s.call(admin, 'reports.cases', { ...group.range, figure: 'registered', limit: 200 });
      expect(groupRegistered.items.filter((c) => c.id === caseId)).toHaveLength(1);
    });

    it('flags in a case’s history the act made at once on another desk that became impossible, as the desks fold it', async () => {
      const s = suite.server;
      const admin = await groupAdmin();
      const siteId = (await s.call(admin, 'sites.add', { name: '五院' })).id;
      const { client, identity } = await s.enrolDesk(admin, siteId);
      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registeredData);
      // Two desks close the case on the spot, neither having seen the other's act.
      const closing = (device: string, resolution: string) =>
        wireEvent(caseId, [reg.hash], { type: 'resolvedOnSpot', payload: { resolution, satisfaction: 5 } }, device);
      const first = closing('desk-1', '当场退费');
      const second = closing('desk-2', '当场致歉');
      const note = wireEvent(caseId, [reg.hash], noted('同时记下的备注'), 'desk-2');
      await client.push(identity, [reg, first, second, note]);
      const detail = await s.call(admin, 'cases.get', { id: caseId });
      const flags = Object.fromEntries(detail.events.map((e) => [e.id, e.conflict]));
      // The later of the two acts is set aside; a fact made at the same time never conflicts.
      expect(flags).toEqual({ [reg.id]: false, [first.id]: false, [second.id]: true, [note.id]: false });
      expect(detail.line.status).toBe('closed');
    });
  });
}
