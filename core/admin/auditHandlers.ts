import { listAudit } from '../../db/queries/audit.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

type AuditHandlers = Pick<Handlers, 'audit.list'>;

const defaultPageSize = 100;

/** The audit log viewer: read-only, newest first, filtered by who, what and when. */
export function auditHandlers(ctx: DeskContext): AuditHandlers {
  const { db } = ctx.store;
  return {
    'audit.list': async (input) => {
      const limit = input.limit ?? defaultPageSize;
      let before: { at: string; id: string } | undefined;
      if (input.cursor !== undefined) {
        const [at, id] = input.cursor.split('|');
        if (!at || !id) throw invalidField('cursor', 'field.invalid');
        before = { at, id };
      }
      const rows = await listAudit(db, {
        actorId: input.actorId,
        action: input.action,
        from: input.from ? new Date(input.from).toISOString() : undefined,
        to: input.to ? new Date(input.to).toISOString() : undefined,
        before,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          target: r.target,
          detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
        })),
        next: rows.length > limit && last ? `${last.at}|${last.id}` : null,
      };
    },
  };
}
