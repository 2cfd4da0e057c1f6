import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../../core/auth/password.ts';
import { DeskError, invalidField } from '../../../core/deskError.ts';
import type { GroupAccountView } from '../../../domain/console/accessViews.ts';
import type { GroupRole } from '../../../domain/console/groupRoles.ts';
import {
  clearLoginAttempts,
  countActiveAdmins,
  deleteSessionsOf,
  findAccount,
  findAccountByUsername,
  insertAccount,
  listAccounts,
  lockedNames,
  updateAccount,
} from '../../store/consoleQueries.ts';
import type { GroupAccountsTable } from '../../store/schema.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';
import { recordGroupAudit } from './groupAudit.ts';

/** What the audit log keeps of an account: never its password hash. */
const auditedAccount = (row: GroupAccountsTable) => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled === 1,
});

/**
 * The group's accounts, administered by group administrators: create, change name or role,
 * disable and enable, reset a password. The group always keeps one enabled administrator.
 */
export function accountHandlers(
  ctx: ConsoleContext,
): Pick<
  ConsoleHandlers,
  'accounts.list' | 'accounts.create' | 'accounts.update' | 'accounts.disable' | 'accounts.enable' | 'accounts.resetPassword'
> {
  const { db } = ctx;

  async function existing(trx: typeof db, id: string): Promise<GroupAccountsTable> {
    const row = await findAccount(trx, id);
    if (!row) throw new DeskError('not_found', { key: 'console:error.noAccount' });
    return row;
  }

  /** Refuses a change that would leave the group without an enabled administrator. */
  async function keepOneAdmin(trx: typeof db, row: GroupAccountsTable, after: { role: string; disabled: number }) {
    const wasAdmin = row.role === 'group_admin' && row.disabled === 0;
    const staysAdmin = after.role === 'group_admin' && after.disabled === 0;
    if (wasAdmin && !staysAdmin && (await countActiveAdmins(trx)) <= 1) {
      throw new DeskError('conflict', { key: 'console:error.lastAdmin' });
    }
  }

  return {
    'accounts.list': async () => {
      const now = ctx.now().toISOString();
      const locked = new Map((await lockedNames(db, now)).map((r) => [r.username, r.until]));
      const items: GroupAccountView[] = (await listAccounts(db)).map((row) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role as GroupRole,
        disabled: row.disabled === 1,
        createdAt: row.created_at,
        lockedUntil: locked.get(row.username) ?? null,
      }));
      return { items };
    },
    'accounts.create': async (input, call) => {
      const passwordHash = await hashPassword(input.password);
      const now = ctx.now();
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        if (await findAccountByUsername(trx, input.username)) throw invalidField('username', 'console:error.usernameTaken');
        const row = {
          id,
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: passwordHash,
          disabled: 0,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        };
        await insertAccount(trx, row);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'accounts.create',
          target: id,
          after: auditedAccount(row),
          source: call.source,
        });
      });
      return { id };
    },
    'accounts.update': async (input, call) => {
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const row = await existing(trx, input.id);
        const next = { ...row, display_name: input.displayName ?? row.display_name, role: input.role ?? row.role };
        await keepOneAdmin(trx, row, next);
        await updateAccount(trx, row.id, { display_name: next.display_name, role: next.role, updated_at: now.toISOString() });
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'accounts.update',
          target: row.id,
          before: auditedAccount(row),
          after: auditedAccount(next),
          source: call.source,
        });
      });
      return {};
    },
    'accounts.disable': async (input, call) => {
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const row = await existing(trx, input.id);
        if (row.disabled === 1) return;
        await keepOneAdmin(trx, row, { role: row.role, disabled: 1 });
        await updateAccount(trx, row.id, { disabled: 1, updated_at: now.toISOString() });
        await deleteSessionsOf(trx, row.id);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'accounts.disable',
          target: row.id,
          before: auditedAccount(row),
          after: auditedAccount({ ...row, disabled: 1 }),
          source: call.source,
        });
      });
      return {};
    },
    'accounts.enable': async (input, call) => {
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const row = await existing(trx, input.id);
        if (row.disabled === 0) return;
        await updateAccount(trx, row.id, { disabled: 0, updated_at: now.toISOString() });
        await clearLoginAttempts(trx, row.username);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'accounts.enable',
          target: row.id,
          before: auditedAccount(row),
          after: auditedAccount({ ...row, disabled: 0 }),
          source: call.source,
        });
      });
      return {};
    },
    'accounts.resetPassword': async (input, call) => {
      const passwordHash = await hashPassword(input.password);
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        const row = await existing(trx, input.id);
        if (input.password.toLowerCase().includes(row.username.toLowerCase()) && row.username.length >= 3) {
          throw invalidField('password', 'field.passwordContainsUsername');
        }
        await updateAccount(trx, row.id, { password_hash: passwordHash, updated_at: now.toISOString() });
        await deleteSessionsOf(trx, row.id);
        await clearLoginAttempts(trx, row.username);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'accounts.resetPassword',
          target: row.id,
          source: call.source,
        });
      });
      return {};
    },
  };
}
