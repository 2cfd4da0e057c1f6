import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, makeDeskKeys, SyncRequestError } from '../../core/sync/syncClient.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { addSite, issueEnrolmentCode } from '../admin.ts';
import { openServerStore, type ServerStore } from '../store/openServerStore.ts';
import { freePort, postgresInstalled, startPgCluster } from './pgCluster.ts';
import { caseEvents, expectEachOnce, pullAll, pushUntilAnswered, until, type Weather } from './pushLoad.ts';
import { type ServerProcess, spawnServer } from './serverProcess.ts';

/**
 * PostgreSQL restarted while desks push to a server process: the server neither crashes nor
 * loses anything; while the database is away it answers 503 with a retry hint, and when the
 * database is back every desk's retries land each event once.
 */
describe.skipIf(!postgresInstalled)('PostgreSQL restarted under load', () => {
  let cluster: Awaited<ReturnType<typeof startPgCluster>>;
  let admin: ServerStore;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = await startPgCluster();
    admin = await openServerStore({ databaseUrl: cluster.url });
    await addSite(admin.db, '第一医院', new Date());
    server = await spawnServer({ port: await freePort(), databaseUrl: cluster.url });
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await admin?.close();
    cluster?.stop();
  }, 60_000);

  it('answers 503 while the database is away, stays up, and lands every pushed event once', async () => {
    const client = createSyncClient({ serverUrl: server.url });
    const desk = async () => {
      const deskId = uuidv7();
      const keys = makeDeskKeys();
      const { code } = await issueEnrolmentCode(admin.db, '第一医院', new Date());
      await client.enrol({ code, publicKey: keys.publicKey, deskName: 'desk', deskId });
      return { deskId, privateKey: keys.privateKey };
    };
    const desks = await Promise.all([desk(), desk(), desk(), desk()]);
    const pushed: WireEvent[] = [];
    const weather: Weather = { failures: [] };
    let answered = 0;
    const load = Promise.all(
      desks.map(async (identity) => {
        for (let round = 0; round < 12; round++) {
          const events = caseEvents(4);
          pushed.push(...events);
          await pushUntilAnswered(() => client, identity, events, weather);
          answered++;
        }
      }),
    );
    await until(() => answered >= 8, 'the first pushes');
    // Fast shutdown ends every session with FATAL 57P01 (admin_shutdown), in the middle of pushes.
    cluster.halt();
    const refused = await client.push(desks[0] as (typeof desks)[0], caseEvents(0)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncRequestError);
    expect((refused as SyncRequestError).status).toBe(503);
    expect((refused as SyncRequestError).refusal).toMatchObject({ error: 'unavailable', retryAfterMs: 1000 });
    cluster.resume();
    await load;

    expect(server.alive()).toBe(true);
    expect(server.log.some((l) => l.includes('database unavailable'))).toBe(true);
    expectEachOnce(await pullAll(client, desks[1] as (typeof desks)[1]), pushed);
  }, 180_000);
});
