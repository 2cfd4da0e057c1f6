import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/serverHarness.ts';
import { type SyncDesk, twoDesksOfOneSite } from './syncDesk.ts';

/** Rounds the desks run by themselves: after a case event is committed, every interval, and with backoff while the server is away. */
const timing = { intervalMs: 300, nudgeMs: 50, backoffMs: 100, maxBackoffMs: 400 };

const site = twoDesksOfOneSite({ syncScheduler: true, syncTiming: timing });
let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
beforeAll(() => {
  ({ server, a, b } = site);
});

/** Waits for `check` to hold, asking again every 100 ms; fails after `limitMs` (a bound, not a measure). */
async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, limitMs = 20_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > until) throw new Error(`${what} did not happen`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the scheduler', () => {
  it('brings a case registered on one desk to the other, and an act back, without anyone asking', async () => {
    const { id } = await a.register('rec');
    await eventually('the case reaching desk B', async () => (await b.rawBy('admin', 'cases.get', { id })).ok);
    await b.act('admin', id, { type: 'accept', departmentId: b.outpatient.id });
    await eventually('the acceptance reaching desk A', async () => (await a.by('admin', 'cases.get', { id })).status === 'accepted');
    // What the test looked at (cases.get audits each look) goes up with a later round; no event waits.
    expect(await a.status()).toMatchObject({ waiting: { events: 0 } });
  }, 60_000);

  it('says the desk is offline while the server is away, and keeps what is waiting', async () => {
    await server.close();
    await a.register('rec');
    const status = await eventually('desk A noticing', async () => {
      const s = await a.status();
      return s.state === 'offline' ? s : undefined;
    });
    expect(status).toMatchObject({ waiting: { events: 1 }, lastError: { problem: 'unreachable' } });
    expect(status.offlineSince).not.toBeNull();
  }, 60_000);
});
