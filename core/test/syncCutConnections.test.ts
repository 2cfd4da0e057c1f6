import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { startTestServer } from '../../server/test/serverHarness.ts';
import { startCuttingProxy } from './cuttingProxy.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

/**
 * Sync over a network that breaks connections (a proxy on 127.0.0.1 that cuts answers short,
 * drops bytes from them and cuts requests off): desks keep sending rounds as the scheduler
 * would, and in the end hold the same cases, every event once, every evidence file whole, and
 * the server holds each of them once.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let proxy: Awaited<ReturnType<typeof startCuttingProxy>>;
let a: SyncDesk;
let b: SyncDesk;

const openStore = (desk: SyncDesk, readonly = true) => new Sqlite(path.join(desk.dataDir, storeFileName), { readonly });

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  proxy = await startCuttingProxy(server.url, { seed: 7, cutAnswers: 0.45, dropBytes: 0.3, cutRequests: 0.25, breakWithin: 16_000 });
  a = await openSyncDesk();
  b = await openSyncDesk();
  for (const desk of [a, b]) {
    // Joining is a person's single step, not retried by the desk: it goes straight to the server;
    // every round after it goes through the proxy.
    await desk.join(server.url, await server.code('一院'));
    const db = openStore(desk, false);
    db.prepare('UPDATE sync_config SET server_url = ?').run(proxy.url);
    db.close();
  }
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await proxy?.close();
  await server?.close();
});

/** A PNG-headed file of some kilobytes, so answers carrying it span many packets. */
const photo = (n: number) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(`照片${n}`), randomBytes(3000 + n * 997)]);

async function registerWithEvidence(desk: SyncDesk, n: number) {
  const bytes = photo(n);
  const ref = await desk.by('rec', 'attachments.upload', { name: `照片${n}.png`, mime: 'image/png', dataBase64: bytes.toString('base64') });
  const { id } = await desk.register('rec', { subject: `断线${n}`, attachments: [ref] });
  await desk.act('admin', id, { type: 'note', text: `备注${n}` });
  return { id, sha256: ref.sha256 };
}

/** Rounds until one goes through with nothing left to send or fetch, as the scheduler would keep trying. */
async function syncThrough(desk: SyncDesk): Promise<number> {
  for (let attempt = 1; attempt <= 80; attempt++) {
    const round = await desk.rawBy('admin', 'sync.now', {});
    if (round.ok) {
      const db = openStore(desk);
      const left = db
        .prepare(
          'SELECT (SELECT count(*) FROM sync_outbox) + (SELECT count(*) FROM evidence_outbox) + (SELECT count(*) FROM evidence_wanted)',
        )
        .pluck()
        .get() as number;
      db.close();
      if (left === 0) return attempt;
    }
  }
  throw new Error('sync never went through the proxy');
}

function holdings(desk: SyncDesk) {
  const db = openStore(desk);
  try {
    return {
      cases: (db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[]).join(','),
      events: db.prepare('SELECT count(*) FROM case_events').pluck().get() as number,
      distinct: db.prepare('SELECT count(DISTINCT id) FROM case_events').pluck().get() as number,
      refused: db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.refused'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('sync through connections cut in the middle', () => {
  it('converges with nothing lost or doubled: events and evidence files', async () => {
    const made: { id: string; sha256: string }[] = [];
    for (let n = 0; n < 8; n++) made.push(await registerWithEvidence(n % 2 === 0 ? a : b, n));
    await syncThrough(a);
    await syncThrough(b);
    for (let n = 8; n < 14; n++) made.push(await registerWithEvidence(n % 2 === 0 ? a : b, n));
    await syncThrough(b);
    await syncThrough(a);
    await syncThrough(b);

    // The proxy did break connections, of each kind.
    expect(proxy.broken.answersCut).toBeGreaterThan(0);
    expect(proxy.broken.bytesDropped).toBeGreaterThan(0);
    expect(proxy.broken.requestsCut).toBeGreaterThan(0);

    const events = Number(
      (
        await server.store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(events).toBe(made.length * 2);
    const onA = holdings(a);
    expect(onA).toEqual(holdings(b));
    expect(onA).toMatchObject({ events, distinct: events, refused: 0 });

    const files = await server.store.db.selectFrom('evidence').select(['sha256']).execute();
    expect(files.map((f) => f.sha256).sort()).toEqual(made.map((m) => m.sha256).sort());
    for (const desk of [a, b]) {
      for (const { id, sha256 } of made) {
        const file = await desk.by('rec', 'attachments.get', { caseId: id, sha256 });
        expect(createHash('sha256').update(Buffer.from(file.dataBase64, 'base64')).digest('hex')).toBe(sha256);
      }
      expect(await desk.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
    }
  }, 240_000);
});
