import { writeSetting } from '../../db/queries/settings.ts';
import type { DeskSettingsView } from '../../domain/api/accessViews.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import type { Handlers } from '../dispatcher.ts';
import { type DeskSettings, loadSettings, settingKeys } from '../settings.ts';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

function viewOf(s: DeskSettings): DeskSettingsView {
  return {
    orgName: s.orgName ?? '',
    deskPrefix: s.deskPrefix,
    deskPhone: s.deskPhone,
    printerName: s.printerName,
    language: s.language,
    idleLockMinutes: s.idleLockMinutes,
  };
}

/** The organisation and desk settings page: read by everyone, changed by administrators, audited. */
export function settingsHandlers(ctx: DeskContext): SettingsHandlers {
  const { db } = ctx.store;
  return {
    'settings.get': async () => viewOf(await loadSettings(db)),

    'settings.update': async (input, call) => {
      const at = ctx.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const before = viewOf(await loadSettings(trx));
        const changed: Partial<Record<keyof DeskSettingsView, { before: unknown; after: unknown }>> = {};
        for (const key of Object.keys(input) as (keyof typeof input)[]) {
          const value = input[key];
          if (value === undefined || value === before[key]) continue;
          await writeSetting(trx, settingKeys[key], value, at);
          changed[key] = { before: before[key], after: value };
        }
        if (Object.keys(changed).length > 0) {
          await recordAudit(ctx, trx, { actorId: call.session.user.id, action: 'settings.update', detail: changed });
        }
        return viewOf(await loadSettings(trx));
      });
    },
  };
}
