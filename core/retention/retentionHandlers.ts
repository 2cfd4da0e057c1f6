import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import type { Handlers } from '../dispatcher.ts';
import type { Jobs } from '../jobs/jobRegistry.ts';
import { applyRetention, previewRetention } from './applyRetention.ts';
import { loadRetention, saveRetention } from './retentionSettings.ts';

type RetentionHandlers = Pick<Handlers, 'retention.get' | 'retention.update' | 'retention.preview' | 'retention.apply'>;

export function retentionHandlers(ctx: DeskContext, jobs: Jobs): RetentionHandlers {
  const { db } = ctx.store;
  return {
    'retention.get': () => loadRetention(db),
    'retention.update': async (input, call) => {
      await db.transaction().execute(async (trx) => {
        await saveRetention(trx, input.periods, ctx.now().toISOString());
        await recordAudit(ctx, trx, { actorId: call.session.user.id, action: 'retention.update', detail: { periods: input.periods } });
      });
      return loadRetention(db);
    },
    'retention.preview': async (_input, call) => {
      const preview = await previewRetention(ctx);
      await recordAudit(ctx, db, { actorId: call.session.user.id, action: 'retention.preview', detail: { total: preview.total } });
      return preview;
    },
    // A job: a long removal shows how far it got, and the desk answers its users between batches.
    'retention.apply': (input, call) =>
      jobs.run('retention', call.session.user.id, (progress) => applyRetention(ctx, input.caseIds, call.session.user.id, progress)),
  };
}
