import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../bench/data/rng.ts';
import { storeFileName } from '../../db/connection.ts';
import type { DeskInput } from '../../domain/api/deskApi.ts';
import { startTestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

/**
 * The property of DESIGN.md §10: random interleavings of acts on three desks, synced in random
 * orders, converge to the same projection on every desk, with every event on the server and on
 * every desk once. Bounded: a few seeds of a few dozen steps each.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let desks: SyncDesk[];

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  desks = [await openSyncDesk(), await openSyncDesk(), await openSyncDesk()];
  for (const d of desks) await d.join(server.url, await server.code('一院'));
}, 120_000);
afterAll(async () => {
  for (const d of desks ?? []) await d.close();
  await server?.close();
});

type Action = DeskInput<'cases.act'>['action'];

/** An act a desk might take on a case it holds; the desk's own rules refuse what its state does not allow. */
function randomAction(rng: ReturnType<typeof createRng>, desk: SyncDesk): Action {
  switch (rng.weighted({ note: 4, accept: 3, decline: 1, start: 2, propose: 1, approve: 1, sendBack: 1 })) {
    case 'note':
      return { type: 'note', text: `备注${rng.int(1000)}` };
    case 'accept':
      return { type: 'accept', departmentId: desk.outpatient.id };
    case 'decline':
      return { type: 'decline', reason: '不属于受理范围' };
    case 'start':
      return { type: 'startInvestigation' };
    case 'propose':
      return { type: 'propose', text: '调查属实，已整改', finding: 'valid' };
    case 'approve':
      return { type: 'approve' };
    default:
      return { type: 'sendBack', reason: '请补充调查' };
  }
}

function eventIds(desk: SyncDesk): { events: number; distinct: number } {
  const db = new Sqlite(path.join(desk.dataDir, storeFileName), { readonly: true });
  try {
    return {
      events: db.prepare('SELECT count(*) FROM case_events').pluck().get() as number,
      distinct: db.prepare('SELECT count(DISTINCT id) FROM case_events').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

async function projectionOf(desk: SyncDesk, id: string) {
  const c = await desk.by('admin', 'cases.get', { id });
  return {
    number: c.number,
    status: c.status,
    departmentId: c.departmentId,
    events: c.events.map((e) => `${e.hash}${e.conflict ? '!' : ''}`).sort(),
  };
}

describe('three desks acting and syncing in random orders', () => {
  it.each([11, 12, 13])(
    'converge (seed %i)',
    async (seed) => {
      const rng = createRng(seed);
      const known: string[][] = [[], [], []];
      for (let step = 0; step < 30; step++) {
        const i = rng.int(3);
        const desk = desks[i] as SyncDesk;
        const op = rng.weighted({ register: 2, act: 5, sync: 3 });
        if (op === 'register') {
          known[i]?.push((await desk.register('rec', { subject: `随机${seed}-${step}` })).id);
        } else if (op === 'act' && (known[i]?.length ?? 0) > 0) {
          const id = rng.pick(known[i] as string[]);
          // Refused acts are part of the property: a refused act changes nothing anywhere.
          await desk.rawBy('admin', 'cases.act', { id, action: randomAction(rng, desk) });
        } else {
          await desk.syncNow();
          const held = await desk.by('admin', 'cases.list', { limit: 200 });
          known[i] = held.items.map((c) => c.id);
        }
      }
      for (let pass = 0; pass < 2; pass++) for (const d of desks) await d.syncNow();

      const ids = (await (desks[0] as SyncDesk).by('admin', 'cases.list', { limit: 200 })).items.map((c) => c.id).sort();
      for (const d of desks) {
        expect((await d.by('admin', 'cases.list', { limit: 200 })).items.map((c) => c.id).sort()).toEqual(ids);
        expect(await d.status()).toMatchObject({ pending: 0, state: 'synced' });
      }
      for (const id of ids) {
        const first = await projectionOf(desks[0] as SyncDesk, id);
        for (const d of desks.slice(1)) expect(await projectionOf(d, id)).toEqual(first);
      }
      const onServer = Number(
        (
          await server.store.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      for (const d of desks) expect(eventIds(d)).toEqual({ events: onServer, distinct: onServer });
      for (const d of desks) expect(await d.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
    },
    120_000,
  );
});
