import { clearPolicies, readPolicies, writePolicy } from '../../db/queries/policies.ts';
import { groupOwnedKeys } from '../../db/queries/referenceSync.ts';
import { recordTypes, severities } from '../../domain/cases/vocabulary.ts';
import type { DeadlinePolicy } from '../../domain/deadlines/deadline.ts';
import { policyFromInput } from '../../domain/deadlines/policyInput.ts';
import { presetPolicy } from '../../domain/deadlines/presets.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { refuseGroupRecord } from '../sync/groupRecords.ts';

type PolicyHandlers = Pick<Handlers, 'policies.list' | 'policies.update' | 'policies.reset'>;

/**
 * Deadline policies per record type and severity: the profile's preset unless the desk set its
 * own, or the group set one for the profile (read-only here, and kept by a reset).
 */
export function policyHandlers(ctx: DeskContext): PolicyHandlers {
  const { db } = ctx.store;
  return {
    'policies.list': async () => {
      const { profile } = await loadSettings(db);
      const [rows, group] = await Promise.all([readPolicies(db), groupOwnedKeys(db, 'policy')]);
      const items = recordTypes.flatMap((type) =>
        severities.map((severity) => {
          const row = rows.find((r) => r.type === type && r.severity === severity);
          return {
            type,
            severity,
            policy: row ? (JSON.parse(row.clocks) as DeadlinePolicy) : presetPolicy(profile, severity, type),
            custom: !!row,
            group: group.has(`${type}|${severity}`),
          };
        }),
      );
      return { profile, items };
    },

    'policies.update': async (input, call) => {
      await refuseGroupRecord(db, 'policy', `${input.type}|${input.severity}`);
      const checked = policyFromInput(input);
      if (!checked.ok) throw invalidField(checked.field, 'deadlines:policy.severalShorter');
      const { policy } = checked;
      await db.transaction().execute(async (trx) => {
        const at = ctx.now().toISOString();
        await writePolicy(trx, {
          type: input.type,
          severity: input.severity,
          clocks: JSON.stringify(policy),
          at,
          by: call.session.user.id,
        });
        await recordAudit(ctx, trx, {
          at,
          actorId: call.session.user.id,
          action: 'policies.update',
          target: `${input.type}/${input.severity}`,
          detail: { ...policy },
        });
      });
      return {};
    },

    'policies.reset': async (_input, call) => {
      await db.transaction().execute(async (trx) => {
        await clearPolicies(trx, [...(await groupOwnedKeys(trx, 'policy'))]);
        await recordAudit(ctx, trx, { actorId: call.session.user.id, action: 'policies.reset' });
      });
      return {};
    },
  };
}
