import type { startTestServer } from '../../server/test/serverHarness.ts';
import { openStaffedDesk } from './handlingDesk.ts';

/** A staffed desk (core/test/handlingDesk.ts) whose sync rounds run only when the test asks. */
export async function openSyncDesk() {
  const desk = await openStaffedDesk({ syncScheduler: false });
  return {
    ...desk,
    /** Joins the site with a fresh code from `server`. */
    async join(server: Awaited<ReturnType<typeof startTestServer>>, site: string) {
      return desk.by('admin', 'sync.configure', { serverUrl: server.url, enrolmentCode: await server.code(site) });
    },
    syncNow: () => desk.by('admin', 'sync.now', {}),
    status: () => desk.by('admin', 'sync.status', {}),
  };
}

export type SyncDesk = Awaited<ReturnType<typeof openSyncDesk>>;
