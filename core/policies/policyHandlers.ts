import { clearPolicies, readPolicies, writePolicy } from '../../db/queries/policies.ts';
import { recordTypes, severities } from '../../domain/cases/vocabulary.ts';
import type { DeadlinePolicy } from '../../domain/deadlines/deadline.ts';
import { presetPolicy } from '../../domain/deadlines/presets.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';

type PolicyHandlers = Pick<Handlers, 'policies.list' | 'policies.update' | 'policies.reset'>;

/** Deadline policies per record type and severity: the profile's preset unless the desk set its own. */
export function policyHandlers(ctx: DeskContext): PolicyHandlers {
  const { db } = ctx.store;
  return {
    'policies.list': async () => {
      const { profile } = await loadSettings(db);
      const rows = await readPolicies(db);
      const items = recordTypes.flatMap((type) =>
        severities.map((severity) => {
          const row = rows.find((r) => r.type === type && r.severity === severity);
          return {
            type,
            severity,
            policy: row ? (JSON.parse(row.clocks) as DeadlinePolicy) : presetPolicy(profile, severity, type),
            custom: !!row,
          };
        }),
      );
      return { profile, items };
    },

    'policies.update': async (input, call) => {
      const clean = (c: (typeof input)['acknowledge']) => (c.severalDepartments ? c : { unit: c.unit, amount: c.amount });
      const policy: DeadlinePolicy = {
        acknowledge: clean(input.acknowledge),
        feedback: clean(input.feedback),
        resolve: clean(input.resolve),
      };
      for (const clock of ['feedback', 'resolve'] as const) {
        const c = policy[clock];
        if (c.severalDepartments !== undefined && c.severalDepartments < c.amount) {
          throw invalidField(`${clock}.severalDepartments`, 'deadlines:policy.severalShorter');
        }
      }
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
        await clearPolicies(trx);
        await recordAudit(ctx, trx, { actorId: call.session.user.id, action: 'policies.reset' });
      });
      return {};
    },
  };
}
