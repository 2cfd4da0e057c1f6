import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, makeDeskKeys, type SigningIdentity, SyncRequestError } from '../../core/sync/syncClient.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { addSite, issueEnrolmentCode } from '../admin.ts';
import { openServerStore, type ServerStore } from '../store/openServerStore.ts';
import { freePort, postgresInstalled, startPgCluster } from './pgCluster.ts';
import { caseEvents, expectEachOnce, pullAll, pushUntilAnswered, until, type Weather } from './pushLoad.ts';
import { type ServerProcess, spawnServer } from './serverProcess.ts';

/**
 * Two server processes on one PostgreSQL, desks alternating between them; one is killed with
 * SIGKILL in the middle of a push and started again: the desks' retries land every event once,
 * in one gapless sequence, whichever process took it.
 */
describe.skipIf(!postgresInstalled)('a server process killed mid-push', () => {
  let cluster: Awaited<ReturnType<typeof startPgCluster>>;
  let admin: ServerStore;
  let one: ServerProcess;
  let two: ServerProcess;
  let portOne: number;

  beforeAll(async () => {
    cluster = await startPgCluster();
    admin = await openServerStore({ databaseUrl: cluster.url });
    await addSite(admin.db, '第一医院', new Date());
    portOne = await freePort();
    [one, two] = await Promise.all([
      spawnServer({ port: portOne, databaseUrl: cluster.url }),
      spawnServer({ port: await freePort(), databaseUrl: cluster.url }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await one?.kill();
    await two?.kill();
    await admin?.close();
    cluster?.stop();
  }, 60_000);

  it('lands every event once after the restart, with desks alternating between the two processes', async () => {
    const servers = () => [createSyncClient({ serverUrl: one.url }), createSyncClient({ serverUrl: two.url })] as const;
    const desk = async (): Promise<SigningIdentity> => {
      const deskId = uuidv7();
      const keys = makeDeskKeys();
      const { code } = await issueEnrolmentCode(admin.db, '第一医院', new Date());
      await createSyncClient({ serverUrl: two.url }).enrol({ code, publicKey: keys.publicKey, deskName: 'desk', deskId });
      return { deskId, privateKey: keys.privateKey };
    };
    const desks = await Promise.all([desk(), desk(), desk(), desk()]);
    const pushed: WireEvent[] = [];
    const weather: Weather = { failures: [] };
    let answered = 0;
    const load = Promise.all(
      desks.map(async (identity, d) => {
        for (let round = 0; round < 10; round++) {
          const events = caseEvents(3);
          pushed.push(...events);
          // Each desk alternates, and the desks are out of step: both processes take pushes at once.
          await pushUntilAnswered(() => servers()[(round + d) % 2] as ReturnType<typeof servers>[0], identity, events, weather);
          answered++;
        }
      }),
    );
    await until(() => answered >= 6, 'the first pushes');

    // A large push to process one, which is killed while the push is on its way or being written.
    const large = Array.from({ length: 150 }, () => caseEvents(9)).flat();
    pushed.push(...large);
    const first = servers()[0]
      .push(desks[0] as SigningIdentity, large)
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 40));
    await one.kill('SIGKILL');
    const failed = await first;
    expect(failed).toBeInstanceOf(SyncRequestError);
    expect((failed as SyncRequestError).status).toBe(0);
    one = await spawnServer({ port: portOne, databaseUrl: cluster.url });
    const retried = await pushUntilAnswered(() => servers()[0], desks[0] as SigningIdentity, large, weather);
    expect(retried.accepted + retried.duplicates).toBe(large.length);
    await load;

    expect(weather.failures.some((f) => f.status === 0)).toBe(true);
    const [viaOne, viaTwo] = servers();
    const held = await pullAll(viaOne, desks[1] as SigningIdentity);
    expectEachOnce(held, pushed);
    expect((await pullAll(viaTwo, desks[2] as SigningIdentity)).map((e) => [e.id, e.serverSeq])).toEqual(
      held.map((e) => [e.id, e.serverSeq]),
    );
  }, 240_000);
});
