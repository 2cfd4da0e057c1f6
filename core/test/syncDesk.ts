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
