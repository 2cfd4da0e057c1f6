import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { dialects, noted, refusalOf, registeredData, rowCount, serverPerSuite, wireEvent } from './serverHarness.ts';

// The push's checks are asked of the store once for a whole batch: these are the cases where a
// batch mixes what the server holds, what the batch brings and what neither holds.

/** A case of a registration and `notes` notes, each naming the one before. */
function chain(notes: number, caseId = uuidv7()): WireEvent[] {
  const events = [wireEvent(caseId, [], registeredData)];
  for (let i = 0; i < notes; i++) events.push(wireEvent(caseId, [(events.at(-1) as WireEvent).hash], noted(`第${i}次`)));
  return events;
}

describe.each(dialects)('a push batch on %s', (dialect) => {
  const s = serverPerSuite(dialect, ['第一医院']);
  const count = (table: 'events' | 'cases') => rowCount(s.store, table);

  it('registers many cases in one batch and numbers every event in order', async () => {
    const a = await s.desk('第一医院');
    const cases = Array.from({ length: 30 }, () => chain(3));
    const batch = cases.flat();
    const answer = await a.client.push(a.identity, batch);
    expect(answer).toMatchObject({ accepted: batch.length, duplicates: 0 });
    const pulled = await a.client.pull(a.identity, answer.seq - batch.length);
    expect(pulled.events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
    const held = await s.store.db
      .selectFrom('cases')
      .select('id')
      .where(
        'id',
        'in',
        cases.map((c) => (c[0] as WireEvent).caseId),
      )
      .execute();
    expect(held).toHaveLength(30);
  });

  it('accepts parents the server holds from earlier pushes beside parents earlier in the batch', async () => {
    const a = await s.desk('第一医院');
    const one = chain(2);
    const two = chain(1);
    await a.client.push(a.identity, [...one, ...two]);
    const lastOne = one.at(-1) as WireEvent;
    const lastTwo = two.at(-1) as WireEvent;
    const next = wireEvent(lastOne.caseId, [lastOne.hash], noted('续'));
    const after = wireEvent(lastOne.caseId, [next.hash], noted('再续'));
    const other = wireEvent(lastTwo.caseId, [lastTwo.hash], noted('另案'));
    const fresh = chain(2);
    expect(await a.client.push(a.identity, [next, other, ...fresh, after, one[0] as WireEvent])).toMatchObject({
      accepted: 6,
      duplicates: 1,
    });
    // A retried batch: its first events are held already, and a new one names one of them.
    const fork = wireEvent(lastOne.caseId, [next.hash], noted('分支'));
    expect(await a.client.push(a.identity, [next, after, fork])).toMatchObject({ accepted: 1, duplicates: 2 });
  });

  it('refuses a parent that the server holds for another case, a parent named twice, and a parent later in the batch, writing nothing', async () => {
    const a = await s.desk('第一医院');
    const one = chain(1);
    const two = chain(1);
    await a.client.push(a.identity, [...one, ...two]);
    const before = { events: await count('events'), cases: await count('cases') };
    const lastOne = one.at(-1) as WireEvent;
    const lastTwo = two.at(-1) as WireEvent;
    const fresh = chain(1);
    // Each refused batch first registers a case of its own: nothing of it may stay.
    const crossed = wireEvent(lastOne.caseId, [lastTwo.hash], noted('错案'));
    expect(await refusalOf(a.client.push(a.identity, [...fresh, crossed]))).toEqual({ status: 422, error: 'tampered' });
    const twice = wireEvent(lastOne.caseId, [lastOne.hash, lastOne.hash], noted('重复'));
    expect(twice.parents).toEqual([lastOne.hash, lastOne.hash]);
    expect(await refusalOf(a.client.push(a.identity, [...fresh, twice]))).toEqual({ status: 422, error: 'tampered' });
    const first = wireEvent(lastOne.caseId, [lastOne.hash], noted('先'));
    const second = wireEvent(lastOne.caseId, [first.hash], noted('后'));
    expect(await refusalOf(a.client.push(a.identity, [...fresh, second, first]))).toEqual({ status: 422, error: 'tampered' });
    expect({ events: await count('events'), cases: await count('cases') }).toEqual(before);
    // In order, the same events are taken.
    expect(await a.client.push(a.identity, [...fresh, first, second])).toMatchObject({ accepted: 4, duplicates: 0 });
  });
});
