import { deleteSyncConfig, readGroupSites, readSyncConfig } from '../../db/queries/sync.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { listClashes, settleClash } from './accountClashes.ts';
import { enrolDesk } from './enrolDesk.ts';
import { SyncRequestError } from './syncClient.ts';
import { problemOf } from './syncProblems.ts';
import type { SyncService } from './syncService.ts';

type SyncHandlers = Pick<
  Handlers,
  'sync.configure' | 'sync.status' | 'sync.now' | 'sync.leave' | 'sync.clashes' | 'sync.settleClash' | 'sync.sites'
>;

export function syncHandlers(ctx: DeskContext, service: SyncService): SyncHandlers {
  const { db } = ctx.store;
  return {
    'sync.configure': async (input, call) => {
      await enrolDesk(ctx, input, call.session.user.id);
      return service.status();
    },
    'sync.status': () => service.status(),
    'sync.now': async () => {
      try {
        return await service.syncNow();
      } catch (e) {
        if (!(e instanceof SyncRequestError)) throw e;
        const { problem, caseId } = problemOf(e);
        throw new DeskError('conflict', { key: `sync:problem.${problem}`, values: caseId ? { caseId } : {} });
      }
    },
    'sync.leave': async (_input, call) => {
      const config = await readSyncConfig(db);
      if (!config) throw new DeskError('conflict', { key: 'sync:error.notEnrolled' });
      await service.settle();
      await db.transaction().execute(async (trx) => {
        await deleteSyncConfig(trx);
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'sync.leave',
          target: config.site_name,
          detail: { serverUrl: config.server_url, site: config.site_name, prefix: config.prefix },
        });
      });
      return service.status();
    },
    'sync.clashes': () => listClashes(db),
    'sync.sites': async () => {
      const config = await readSyncConfig(db);
      if (!config || config.private_key === '') return { here: null, others: [] };
      const here = { id: config.site_id, name: config.site_name };
      return { here, others: (await readGroupSites(db)).filter((s) => s.id !== here.id) };
    },
    'sync.settleClash': async (input, call) => {
      await settleClash(ctx, input, call.session.user.id);
      return listClashes(db);
    },
  };
}
