import type { GroupAuditEntry } from '../../../domain/console/accessViews.ts';
import { listGroupAudit } from '../../store/consoleQueries.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';

const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** The group's audit log, newest first, a page at a time. */
export function auditHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'audit.list'> {
  return {
    'audit.list': async (input) => {
      const limit = input.limit ?? 50;
      const rows = await listGroupAudit(ctx.db, { before: input.before, limit: limit + 1, action: input.action || undefined });
      const items: GroupAuditEntry[] = rows.slice(0, limit).map((r) => ({
        id: Number(r.id),
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        target: r.target,
        before: parsed(r.before),
        after: parsed(r.after),
        source: r.source,
      }));
      return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}
