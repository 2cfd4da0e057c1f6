import { appendAudit } from '../../db/queries/audit.ts';
import { departmentExists } from '../../db/queries/departments.ts';
import { findUserByUsername, insertUser } from '../../db/queries/users.ts';
import { hashPassword } from '../auth/password.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

/**
 * A minimal `users.create` for administrators, so handlers and supervisors can exist before
 * user administration (issue 6) lands; that issue owns and replaces it.
 */
export function createUserHandlers(ctx: DeskContext): Pick<Handlers, 'users.create'> {
  const { db } = ctx.store;
  return {
    'users.create': async (input, call) => {
      if (!call.session.user.roles.includes('admin')) throw new DeskError('forbidden', { key: 'forbidden' });
      for (const [i, dep] of (input.departmentIds ?? []).entries()) {
        if (!(await departmentExists(db, dep))) throw invalidField(`departmentIds.${i}`, 'field.unknownDepartment');
      }
      const passwordHash = await hashPassword(input.password);
      const id = ctx.newId();
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (await findUserByUsername(trx, input.username)) throw invalidField('username', 'handling:field.usernameTaken');
        await insertUser(trx, {
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          roles: JSON.stringify([...new Set(input.roles)]),
          department_ids: JSON.stringify([...new Set(input.departmentIds ?? [])]),
          disabled: 0,
          created_at: at,
          version: 1,
        });
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'users.create',
          target: id,
          detail: JSON.stringify({ username: input.username, roles: input.roles, departmentIds: input.departmentIds ?? [] }),
        });
      });
      return { id };
    },
  };
}
