import { findUserById } from '../../db/queries/users.ts';
import { recordStrangerAudit } from '../audit/auditBudget.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { sessionUserOf } from '../auth/authHandlers.ts';
import type { DeskContext } from '../deskContext.ts';
import type { AccessGuard } from '../dispatcher.ts';

/**
 * The dispatcher's view of the store: each call sees the user's roles and departments as they
 * are now (an administrator's change applies at once), a disabled account loses its sessions,
 * and every refusal is written to the audit log.
 */
export function createAccessGuard(ctx: DeskContext): AccessGuard {
  const { db } = ctx.store;
  return {
    async currentUser(session) {
      const row = await findUserById(db, session.user.id);
      if (row?.disabled !== 0) return null;
      return sessionUserOf(row);
    },
    denied: ({ actorId, method, target, reason, source }) => {
      const fact = { actorId, action: 'access.denied', target, detail: { method, reason } };
      // A signed-in user's refusals are theirs, each one kept; a stranger's are bounded per place.
      return actorId ? recordAudit(ctx, db, fact) : recordStrangerAudit(ctx, db, source, fact);
    },
  };
}
