import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { openSyncDesk, reopenSyncDesk, type SyncDesk } from './syncDesk.ts';
import { startServerProcess } from './syncServerProcess.ts';

/**
 * Sync's faults with a real server process (DESIGN.md §10): killed in the middle of a push and
 * of a pull, a batch sent twice, a desk put back to an older copy of itself. Nothing is lost,
 * nothing doubled, no number handed out twice.
 */
let server: Awaited<ReturnType<typeof startServerProcess>>;
let a: SyncDesk;
let b: SyncDesk;

beforeAll(async () => {
  server = await startServerProcess('一院', 6);
  a = await openSyncDesk();
  b = await openSyncDesk();
  await a.join(server.url, server.code());
  await b.join(server.url, server.code());
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
}, 60_000);

const storeOf = (desk: SyncDesk) => new Sqlite(path.join(desk.dataDir, storeFileName), { readonly: true });

/** Every case number on a desk, and whether any event is held twice. */
function holdings(desk: SyncDesk) {
  const db = storeOf(desk);
  try {
    const numbers = (db.prepare('SELECT number FROM cases ORDER BY number').pluck().all() as string[]).sort();
    const events = db.prepare('SELECT count(*) FROM case_events').pluck().get() as number;
    const distinct = db.prepare('SELECT count(DISTINCT id) FROM case_events').pluck().get() as number;
    return { numbers, events, distinct };
  } finally {
    db.close();
  }
}

/** sync.now until it answers, as the scheduler would retry: a few tries, each after the server had time to come back. */
async function syncUntilAnswered(desk: SyncDesk) {
  for (let attempt = 1; ; attempt++) {
    const answer = await desk.rawBy('admin', 'sync.now', {});
    if (answer.ok) return answer.data as { pushed: number; pulled: number };
    if (attempt >= 3) throw new Error(`sync.now kept failing: ${JSON.stringify(answer.error)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const registerMany = async (desk: SyncDesk, n: number) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await desk.register('rec', { subject: `第${i}件` })).id);
  return ids;
};

describe('the server killed', () => {
  it('in the middle of a push: after it restarts on the same port the next round sends the rest, once', async () => {
    await registerMany(a, 200);
    const round = a.rawBy('admin', 'sync.now', {});
    await new Promise((r) => setTimeout(r, 15));
    await server.kill();
    const during = await round;
    if (!during.ok) {
      const status = await a.status();
      expect(status.state).toBe('offline');
      expect(status.pending).toBeGreaterThan(0);
      expect(status.lastError?.problem).toBe('unreachable');
    }
    // While the server is down the desk says so and goes on working.
    expect((await a.rawBy('admin', 'sync.now', {})).ok).toBe(false);
    expect((await a.status()).state).toBe('offline');
    await a.register('rec');
    await server.restart();
    // The first round after the restart goes through: no stale connection, no backoff held over.
    const after = await a.syncNow();
    expect(after.pushed).toBeGreaterThan(0);
    expect(await a.status()).toMatchObject({ state: 'synced', pending: 0, lastError: null, offlineSince: null });
  }, 120_000);

  it('in the middle of a pull: the next round takes the rest, and the desk holds each event once', async () => {
    const round = b.rawBy('admin', 'sync.now', {});
    await new Promise((r) => setTimeout(r, 15));
    await server.kill();
    await round;
    await server.restart();
    await syncUntilAnswered(b);
    const onA = holdings(a);
    const onB = holdings(b);
    expect(onB.numbers).toEqual(onA.numbers);
    expect(onB.numbers).toHaveLength(201);
    expect(onB.distinct).toBe(onB.events);
    expect(onB.events).toBe(onA.events);
    expect(await b.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
  }, 120_000);
});

describe('the same batch sent twice', () => {
  it('changes nothing: the answer that was lost is counted as duplicates', async () => {
    const { id } = await a.register('rec');
    await a.act('admin', id, { type: 'note', text: '两次发送' });
    expect(await a.syncNow()).toMatchObject({ pushed: 2 });
    // The acknowledgement lost: the desk still lists the events and sends them again.
    const db = new Sqlite(path.join(a.dataDir, storeFileName));
    db.prepare('INSERT INTO sync_outbox (pos) SELECT pos FROM case_events ORDER BY pos DESC LIMIT 2').run();
    db.close();
    expect((await a.status()).pending).toBe(2);
    expect(await a.syncNow()).toMatchObject({ pushed: 2 });
    await b.syncNow();
    const detail = await b.by('admin', 'cases.get', { id });
    expect(detail.events).toHaveLength(2);
    expect(holdings(b).distinct).toBe(holdings(b).events);
  }, 60_000);
});

describe('a desk restored from an older copy of itself', () => {
  it('sends again what it had not sent, takes back what it had, and hands out no number twice', async () => {
    await a.syncNow();
    const kept = `${a.dataDir}-older`;
    // The older copy: taken with one case not yet sent.
    const unsent = await a.register('rec', { subject: '备份时未发送' });
    await a.desk.close();
    fs.cpSync(a.dataDir, kept, { recursive: true });
    const reopened = await reopenSyncDesk(a.dataDir);
    await reopened.syncNow();
    const later = [];
    for (let i = 0; i < 3; i++) later.push(await reopened.register('rec'));
    await reopened.syncNow();
    await reopened.desk.close();
    // Back to the older copy.
    fs.rmSync(a.dataDir, { recursive: true, force: true });
    fs.renameSync(kept, a.dataDir);
    a = await reopenSyncDesk(a.dataDir);
    expect((await a.status()).pending).toBeGreaterThan(0);
    const round = await a.syncNow();
    expect(round.pulled).toBeGreaterThanOrEqual(3);
    const numbers = new Set(holdings(a).numbers);
    for (const c of [unsent, ...later]) expect(numbers.has(c.number)).toBe(true);
    const next = await a.register('rec');
    expect([unsent, ...later].map((c) => c.number)).not.toContain(next.number);
    await a.syncNow();
    await b.syncNow();
    expect(holdings(b).numbers).toEqual(holdings(a).numbers);
    expect(new Set(holdings(b).numbers).size).toBe(holdings(b).numbers.length);
  }, 120_000);
});
