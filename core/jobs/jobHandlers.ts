import { mayCall } from '../../domain/access/permissions.ts';
import type { DeskMethod } from '../../domain/api/deskApi.ts';
import type { JobKind } from '../../domain/api/jobViews.ts';
import type { Handlers } from '../dispatcher.ts';
import type { Jobs } from './jobRegistry.ts';

type JobHandlers = Pick<Handlers, 'jobs.status'>;

/** The method that starts each kind of job: who may start one may watch anyone's. */
const startedBy: Record<JobKind, DeskMethod> = {
  backup: 'backup.run',
  export: 'data.export',
  import: 'data.import',
  seal: 'seals.seal',
  // Anyone may ask for a sync round, and a catch-up slows the desk for everyone.
  syncCatchUp: 'sync.now',
  retention: 'retention.apply',
};

export function jobHandlers(jobs: Jobs): JobHandlers {
  return {
    'jobs.status': async (_input, call) => {
      const { session } = call;
      // Before anyone signs in only an import runs (on a fresh desk), and the page that started it follows it.
      if (!session) return { items: jobs.list(call.locale, null, (kind) => kind === 'import') };
      return { items: jobs.list(call.locale, session.user.id, (kind) => mayCall(session.user.roles, startedBy[kind])) };
    },
  };
}
