import { randomBytes } from 'node:crypto';
import { findUserById, findUserByUsername, type UserRow, updateUser } from '../../db/queries/users.ts';
import { passwordWeakness } from '../../domain/access/passwordStrength.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import { recordStrangerAudit } from '../audit/auditBudget.ts';
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
    roles: row.roles,
    departmentIds: row.department_ids,
  };
}

function lockedOut(untilMs: number, now: Date): DeskError {
  const minutes = Math.max(1, Math.ceil((untilMs - now.getTime()) / 60_000));
  return new DeskError('unauthenticated', { key: 'access:lockedOut', values: { minutes } });
}

export function authHandlers(ctx: DeskContext): AuthHandlers {
  const { db } = ctx.store;
  // What a name without an account is checked against: the same scrypt work as a real one,
  // so the time of the answer does not tell which names exist.
  const stranger = hashPassword(randomBytes(24).toString('base64'));

  /**
   * Checks a username and password, counting wrong passwords per place and name (unknown names
   * too): after several in a row that place is shut out of that name for a while, whatever it
   * types, and everyone else still signs in. Used by sign-in and by unlocking.
   */
  async function checkCredentials(username: string, password: string, via: string, source: string): Promise<UserRow> {
    const now = ctx.now();
    const shutOutUntil = ctx.loginThrottle.shutOutUntil(source, username);
    if (shutOutUntil !== null) {
      await recordStrangerAudit(ctx, db, source, {
        actorId: null,
        action: 'auth.loginRefused',
        detail: { username, via, lockedUntil: new Date(shutOutUntil).toISOString() },
      });
      throw lockedOut(shutOutUntil, now);
    }
    const row = await findUserByUsername(db, username);
    const usable = row !== undefined && row.disabled === 0;
    const matches = await verifyPassword(password, usable ? row.password_hash : await stranger);
    if (!usable || !matches) {
      const attempts = ctx.loginThrottle.failed(source, username);
      await recordStrangerAudit(ctx, db, source, {
        actorId: row?.id ?? null,
        action: 'auth.loginFailed',
        detail: { username, via, failures: attempts.failures },
      });
      if (attempts.lockedUntil !== null) {
        const until = new Date(attempts.lockedUntil).toISOString();
        await recordStrangerAudit(ctx, db, source, { actorId: row?.id ?? null, action: 'auth.lockedOut', detail: { username, until } });
        throw lockedOut(attempts.lockedUntil, now);
      }
      // One message for unknown user and wrong password: the screen must not reveal which accounts exist.
      throw new DeskError('unauthenticated', { key: 'loginFailed' });
    }
    ctx.loginThrottle.succeeded(source, username);
    return row;
  }

  return {
    'auth.login': async (input, call) => {
      const row = await checkCredentials(input.username, input.password, 'login', call.source);
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
      const row = await checkCredentials(input.username, input.password, 'unlock', call.source);
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
