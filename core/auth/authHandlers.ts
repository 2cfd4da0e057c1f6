import { appendAudit } from '../../db/queries/audit.ts';
import { findUserByUsername, type UserRow } from '../../db/queries/users.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import type { Role } from '../../domain/cases/vocabulary.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { verifyPassword } from './password.ts';

type AuthHandlers = Pick<Handlers, 'auth.login' | 'auth.logout' | 'auth.me'>;

export function sessionUserOf(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: JSON.parse(row.roles) as Role[] };
}

export function authHandlers(ctx: DeskContext): AuthHandlers {
  const { db } = ctx.store;
  const audit = (action: string, actorId: string | null, detail: Record<string, unknown>) =>
    appendAudit(db, {
      id: ctx.newId(),
      at: ctx.now().toISOString(),
      actor_id: actorId,
      action,
      target: null,
      detail: JSON.stringify(detail),
    });

  return {
    'auth.login': async (input) => {
      const row = await findUserByUsername(db, input.username);
      const valid = row !== undefined && row.disabled === 0 && (await verifyPassword(input.password, row.password_hash));
      if (!row || !valid) {
        await audit('auth.loginFailed', row?.id ?? null, { username: input.username });
        // One message for unknown user and wrong password: the screen must not reveal which accounts exist.
        throw new DeskError('unauthenticated', { key: 'loginFailed' });
      }
      const session = ctx.sessions.open(sessionUserOf(row));
      await audit('auth.login', row.id, {});
      return { token: session.token, user: session.user };
    },

    'auth.logout': async (_input, call) => {
      ctx.sessions.close(call.session.token);
      await audit('auth.logout', call.session.user.id, {});
      return {};
    },

    'auth.me': async (_input, call) => ({ user: call.session.user }),
  };
}
