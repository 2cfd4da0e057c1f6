import { afterAll, beforeAll, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { startTestServer, type TestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

let server: TestServer;
let desk: SyncDesk;

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  desk = await openSyncDesk();
}, 60_000);
afterAll(async () => {
  await desk?.close();
  await server?.close();
});

const deskRow = async () => server.store.db.selectFrom('desks').selectAll().executeTakeFirstOrThrow();

it('tells the server its version, last good backup and events waiting with its signed requests', async () => {
  await desk.join(server.url, await server.code('一院'));
  // Enrolment is not signed: nothing is known of the desk until its first round.
  expect((await deskRow()).last_seen_at).toBeNull();
  await desk.register('rec');
  const backup = await desk.by('admin', 'backup.run', {});
  expect(backup.ok).toBe(true);
  await desk.syncNow();
  const row = await deskRow();
  expect(row.desk_version).toBe(packageJson.version);
  expect(row.last_backup_at).toBe(backup.at);
  // The round's last request comes after its push: nothing waits any more.
  expect(row.events_waiting).toBe(0);
  expect(row.last_seen_at).not.toBeNull();
  expect(Math.abs(Number(row.clock_drift_ms))).toBeLessThan(60_000);
});
