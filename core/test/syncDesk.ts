import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/serverHarness.ts';
import type { DeskOptions } from '../desk.ts';
import { openStaffedDesk, reopenStaffedDesk } from './handlingDesk.ts';

type Staffed = Awaited<ReturnType<typeof openStaffedDesk>>;

function withSync(desk: Staffed) {
  return {
    ...desk,
    /** Joins a site with a one-time code. */
    join: (serverUrl: string, enrolmentCode: string) => desk.by('admin', 'sync.configure', { serverUrl, enrolmentCode }),
    syncNow: () => desk.by('admin', 'sync.now', {}),
    status: () => desk.by('admin', 'sync.status', {}),
  };
}

/** A staffed desk (core/test/handlingDesk.ts) whose sync rounds run only when the test asks. */
export async function openSyncDesk(options: Partial<DeskOptions> = {}) {
  return withSync(await openStaffedDesk(options));
}

/** The desk's data directory opened again, its staff signed in anew. */
export async function reopenSyncDesk(dataDir: string, options: Partial<DeskOptions> = {}) {
  return withSync(await reopenStaffedDesk(dataDir, options));
}

export type SyncDesk = Awaited<ReturnType<typeof openSyncDesk>>;

/**
 * A sync server with the site 一院 and two desks of it, joined in that order, for the tests of
 * the file that calls this: opened before them, closed after. `prefixes` are what the site gave.
 */
export function twoDesksOfOneSite(options: Partial<DeskOptions> = {}) {
  const site = {} as { server: TestServer; a: SyncDesk; b: SyncDesk; prefixes: (string | null)[] };
  beforeAll(async () => {
    site.server = await startTestServer();
    await site.server.site('一院');
    site.a = await openSyncDesk(options);
    site.b = await openSyncDesk(options);
    site.prefixes = [];
    for (const desk of [site.a, site.b]) site.prefixes.push((await desk.join(site.server.url, await site.server.code('一院'))).prefix);
  }, 120_000);
  afterAll(async () => {
    await site.a?.close();
    await site.b?.close();
    await site.server?.close();
  }, 60_000);
  return site;
}

/**
 * A sync server with two sites of one group, 一院 and 二院, and a desk in each (a in 一院, b in
 * 二院), for the tests of the file that calls this: opened before them, closed after.
 */
export function twoSitesOfAGroup(options: Partial<DeskOptions> = {}) {
  const group = {} as { server: TestServer; a: SyncDesk; b: SyncDesk; siteIds: { first: string; second: string } };
  beforeAll(async () => {
    group.server = await startTestServer();
    const first = await group.server.site('一院');
    const second = await group.server.site('二院');
    group.siteIds = { first: String(first.id), second: String(second.id) };
    group.a = await openSyncDesk(options);
    group.b = await openSyncDesk(options);
    await group.a.join(group.server.url, await group.server.code('一院'));
    await group.b.join(group.server.url, await group.server.code('二院'));
  }, 120_000);
  afterAll(async () => {
    await group.a?.close();
    await group.b?.close();
    await group.server?.close();
  }, 60_000);
  return group;
}
