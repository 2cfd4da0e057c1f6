import type { Kysely } from 'kysely';
import { departmentExists } from '../../db/queries/departments.ts';
import {
  countOtherActiveAdmins,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  type UserRow,
  updateUser,
} from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import { passwordWeakness } from '../../domain/access/passwordStrength.ts';
import type { UserAccount } from '../../domain/api/accessViews.ts';
import type { Role } from '../../domain/cases/vocabulary.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { hashPassword } from '../auth/password.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

type UserHandlers = Pick<
  Handlers,
  'users.directory' | 'users.list' | 'users.create' | 'users.update' | 'users.disable' | 'users.enable' | 'users.resetPassword'
>;

function accountOf(row: UserRow, lockedUntil: number | null = null): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    departmentIds: row.department_ids,
    disabled: row.disabled !== 0,
    lockedUntil: lockedUntil === null ? null : new Date(lockedUntil).toISOString(),
    createdAt: row.created_at,
  };
}

/** A handler belongs to at least one department; departments must exist and be in use. */
async function checkDepartments(
  db: Kysely<Database>,
  roles: readonly Role[],
  departmentIds: readonly string[],
  kept: readonly string[] = [],
) {
  for (const [i, dep] of departmentIds.entries()) {
    if (!kept.includes(dep) && !(await departmentExists(db, dep))) throw invalidField(`departmentIds.${i}`, 'field.unknownDepartment');
  }
  if (roles.includes('handler') && departmentIds.length === 0) throw invalidField('departmentIds', 'field.handlerNeedsDepartment');
}

export function userHandlers(ctx: DeskContext): UserHandlers {
  const { db } = ctx.store;

  async function existing(id: string): Promise<UserRow> {
    const row = await findUserById(db, id);
    if (!row) throw new DeskError('not_found', { key: 'access:userNotFound' });
    return row;
  }

  /** The desk must keep an administrator who can sign in. */
  async function keepAnAdmin(trx: Kysely<Database>, row: UserRow) {
    if (row.roles.includes('admin') && (await countOtherActiveAdmins(trx, row.id)) === 0) {
      throw new DeskError('conflict', { key: 'access:lastAdmin' });
    }
  }

  return {
    'users.directory': async () => {
      const rows = await listUsers(db, false);
      return {
        items: rows.map((r) => {
          const a = accountOf(r);
          return { id: a.id, displayName: a.displayName, roles: a.roles, departmentIds: a.departmentIds };
        }),
      };
    },

    'users.list': async (input) => ({
      items: (await listUsers(db, input.includeDisabled ?? false)).map((r) => accountOf(r, ctx.loginThrottle.lockedUntil(r.username))),
    }),

    'users.create': async (input, call) => {
      const departmentIds = [...new Set(input.departmentIds ?? [])];
      const roles = [...new Set(input.roles)];
      if (await findUserByUsername(db, input.username)) throw invalidField('username', 'field.usernameTaken');
      await checkDepartments(db, roles, departmentIds);
      const hash = await hashPassword(input.password);
      const id = ctx.newId();
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (await findUserByUsername(trx, input.username)) throw invalidField('username', 'field.usernameTaken');
        await insertUser(trx, {
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: hash,
          roles,
          department_ids: departmentIds,
          disabled: 0,
          created_at: at,
          version: 1,
          password_changed_at: at,
        });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'users.create',
          target: id,
          detail: { username: input.username, displayName: input.displayName, roles, departmentIds },
        });
      });
      return { id };
    },

    'users.update': async (input, call) => {
      const row = await existing(input.id);
      const before = accountOf(row);
      const roles = input.roles ? [...new Set(input.roles)] : before.roles;
      const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : before.departmentIds;
      // Only departments newly given must be in use; one disabled since stays until changed.
      await checkDepartments(db, roles, departmentIds, before.departmentIds);
      await db.transaction().execute(async (trx) => {
        if (before.roles.includes('admin') && !roles.includes('admin') && !before.disabled) await keepAnAdmin(trx, row);
        await updateUser(trx, row.id, {
          display_name: input.displayName ?? before.displayName,
          roles,
          department_ids: departmentIds,
        });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'users.update',
          target: row.id,
          detail: {
            before: { displayName: before.displayName, roles: before.roles, departmentIds: before.departmentIds },
            after: { displayName: input.displayName ?? before.displayName, roles, departmentIds },
          },
        });
      });
      return {};
    },

    'users.disable': async (input, call) => {
      const row = await existing(input.id);
      if (row.id === call.session.user.id) throw new DeskError('conflict', { key: 'access:cannotDisableSelf' });
      if (row.disabled !== 0) return {};
      await db.transaction().execute(async (trx) => {
        await keepAnAdmin(trx, row);
        await updateUser(trx, row.id, { disabled: 1 });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'users.disable',
          target: row.id,
          detail: { username: row.username },
        });
      });
      ctx.sessions.closeAllOf(row.id);
      return {};
    },

    'users.enable': async (input, call) => {
      const row = await existing(input.id);
      if (row.disabled === 0) return {};
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, row.id, { disabled: 0 });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'users.enable',
          target: row.id,
          detail: { username: row.username },
        });
      });
      ctx.loginThrottle.clear(row.username);
      return {};
    },

    'users.resetPassword': async (input, call) => {
      const row = await existing(input.id);
      if (passwordWeakness(input.password, row.username) === 'containsUsername') {
        throw invalidField('password', 'field.passwordContainsUsername');
      }
      const hash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, row.id, {
          password_hash: hash,
          password_changed_at: ctx.now().toISOString(),
        });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'users.resetPassword',
          target: row.id,
          detail: { username: row.username },
        });
      });
      // A reset also lifts every shut-out from the name: the administrator has checked who is asking.
      ctx.loginThrottle.clear(row.username);
      if (row.id !== call.session.user.id) ctx.sessions.closeAllOf(row.id);
      return {};
    },
  };
}
