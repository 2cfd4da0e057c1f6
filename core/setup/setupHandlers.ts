import path from 'node:path';
import { appendAudit } from '../../db/queries/audit.ts';
import { insertCategory, insertDepartment } from '../../db/queries/departments.ts';
import { writeSetting } from '../../db/queries/settings.ts';
import { countUsers, insertUser } from '../../db/queries/users.ts';
import { hashPassword } from '../auth/password.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { issueRecoveryKey } from '../keys/deskKeyring.ts';
import { loadSettings, settingKeys } from '../settings.ts';
import { translatorFor } from '../translate.ts';
import { profileDefaults } from './profileDefaults.ts';

type SetupHandlers = Pick<Handlers, 'setup.status' | 'setup.init'>;

export function setupHandlers(ctx: DeskContext): SetupHandlers {
  const { db } = ctx.store;
  return {
    'setup.status': async () => {
      const settings = await loadSettings(db);
      return { initialized: (await countUsers(db)) > 0, orgName: settings.orgName || null };
    },

    'setup.init': async (input, call) => {
      // Hash before the transaction: scrypt is slow and must not hold the store.
      const passwordHash = await hashPassword(input.admin.password);
      const t = translatorFor(call.locale, 'setup');
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        if ((await countUsers(trx)) > 0) throw new DeskError('already_initialized', { key: 'alreadyInitialized' });
        await writeSetting(trx, settingKeys.orgName, input.orgName, at);
        await writeSetting(trx, settingKeys.profile, input.profile, at);
        const adminId = ctx.newId();
        await insertUser(trx, {
          id: adminId,
          username: input.admin.username,
          display_name: input.admin.displayName,
          password_hash: passwordHash,
          // The first account runs a small desk: it administers, supervises and receives.
          roles: ['admin', 'supervisor', 'receptionist'],
          department_ids: [],
          disabled: 0,
          created_at: at,
          version: 1,
        });
        const defaults = profileDefaults[input.profile];
        for (const key of defaults.departments) {
          const name = t(`defaults.departments.${key}`);
          await insertDepartment(trx, { id: ctx.newId(), name, parent_id: null, disabled: 0, created_at: at, version: 1 });
        }
        for (const key of defaults.categories) {
          const name = t(`defaults.categories.${key}`);
          await insertCategory(trx, { id: ctx.newId(), name, code: key, parent_id: null, disabled: 0, created_at: at, version: 1 });
        }
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: adminId,
          action: 'setup.init',
          target: null,
          detail: JSON.stringify({ orgName: input.orgName, profile: input.profile }),
        });
      });
      // An encrypted desk's administrator gets its recovery key now, once: without it a backup
      // cannot be restored on another PC.
      const recoveryKey = ctx.store.key ? issueRecoveryKey(path.dirname(ctx.store.file), ctx.store.key, at) : null;
      return { recoveryKey };
    },
  };
}
