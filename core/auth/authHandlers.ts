import { findUserById, findUserByUsername, type UserRow, updateUser } from '../../db/queries/users.ts';
import { isLockedOut, lockedUntilAfterFailure } from '../../domain/access/loginPolicy.ts';
import { passwordWeakness } from '../../domain/access/passwordStrength.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import type { Role } from '../../domain/cases/vocabulary.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { hashPassword, verifyPassword } from './password.ts';

type AuthHandlers = Pick<Handlers, 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'>;

export function sessionUserOf(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    departmentIds: JSON.parse(row.department_ids) as string[],
  };
}

function lockedOut(until: string | null, now: Date): DeskError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until ?? '') - now.getTime()) / 60_000));
  return new DeskError('unauthenticated', { key: 'access:lockedOut', values: { minutes } });
}

export function authHandlers(ctx: DeskContext): AuthHandlers {
  const { db } = ctx.store;

  /**
   * Checks a username and password, counting wrong passwords: after several in a row the
   * account is shut for a while, whatever is typed. Used by sign-in and by unlocking.
   */
  async function checkCredentials(username: string, password: string, via: string): Promise<UserRow> {
    const now = ctx.now();
    const row = await findUserByUsername(db, username);
    if (row && row.disabled === 0 && isLockedOut(row.locked_until, now)) {
      await recordAudit(ctx, db, {
        actorId: row.id,
        action: 'auth.loginRefused',
        detail: { username, via, lockedUntil: row.locked_until },
      });
      throw lockedOut(row.locked_until, now);
    }
    const valid = row !== undefined && row.disabled === 0 && (await verifyPassword(password, row.password_hash));
    if (!row || !valid) {
      let lockedUntil: string | null = null;
      if (row && row.disabled === 0) {
        // A lockout that has run out starts the count again.
        const before = row.locked_until ? 0 : row.failed_logins;
        const next = lockedUntilAfterFailure(before, now);
        lockedUntil = next.lockedUntil;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('users')
            .set({ failed_logins: next.failures, locked_until: next.lockedUntil })
            .where('id', '=', row.id)
            .execute();
          await recordAudit(ctx, trx, { actorId: row.id, action: 'auth.loginFailed', detail: { username, via, failures: next.failures } });
          if (lockedUntil) await recordAudit(ctx, trx, { actorId: row.id, action: 'auth.lockedOut', detail: { until: lockedUntil } });
        });
      } else {
        await recordAudit(ctx, db, { actorId: row?.id ?? null, action: 'auth.loginFailed', detail: { username, via } });
      }
      if (lockedUntil) throw lockedOut(lockedUntil, now);
      // One message for unknown user and wrong password: the screen must not reveal which accounts exist.
      throw new DeskError('unauthenticated', { key: 'loginFailed' });
    }
    if (row.failed_logins !== 0 || row.locked_until !== null) {
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    }
    return row;
  }

  return {
    'auth.login': async (input) => {
      const row = await checkCredentials(input.username, input.password, 'login');
      const session = ctx.sessions.open(sessionUserOf(row));
      await recordAudit(ctx, db, { actorId: row.id, action: 'auth.login' });
      return { token: session.token, user: session.user };
    },

    'auth.logout': async (_input, call) => {
      ctx.sessions.close(call.session.token);
      await recordAudit(ctx, db, { actorId: call.session.user.id, action: 'auth.logout' });
      return {};
    },

    'auth.me': async (_input, call) => ({ user: call.session.user, locked: call.session.locked }),

    'auth.lock': async (_input, call) => {
      if (!call.session.locked) {
        call.session.locked = true;
        await recordAudit(ctx, db, { actorId: call.session.user.id, action: 'auth.lock' });
      }
      return {};
    },

    'auth.unlock': async (input, call) => {
      const row = await checkCredentials(input.username, input.password, 'unlock');
      const previous = call.session;
      if (row.id === previous.user.id) {
        previous.locked = false;
        await recordAudit(ctx, db, { actorId: row.id, action: 'auth.unlock' });
        return { token: previous.token, user: previous.user, switched: false };
      }
      // Someone else at the locked desk: the first user is signed out, their unsaved work is gone.
      ctx.sessions.close(previous.token);
      const session = ctx.sessions.open(sessionUserOf(row));
      await db.transaction().execute(async (trx) => {
        await recordAudit(ctx, trx, { actorId: previous.user.id, action: 'auth.logout', detail: { reason: 'switchedUser', to: row.id } });
        await recordAudit(ctx, trx, { actorId: row.id, action: 'auth.login', detail: { switchedFrom: previous.user.id } });
      });
      return { token: session.token, user: session.user, switched: true };
    },

    'auth.changePassword': async (input, call) => {
      const row = await findUserById(db, call.session.user.id);
      if (!row || !(await verifyPassword(input.currentPassword, row.password_hash))) {
        await recordAudit(ctx, db, { actorId: call.session.user.id, action: 'auth.changePasswordFailed' });
        throw invalidField('currentPassword', 'field.wrongPassword');
      }
      if (passwordWeakness(input.newPassword, row.username) === 'containsUsername') {
        throw invalidField('newPassword', 'field.passwordContainsUsername');
      }
      if (input.newPassword === input.currentPassword) throw invalidField('newPassword', 'field.passwordUnchanged');
      const hash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, row.id, { password_hash: hash, password_changed_at: ctx.now().toISOString() });
        await recordAudit(ctx, trx, { actorId: row.id, action: 'auth.changePassword', target: row.id });
      });
      ctx.sessions.closeAllOf(row.id, call.session.token);
      return {};
    },
  };
}
