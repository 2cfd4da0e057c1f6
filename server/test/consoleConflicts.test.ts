import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CaseEventData } from '../../domain/cases/events.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { consolePerSuite } from './consoleHarness.ts';
import { dialects, noted, registeredData, wireEvent } from './serverHarness.ts';

/**
 * The group's list of cases in conflict (冲突待裁定): a case where two desks acted at once and
 * the later act became impossible is counted under the site that holds it and listed with its
 * complainant masked, as the desks' supervisors' inboxes list it; a fact made at the same time,
 * or a case acted on in turn, is not. A group viewer may not read it.
 */
const registered = (name: string, phone: string): CaseEventData => {
  if (registeredData.type !== 'registered') throw new Error('the fixture registers');
  return { type: 'registered', payload: { ...registeredData.payload, subject: `${name}的投诉`, complainant: { name, phone } } };
};
const closing = (resolution: string): CaseEventData => ({ type: 'resolvedOnSpot', payload: { resolution, satisfaction: 5 } });

for (const dialect of dialects) {
  describe(`the console's cases in conflict on ${dialect}`, () => {
    const suite = consolePerSuite(dialect);

    it('counts per site and lists, masked, the cases whose concurrent acts conflicted', async () => {
      const s = suite.server;
      const admin = await s.setUp();
      const first = (await s.call(admin, 'sites.add', { name: '一院' })).id;
      const second = (await s.call(admin, 'sites.add', { name: '二院' })).id;
      const enrol = async (siteId: number) => {
        const { client, identity } = await s.enrolDesk(admin, siteId);
        return (events: WireEvent[]) => client.push(identity, events);
      };
      const [deskA1, deskA2, deskB] = [await enrol(first), await enrol(first), await enrol(second)];

      // 一院: two desks close one case on the spot at once, the second's act set aside.
      const clash = uuidv7();
      const clashReg = wireEvent(clash, [], registered('张三', '13812345678'), 'a1');
      await deskA1([clashReg, wireEvent(clash, [clashReg.hash], closing('当场退费'), 'a1')]);
      await deskA2([wireEvent(clash, [clashReg.hash], closing('当场致歉'), 'a2')]);
      // 一院: a note made at once with a close is a fact, and a close after a note is in turn: no conflict.
      const calm = uuidv7();
      const calmReg = wireEvent(calm, [], registered('李四', '13900001111'), 'a1');
      const calmClose = wireEvent(calm, [calmReg.hash], closing('当场解释'), 'a1');
      await deskA1([calmReg, calmClose]);
      await deskA2([wireEvent(calm, [calmReg.hash], noted('同时记下的备注'), 'a2')]);
      // 二院: one desk whose two devices acted at once.
      const other = uuidv7();
      const otherReg = wireEvent(other, [], registered('王五', '13700002222'), 'b1');
      await deskB([
        otherReg,
        wireEvent(other, [otherReg.hash], closing('当场退费'), 'b1'),
        wireEvent(other, [otherReg.hash], closing('当场致歉'), 'b2'),
      ]);

      const all = await s.call(admin, 'cases.conflicts', {});
      expect(all.sites).toEqual([
        { siteId: first, name: '一院', cases: 1 },
        { siteId: second, name: '二院', cases: 1 },
      ]);
      expect(all.items.map((c) => c.id).sort()).toEqual([clash, other].sort());
      const line = all.items.find((c) => c.id === clash);
      // Masked as every console list: neither the whole name nor the whole phone number.
      expect(line).toMatchObject({ siteName: '一院', status: 'closed', complainant: { masked: true, hidden: false } });
      expect(line?.complainant.name).not.toBe('张三');
      expect(JSON.stringify(line)).not.toContain('13812345678');

      const ofSecond = await s.call(admin, 'cases.conflicts', { siteId: second });
      expect(ofSecond.items.map((c) => c.id)).toEqual([other]);
      expect(ofSecond.sites).toEqual(all.sites);
      // The case opens with the act in conflict marked, as its list promised.
      const detail = await s.call(admin, 'cases.get', { id: clash });
      expect(detail.events.filter((e) => e.conflict)).toHaveLength(1);

      await s.call(admin, 'accounts.create', {
        username: 'viewer2',
        displayName: '查阅员',
        role: 'group_viewer',
        password: 'Viewer-Pass-2',
      });
      const viewer = await s.signIn('viewer2', 'Viewer-Pass-2');
      const refused = await s.raw('cases.conflicts', {}, { token: viewer });
      expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    });
  });
}
