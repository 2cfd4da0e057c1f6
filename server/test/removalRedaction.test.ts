import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { stringsOf } from '../../core/test/stringsScan.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { pulledFault } from '../../domain/sync/receiveRules.ts';
import { redactWireEvent } from '../../domain/sync/redactedEvents.ts';
import type { WireRemoval } from '../../domain/sync/removalWire.ts';
import { addSite } from '../admin.ts';
import { projectCases } from '../store/caseProjection.ts';
import { openServerStore } from '../store/openServerStore.ts';
import { dialects, refusalOf, registeredData, serverPerSuite, wireEvent } from './serverHarness.ts';

/**
 * A removal that reaches the server takes the case's data out of what the server holds: its
 * events (their hashes kept, so the DAG verifies), its projection and search terms. Desks that
 * pull later get the events redacted and accept them; an event of the case that arrives after
 * the removal is held redacted; a removal made before the case's events came up is waited on.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Latin letters and digits, so `strings` would see them in a plain store file. */
const person = { name: 'Zhaoqian Mingyue', phone: '13912345678', address: 'Jiefang Road 7' };
const secrets = [person.name, person.phone, person.address, 'zhaoqian', 'mingyue', '3912345678'.slice(0, 6)];

const registration = (): CaseEventData =>
  ({
    type: 'registered',
    payload: { ...registeredData.payload, complainant: person, subject: '收费', content: '多收了 20 元' },
  }) as CaseEventData;
const contact = (): CaseEventData => ({
  type: 'contacted',
  payload: { contactedAt: '2026-11-02T01:00:00.000Z', method: 'phone', person: person.name, summary: '已解释' },
});
const removalOf = (caseId: string): WireRemoval => ({
  caseId,
  kinds: ['personalData'],
  at: new Date().toISOString(),
  removedBy: uuidv7(),
  reason: 'request',
});

/** Every event verifies as a desk verifies what it pulls, in the order the server gives them. */
function verifiesAsPulled(events: readonly WireEvent[]): boolean {
  const known = new Set<string>();
  return events.every((e) => {
    const fault = pulledFault(e, known, known.size > 0, sha256);
    known.add(e.hash);
    return fault === null;
  });
}

