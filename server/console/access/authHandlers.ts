import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../../core/auth/password.ts';
import { DeskError, invalidField } from '../../../core/deskError.ts';
import { afterFailedLogin, isShutOut, loginPolicy, noLoginAttempts } from '../../../domain/access/loginPolicy.ts';
import { passwordWeakness } from '../../../domain/access/passwordStrength.ts';
import type { GroupRole } from '../../../domain/console/groupRoles.ts';
import {
  clearLoginAttempts,
  deleteSession,
  deleteSessionsOf,
  findAccount,
  findAccountByUsername,
  findLoginAttempts,
  forgetLoginAttempts,
  readGroup,
  saveLoginAttempts,
  updateAccount,
} from '../../store/consoleQueries.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';
import { openConsoleSession } from './consoleSessions.ts';
import { recordGroupAudit } from './groupAudit.ts';

function lockedOut(untilMs: number, now: Date): DeskError {
  const minutes = Math.max(1, Math.ceil((untilMs - now.getTime()) / 60_000));
  return new DeskError('unauthenticated', { key: 'console:error.lockedOut', values: { minutes } });
}

/**
 * Signing in to the console, as at the desk: wrong passwords are counted per place and name
 * (domain/access/loginPolicy.ts), unknown names too, and after several in a row that place is
 * shut out of that name for a while; everyone else still signs in. Counted in the store, so
 * every server process agrees.
 */
export function authHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'> {
  const { db } = ctx;
  // A name without an account is checked against the same scrypt work, so timing does not tell which names exist.
  const stranger = hashPassword(randomBytes(24).toString('base64'));
  const groupName = async () => (await readGroup(db))?.name ?? '';

  return {
    'auth.login': async (input, call) => {
      const now = ctx.now();
      const before = await findLoginAttempts(db, call.source, input.username);
      if (before?.locked_until && Date.parse(before.locked_until) > now.getTime()) {
        await recordGroupAudit(db, now, {
          actor: null,
          action: 'auth.loginRefused',
          target: input.username,
          after: { lockedUntil: before.locked_until },
          source: call.source,
        });
        throw lockedOut(Date.parse(before.locked_until), now);
      }
      const account = await findAccountByUsername(db, input.username);
      const usable = account !== undefined && account.disabled === 0;
      const matches = await verifyPassword(input.password, usable ? account.password_hash : await stranger);
      if (!usable || !matches) {
        const attempts = afterFailedLogin(
          before
            ? {
                failures: before.failures,
                lockouts: before.lockouts,
                lockedUntil: before.locked_until ? Date.parse(before.locked_until) : null,
              }
            : noLoginAttempts,
          now.getTime(),
        );
        // Now and then, the counts of places long gone are dropped: made-up names cannot grow the table without end.
        if (Math.random() < 0.01) {
          const longest = loginPolicy.maxLockoutMinutes * 60_000;
          await forgetLoginAttempts(db, new Date(now.getTime() - 2 * longest).toISOString(), now.toISOString());
        }
        await saveLoginAttempts(db, {
          source: call.source,
          username: input.username,
          failures: attempts.failures,
          lockouts: attempts.lockouts,
          locked_until: attempts.lockedUntil === null ? null : new Date(attempts.lockedUntil).toISOString(),
          updated_at: now.toISOString(),
        });
        await recordGroupAudit(db, now, {
          actor: null,
          action: 'auth.loginFailed',
          target: input.username,
          after: { failures: attempts.failures },
          source: call.source,
        });
        if (isShutOut(attempts, now.getTime()) && attempts.lockedUntil !== null) throw lockedOut(attempts.lockedUntil, now);
        throw new DeskError('unauthenticated', { key: 'console:error.badCredentials' });
      }
      await clearLoginAttempts(db, input.username, call.source);
      const { token, expiresAt } = await openConsoleSession(db, account.id, now);
      const user = { id: account.id, username: account.username, displayName: account.display_name, role: account.role as GroupRole };
      await recordGroupAudit(db, now, { actor: user, action: 'auth.login', target: account.id, source: call.source });
      return { token, user, groupName: await groupName(), expiresAt };
    },
    'auth.logout': async (_input, call) => {
      await deleteSession(db, call.session.tokenHash);
      await recordGroupAudit(db, ctx.now(), {
        actor: call.session.user,
        action: 'auth.logout',
        target: call.session.user.id,
        source: call.source,
      });
      return {};
    },
    'auth.me': async (_input, call) => ({ user: call.session.user, groupName: await groupName() }),
    'auth.changePassword': async (input, call) => {
      const account = await findAccount(db, call.session.user.id);
      if (!account || !(await verifyPassword(input.currentPassword, account.password_hash))) {
        throw invalidField('currentPassword', 'console:error.wrongPassword');
      }
      if (passwordWeakness(input.newPassword, account.username) === 'containsUsername') {
        throw invalidField('newPassword', 'field.passwordContainsUsername');
      }
      const now = ctx.now();
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await updateAccount(trx, account.id, { password_hash: passwordHash, updated_at: now.toISOString() });
        // Every other session of the account ends: whoever knew the old password is out.
        await deleteSessionsOf(trx, account.id, call.session.tokenHash);
        await recordGroupAudit(trx, now, {
          actor: call.session.user,
          action: 'auth.changePassword',
          target: account.id,
          source: call.source,
        });
      });
      return {};
    },
  };
}
