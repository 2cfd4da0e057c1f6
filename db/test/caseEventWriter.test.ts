import { afterEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import { newDagEvent } from '../eventCodec.ts';
import { caseEventWriter, insertCaseEvent, latestClock, listCaseLog } from '../queries/caseEvents.ts';
import { insertCase } from '../queries/cases.ts';
import { openPlanStore, type PlanStore, registeredState } from './planStore.ts';

function noted(caseNo: number, seq: number, actorId: string, device: string, day: number) {
  const at = `2026-11-${String(day).padStart(2, '0')}T01:00:00.000Z`;
  const fields = {
    id: `event-${caseNo}-${seq}`,
    caseId: `case-${caseNo}`,
    seq,
    parents: [],
    actorId,
    device,
    at,
    hlc: encodeHlc({ wallMs: Date.parse(at), counter: 0 }, device),
  };
  return { caseNo, event: newDagEvent(fields, { type: 'noted', payload: { text: `${day}` } }), text: `{"text":"${day}"}` };
}

/** Events of two cases by three actors on two desks, their clocks out of order. */
const events = [
  { caseNo: 1, seq: 1, actorId: 'u', device: 'desk-b', day: 3 },
  { caseNo: 1, seq: 2, actorId: 'v', device: 'desk-a', day: 7 },
  { caseNo: 2, seq: 1, actorId: 'w', device: 'desk-b', day: 5 },
  { caseNo: 2, seq: 2, actorId: 'u', device: 'desk-a', day: 2 },
  { caseNo: 1, seq: 3, actorId: 'w', device: 'desk-c', day: 4 },
].map((e) => noted(e.caseNo, e.seq, e.actorId, e.device, e.day));

const stores: PlanStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A store with two cases, the party `v` known already (as if an earlier event named it). */
async function storeWithCases() {
  const planStore = openPlanStore();
  stores.push(planStore);
  const db = planStore.store.db;
  planStore.store.sqlite.prepare("INSERT INTO event_parties (name) VALUES ('v')").run();
  const seqnos = new Map<number, number>();
  for (const n of [1, 2]) {
    const row = { id: `case-${n}`, registeredBy: 'u', at: '2026-11-01T01:00:00.000Z', lastSeq: 1, heads: [] };
    seqnos.set(n, await insertCase(db, row, registeredState({ number: `2611-000${n}` })));
  }
  const contents = async () => ({
    parties: planStore.store.sqlite.prepare('SELECT n, name FROM event_parties ORDER BY n').all(),
    rows: planStore.store.sqlite.prepare('SELECT * FROM case_events ORDER BY pos').all(),
    logs: [await listCaseLog(db, 'case-1'), await listCaseLog(db, 'case-2')],
    clock: await latestClock(db),
  });
  return { db, seqno: (n: number) => seqnos.get(n) ?? 0, contents };
}

describe('storing a page of events at once', () => {
  it('stores exactly what inserting them one by one stores: rows, party numbers and clock', async () => {
    const oneByOne = await storeWithCases();
    for (const e of events) await insertCaseEvent(oneByOne.db, oneByOne.seqno(e.caseNo), e.event, e.text);
    const paged = await storeWithCases();
    // 'x' may be named by an event of the page that is refused: it is looked up, never added.
    const writer = await caseEventWriter(paged.db, [...events.flatMap((e) => [e.event.actorId, e.event.device]), 'x']);
    for (const e of events) await writer.insert(paged.seqno(e.caseNo), e.event, e.text);
    await writer.finish();
    const expected = await oneByOne.contents();
    expect(expected.parties).toHaveLength(6);
    expect(expected.clock).toBe(Date.parse('2026-11-07T01:00:00.000Z'));
    expect(await paged.contents()).toEqual(expected);
  });

  it('stores a page of more rows than one statement takes, in the same order', async () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      noted(1 + (i % 2), 1 + Math.floor(i / 2), `user-${i % 5}`, `desk-${i % 3}`, 1 + (i % 28)),
    );
    const oneByOne = await storeWithCases();
    for (const e of many) await insertCaseEvent(oneByOne.db, oneByOne.seqno(e.caseNo), e.event, e.text);
    const paged = await storeWithCases();
    const writer = await caseEventWriter(
      paged.db,
      many.flatMap((e) => [e.event.actorId, e.event.device]),
    );
    for (const e of many) await writer.insert(paged.seqno(e.caseNo), e.event, e.text);
    await writer.finish();
    const expected = await oneByOne.contents();
    expect(expected.rows).toHaveLength(700);
    expect(await paged.contents()).toEqual(expected);
  });

  it('keeps the clock when the page stores nothing, and never moves it back', async () => {
    const s = await storeWithCases();
    const [, later, , earlier] = events;
    if (!later || !earlier) throw new Error('the events above');
    await insertCaseEvent(s.db, s.seqno(1), later.event, later.text);
    const before = await latestClock(s.db);
    await (await caseEventWriter(s.db, [])).finish();
    const writer = await caseEventWriter(s.db, ['u', 'desk-a']);
    await writer.insert(s.seqno(2), earlier.event, earlier.text);
    await writer.finish();
    expect(await latestClock(s.db)).toBe(before);
  });
});
