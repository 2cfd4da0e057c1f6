import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createEvidenceClient } from '../../core/sync/evidenceClient.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import type { PulledEvent } from '../../domain/sync/protocol.ts';
import { dialects, noted, refusalOf, registeredData, rowCount, serverPerSuite, wireEvent } from './serverHarness.ts';

/**
 * A case transferred between two sites of a group (转办): the server moves it in the push that
 * brings the transfer, the receiving site's desks pull its whole history in an order they can
 * verify, its evidence goes with it, and the sending site keeps what it had. A refused transfer
 * writes nothing.
 */
const transferred = (from: { id: number; name: string }, to: { id: number; name: string }, reason = '涉及二院住院部'): CaseEventData => ({
  type: 'transferred',
  payload: { from: { id: String(from.id), name: from.name }, to: { id: String(to.id), name: to.name }, reason },
});

type Desk = Awaited<ReturnType<ReturnType<typeof serverPerSuite>['desk']>>;
const pullAll = async (desk: Desk) => (await desk.client.pull(desk.identity, 0)).events;
const idsOfCase = (events: PulledEvent[], caseId: string) => events.filter((e) => e.caseId === caseId).map((e) => e.id);

/** Every event after the events it names: what a desk checks as it stores a pulled page. */
function inCausalOrder(events: PulledEvent[]): boolean {
  const seen = new Set<string>();
  for (const e of events) {
    if (e.parents.some((p) => !seen.has(p))) return false;
    seen.add(e.hash);
  }
  return true;
}

for (const dialect of dialects) {
  describe(`transfers between sites on ${dialect}`, () => {
    const server = serverPerSuite(dialect, []);

    it('moves a case with its history and evidence; late acts of the sender follow it; the sender keeps its history', async () => {
      const first = await server.site('一院');
      const second = await server.site('二院');
      const a = await server.desk('一院');
      const a2 = await server.desk('一院');
      const b = await server.desk('二院');
      const files = createEvidenceClient({ serverUrl: server.url, timeoutMs: 10_000, now: () => new Date() });
      const bytes = randomBytes(5_000);
      const sha = createHash('sha256').update(bytes).digest('hex');

      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registeredData);
      const photo = wireEvent(caseId, [reg.hash], {
        type: 'attachmentsAdded',
        payload: { attachments: [{ sha256: sha, name: '现场照片.jpg', mime: 'image/jpeg', size: bytes.length }] },
      });
      await a.client.push(a.identity, [reg, photo]);
      expect(await files.put(a.identity, sha, caseId, bytes)).toEqual({ stored: true });
      await a2.client.pull(a2.identity, 0);
      // Desk a2 notes on the case without having seen the transfer a is about to make.
      const late = wireEvent(caseId, [photo.hash], noted('甲2台离线备注'), 'a2');
      const move = wireEvent(caseId, [photo.hash], transferred(first, second));
      expect(idsOfCase(await pullAll(b), caseId)).toEqual([]);
      expect(await files.get(b.identity, sha)).toBeNull();

      await a.client.push(a.identity, [move]);
      const atB = await pullAll(b);
      expect(idsOfCase(atB, caseId)).toEqual([reg.id, photo.id, move.id]);
      expect(inCausalOrder(atB.filter((e) => e.caseId === caseId))).toBe(true);
      expect(atB.map((e) => e.serverSeq)).toEqual([...atB.map((e) => e.serverSeq)].sort((x, y) => x - y));
      expect(await files.get(b.identity, sha)).toEqual(bytes);
      const [row] = await server.store.db.selectFrom('cases').select('site_id').where('id', '=', caseId).execute();
      expect(row?.site_id).toBe(second.id);
      const projected = await server.store.db.selectFrom('case_projection').select('site_id').where('case_id', '=', caseId).execute();
      expect(projected).toEqual([{ site_id: second.id }]);
      expect(await server.store.db.selectFrom('transfers').selectAll().where('case_id', '=', caseId).execute()).toEqual([
        expect.objectContaining({ from_site: first.id, to_site: second.id, reason: '涉及二院住院部', event_id: move.id }),
      ]);

      // What the sending site recorded before it knew still arrives, and reaches the receiving site.
      expect(await a2.client.push(a2.identity, [late])).toMatchObject({ accepted: 1 });
      const cursor = atB.at(-1)?.serverSeq ?? 0;
      expect(idsOfCase((await b.client.pull(b.identity, cursor)).events, caseId)).toEqual([late.id]);

      // The receiving site handles it; the sending site keeps its own history and sees no more.
      const accepted = wireEvent(
        caseId,
        [move.hash, late.hash],
        { type: 'accepted', payload: { departmentId: 'ward', coDepartmentIds: [] } },
        'b',
      );
      expect(await b.client.push(b.identity, [accepted])).toMatchObject({ accepted: 1 });
      expect(idsOfCase(await pullAll(a), caseId)).toEqual([reg.id, photo.id, move.id, late.id]);
      expect(idsOfCase(await pullAll(b), caseId)).toEqual([reg.id, photo.id, move.id, late.id, accepted.id]);
      // A site the case never was at cannot write to it.
      await server.site('三院');
      const c = await server.desk('三院');
      const stranger = wireEvent(caseId, [accepted.hash], noted('三院备注'));
      expect(await refusalOf(c.client.push(c.identity, [stranger]))).toMatchObject({ status: 403, error: 'foreign' });
    });

    it('refuses a transfer to an unknown site, to its own site or from another site, writing nothing', async () => {
      const first = { id: 1, name: '一院' };
      const a = await server.desk('一院');
      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registeredData);
      await a.client.push(a.identity, [reg]);
      const events = await rowCount(server.store, 'events');
      const transfers = await rowCount(server.store, 'transfers');
      const relays = await rowCount(server.store, 'relayed_events');
      for (const bad of [
        transferred(first, { id: 999, name: '不存在' }),
        transferred(first, first),
        transferred({ id: 2, name: '二院' }, { id: 1, name: '一院' }),
      ]) {
        const note = wireEvent(caseId, [reg.hash], noted('同批备注'));
        const refused = await refusalOf(a.client.push(a.identity, [note, wireEvent(caseId, [note.hash], bad)]));
        expect(refused).toMatchObject({ status: 422, error: 'tampered' });
      }
      expect(await rowCount(server.store, 'events')).toBe(events);
      expect(await rowCount(server.store, 'transfers')).toBe(transfers);
      expect(await rowCount(server.store, 'relayed_events')).toBe(relays);
      const [row] = await server.store.db.selectFrom('cases').select('site_id').where('id', '=', caseId).execute();
      expect(row?.site_id).toBe(first.id);
    });
  });
}
