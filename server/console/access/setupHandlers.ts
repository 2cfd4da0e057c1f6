import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../../core/auth/password.ts';
import { DeskError } from '../../../core/deskError.ts';
import { countActiveAdmins, insertAccount, insertGroup, readGroup } from '../../store/consoleQueries.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';
import { recordGroupAudit } from './groupAudit.ts';

/**
 * The console's first run: whether the group exists, and creating it with its first
 * administrator. Never an open door: `setup.init` needs the one-time token the server printed
 * when it started without an administrator, and refuses once the group exists.
 */
export function setupHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'setup.status' | 'setup.init'> {
  const { db } = ctx;
  return {
    'setup.status': async () => {
      const group = await readGroup(db);
      return { initialized: group !== undefined && (await countActiveAdmins(db)) > 0, groupName: group?.name ?? null };
    },
    'setup.init': async (input, call) => {
      if (!call.setupToken) throw new DeskError('forbidden', { key: 'console:error.setupTokenRequired' });
      const passwordHash = await hashPassword(input.admin.password);
      const at = ctx.now();
      await db.transaction().execute(async (trx) => {
        if ((await readGroup(trx)) || (await countActiveAdmins(trx)) > 0) {
          throw new DeskError('already_initialized', { key: 'console:error.alreadySetUp' });
        }
        await insertGroup(trx, input.groupName, at.toISOString());
        const id = uuidv7();
        await insertAccount(trx, {
          id,
          username: input.admin.username,
          display_name: input.admin.displayName,
          role: 'group_admin',
          password_hash: passwordHash,
          disabled: 0,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        });
        const actor = { id, username: input.admin.username, displayName: input.admin.displayName, role: 'group_admin' as const };
        await recordGroupAudit(trx, at, {
          actor,
          action: 'setup.init',
          target: id,
          after: { groupName: input.groupName, username: input.admin.username, role: 'group_admin' },
          source: call.source,
        });
      });
      ctx.log(`the group ${input.groupName} was set up with its first administrator ${input.admin.username}`);
      return {};
    },
  };
}