describe.each(dialects)('a removal on the %s server', (dialect) => {
  const server = serverPerSuite(dialect, ['一院']);
  const bodiesOf = async (caseId: string) =>
    (await server.store.db.selectFrom('events').select(['hash', 'body']).where('case_id', '=', caseId).orderBy('seq').execute()).map(
      (r) => ({ hash: r.hash, event: JSON.parse(r.body) as WireEvent }),
    );
  const projected = (caseId: string) =>
    server.store.db.selectFrom('case_projection').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

  it('redacts the held events, the projection and the search; later pulls and late events come redacted', async () => {
    const mine = await server.desk('一院');
    const neighbour = await server.desk('一院');
    const caseId = uuidv7();
    const reg = wireEvent(caseId, [], registration());
    const called = wireEvent(caseId, [reg.hash], contact());
    await mine.client.push(mine.identity, [reg, called]);
    expect(JSON.stringify(await projected(caseId))).toContain(person.phone);

    expect(await mine.client.pushRemovals(mine.identity, [removalOf(caseId)])).toEqual({ accepted: 1, files: 0 });
    const held = await bodiesOf(caseId);
    // The hashes the DAG names are the ones the events had; the payloads lost the person.
    expect(held.map((h) => h.hash)).toEqual([reg.hash, called.hash]);
    expect(held.map((h) => h.event.redacted)).toEqual([['personalData'], ['personalData']]);
    expect(held.map((h) => h.event)).toEqual([redactWireEvent(reg, ['personalData']), redactWireEvent(called, ['personalData'])]);
    for (const s of secrets) expect(JSON.stringify(held)).not.toContain(s);
    const row = await projected(caseId);
    expect(row).toMatchObject({ complainant_name: '', complainant_phone: null, phone_key: null });
    for (const s of [...secrets, 'zhaoqian', 'mingyue']) expect(JSON.stringify(row).toLowerCase()).not.toContain(s.toLowerCase());
    // The case's figures stay.
    expect(row).toMatchObject({ subject: '收费', type: 'complaint', event_count: 2 });

    // An event recorded before its desk learnt of the removal is held redacted too.
    const late = wireEvent(caseId, [called.hash], contact());
    expect(await mine.client.push(mine.identity, [late])).toMatchObject({ accepted: 1 });
    // What another desk pulls (a new desk's catch-up too) comes redacted and verifies.
    const pulled = (await neighbour.client.pull(neighbour.identity, 0)).events.filter((e) => e.caseId === caseId);
    expect(pulled.map((e) => e.hash)).toEqual([reg.hash, called.hash, late.hash]);
    for (const s of secrets) expect(JSON.stringify(pulled)).not.toContain(s);
    expect(verifiesAsPulled(pulled)).toBe(true);
    // A redacted event whose payload was altered beyond the removal is refused by the desk.
    const altered = {
      ...pulled[1],
      payload: JSON.stringify({ ...JSON.parse(pulled[1]?.payload ?? '{}'), person: 'someone' }),
    } as WireEvent;
    expect(verifiesAsPulled([pulled[0] as WireEvent, altered])).toBe(false);

    if (dialect === 'sqlite') {
      const fts = await sql<{ v: number }>`SELECT v FROM case_projection_fts_config WHERE k = 'secure-delete'`.execute(server.store.db);
      expect(fts.rows).toEqual([{ v: 1 }]);
      const store = stringsOf(path.join(server.dataDir, 'server.sqlite'));
      const wal = path.join(server.dataDir, 'server.sqlite-wal');
      const all = store + (fs.existsSync(wal) ? stringsOf(wal) : '');
      expect(secrets.filter((s) => all.includes(s))).toEqual([]);
    }
  }, 60_000);

  it('takes a case removed before its events came up, redacted; a redacted event without a removal is refused', async () => {
    const mine = await server.desk('一院');
    const caseId = uuidv7();
    const reg = redactWireEvent(wireEvent(caseId, [], registration()), ['personalData']);
    const called = redactWireEvent(wireEvent(caseId, [reg.hash], contact()), ['personalData']);
    expect(await refusalOf(mine.client.push(mine.identity, [reg, called]))).toEqual({ status: 422, error: 'tampered' });
    expect(await mine.client.pushRemovals(mine.identity, [removalOf(caseId)])).toEqual({ accepted: 1, files: 0 });
    expect(await mine.client.push(mine.identity, [reg, called])).toMatchObject({ accepted: 2 });
    expect((await bodiesOf(caseId)).map((h) => h.event)).toEqual([reg, called]);
    expect(await projected(caseId)).toMatchObject({ complainant_name: '', event_count: 2 });
    // A redacted event still holding what its removal takes out is refused.
    const other = uuidv7();
    await mine.client.pushRemovals(mine.identity, [removalOf(other)]);
    const plain = wireEvent(other, [], registration());
    expect(await refusalOf(mine.client.push(mine.identity, [{ ...plain, redacted: ['personalData'] }]))).toEqual({
      status: 422,
      error: 'tampered',
    });
  }, 60_000);
});

describe('a store from before the server redacted', () => {
  it('has the events of the removals it took redacted, and their cases folded again, when it opens', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-server-'));
    try {
      const before = await openServerStore({ dataDir });
      const site = await addSite(before.db, '一院', new Date());
      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registration());
      const called = wireEvent(caseId, [reg.hash], contact());
      await before.db.insertInto('cases').values({ id: caseId, site_id: site.id }).execute();
      await before.db
        .insertInto('events')
        .values(
          [reg, called].map((e, i) => ({
            site_id: site.id,
            seq: i + 1,
            id: e.id,
            case_id: caseId,
            hash: e.hash,
            desk_id: 'd',
            body: JSON.stringify(e),
            received_at: e.at,
          })),
        )
        .execute();
      await projectCases(before.db, site.id, [caseId]);
      const removal = removalOf(caseId);
      await before.db
        .insertInto('removals')
        .values({
          site_id: site.id,
          case_id: caseId,
          kinds: JSON.stringify(removal.kinds),
          at: removal.at,
          removed_by: removal.removedBy,
          reason: removal.reason,
          desk_id: 'd',
          seq: 1,
          received_at: removal.at,
        })
        .execute();
      // As a store of before the migration: the removal taken, the events and the row still plain.
      await sql`DELETE FROM server_migrations WHERE name = '009_redact_removed'`.execute(before.db);
      expect(JSON.stringify(await before.db.selectFrom('case_projection').selectAll().execute())).toContain(person.name);
      await before.close();

      const after = await openServerStore({ dataDir });
      try {
        const bodies = await after.db.selectFrom('events').select(['hash', 'body']).orderBy('seq').execute();
        expect(bodies.map((b) => b.hash)).toEqual([reg.hash, called.hash]);
        expect(bodies.map((b) => JSON.parse(b.body) as WireEvent)).toEqual([
          redactWireEvent(reg, ['personalData']),
          redactWireEvent(called, ['personalData']),
        ]);
        const row = await after.db.selectFrom('case_projection').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ complainant_name: '', complainant_phone: null, event_count: 2 });
        for (const s of secrets) expect(JSON.stringify(row)).not.toContain(s);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
