import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, SyncRequestError } from '../../core/sync/syncClient.ts';
import { postgresInstalled, startPgCluster } from './pgCluster.ts';
import { noted, registeredData, startTestServer, wireEvent } from './serverHarness.ts';

/**
 * The server keeps nothing between requests: two server processes on one PostgreSQL serve the
 * same desks, which alternate between them.
 */
/** As the desk's scheduler does: a request the server could not answer (5xx, no connection) is sent again. */
async function retrying<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (!(e instanceof SyncRequestError) || (e.status !== 0 && e.status < 500) || attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe.skipIf(!postgresInstalled)('two servers on one PostgreSQL', () => {
  let cluster: Awaited<ReturnType<typeof startPgCluster>>;
  let one: Awaited<ReturnType<typeof startTestServer>>;
  let two: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    cluster = await startPgCluster();
    one = await startTestServer({ databaseUrl: cluster.url });
    two = await startTestServer({ databaseUrl: cluster.url });
    await one.site('第一医院');
  }, 120_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    cluster?.stop();
  }, 60_000);

  it('numbers every event once in one sequence whichever server took it, with desks alternating between them', async () => {
    const a = await one.desk('第一医院');
    const b = await two.desk('第一医院');
    const viaOne = createSyncClient({ serverUrl: one.url });
    const viaTwo = createSyncClient({ serverUrl: two.url });
    const pushed: string[] = [];
    for (let round = 0; round < 6; round++) {
      const caseId = uuidv7();
      const reg = wireEvent(caseId, [], registeredData);
      const note = wireEvent(caseId, [reg.hash], noted(`第${round}次`));
      // Desk A on server one and desk B on server two, then the other way round, at once.
      const [first, second] = round % 2 === 0 ? [viaOne, viaTwo] : [viaTwo, viaOne];
      const other = wireEvent(uuidv7(), [], registeredData);
      await Promise.all([retrying(() => first.push(a.identity, [reg])), retrying(() => second.push(b.identity, [other]))]);
      await retrying(() => second.push(a.identity, [reg, note]));
      pushed.push(reg.id, note.id);
    }
    const fromOne = await retrying(() => viaOne.pull(b.identity, 0));
    const fromTwo = await retrying(() => viaTwo.pull(a.identity, 0));
    expect(fromOne.events.map((e) => e.serverSeq)).toEqual(fromOne.events.map((_, i) => i + 1));
    expect(fromTwo.events.map((e) => [e.id, e.serverSeq])).toEqual(fromOne.events.map((e) => [e.id, e.serverSeq]));
    expect(fromOne.events.length).toBe(18);
    for (const id of pushed) expect(fromOne.events.filter((e) => e.id === id)).toHaveLength(1);
  }, 120_000);
});
