import { writeSetting } from '../../db/queries/settings.ts';
import { readSyncConfig } from '../../db/queries/sync.ts';
import { workingHoursProblem } from '../../domain/deadlines/workingHours.ts';
import type { DeskSettingsView, SettingsSection } from '../../domain/settings/deskSettings.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { periodsOf } from '../deadlines/deskTime.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettingSections, loadSettings, nextNumberExample, sectionStorageKeys } from '../settings.ts';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

/**
 * The desk's settings, every section in one read and any of them in one change. Who may change
 * which section is the permission matrix's, checked before this runs; each change is audited
 * as `section.field: { before, after }` in the transaction that writes it.
 */
export function settingsHandlers(ctx: DeskContext): SettingsHandlers {
  const { db } = ctx.store;
  const view = async (trx: typeof db): Promise<DeskSettingsView> => {
    const [sections, flat, sync] = await Promise.all([loadSettingSections(trx), loadSettings(trx), readSyncConfig(trx)]);
    return { ...sections, nextNumberExample: nextNumberExample(flat, ctx.now()), sitePrefix: sync?.prefix ?? null };
  };
  return {
    'settings.get': () => view(db),

    'settings.update': async (input, call) => {
      const hours = input.deadlines?.workingHours;
      const problem = hours ? workingHoursProblem(periodsOf(hours)) : null;
      if (problem) throw invalidField('deadlines.workingHours', `deadlines:settings.hours_${problem}`);
      const at = ctx.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await loadSettingSections(trx);
        // A desk of a sync site numbers with the prefix the site gave it: its own cannot be changed meanwhile.
        const prefix = input.desk?.deskPrefix;
        if (prefix !== undefined && prefix !== before.desk.deskPrefix && (await readSyncConfig(trx))) {
          throw invalidField('desk.deskPrefix', 'access:admin.settings.prefixFromSiteRefused');
        }
        const changed: Record<string, { before: unknown; after: unknown }> = {};
        for (const [section, values] of Object.entries(input) as [SettingsSection, Record<string, unknown> | undefined][]) {
          const was = before[section] as Record<string, unknown>;
          const keys = sectionStorageKeys[section] as Record<string, string>;
          for (const [field, value] of Object.entries(values ?? {})) {
            const key = keys[field];
            if (value === undefined || key === undefined || JSON.stringify(value) === JSON.stringify(was[field])) continue;
            await writeSetting(trx, key, value, at);
            changed[`${section}.${field}`] = { before: was[field], after: value };
          }
        }
        if (Object.keys(changed).length > 0) {
          await recordAudit(ctx, trx, { at, actorId: call.session.user.id, action: 'settings.update', detail: changed });
        }
        return view(trx);
      });
    },
  };
}
