import { writeSetting } from '../../db/queries/settings.ts';
import type { CaseSettingsView } from '../../domain/api/views.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import type { Handlers } from '../dispatcher.ts';
import { type DeskSettings, loadSettings, settingKeys } from '../settings.ts';

type CaseSettingsHandlers = Pick<Handlers, 'caseSettings.get' | 'caseSettings.update'>;

const viewOf = (s: DeskSettings): CaseSettingsView => ({ reviewWindowDays: s.reviewWindowDays });

/**
 * Settings of case handling (the review window): read by everyone who handles cases, changed
 * by supervisors (the matrix refuses anyone else before this runs), each change audited with
 * its before and after, in the transaction that writes it.
 */
export function caseSettingsHandlers(ctx: DeskContext): CaseSettingsHandlers {
  const { db } = ctx.store;
  return {
    'caseSettings.get': async () => viewOf(await loadSettings(db)),

    'caseSettings.update': async (input, call) =>
      db.transaction().execute(async (trx) => {
        const before = viewOf(await loadSettings(trx));
        if (input.reviewWindowDays !== before.reviewWindowDays) {
          const at = ctx.now().toISOString();
          await writeSetting(trx, settingKeys.reviewWindowDays, input.reviewWindowDays, at);
          await recordAudit(ctx, trx, {
            actorId: call.session.user.id,
            action: 'caseSettings.update',
            detail: { reviewWindowDays: { before: before.reviewWindowDays, after: input.reviewWindowDays } },
          });
        }
        return viewOf(await loadSettings(trx));
      }),
  };
}
