import { listAudit, namesOfRecords } from '../../db/queries/audit.ts';
import type { AuditEntry } from '../../domain/api/accessViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

type AuditHandlers = Pick<Handlers, 'audit.list'>;

const defaultPageSize = 100;

// Record ids are UUIDs (v7, also v4 in older rows); nothing else in a detail looks like one.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every id named anywhere in a detail, nested records and lists included. */
function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return uuid.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(idsIn);
  return [];
}

function targetLabelOf(r: Awaited<ReturnType<typeof listAudit>>[number]): AuditEntry['targetLabel'] {
  if (r.target_case_number) return { kind: 'case', text: r.target_case_number };
  if (r.target_user_name) return { kind: 'user', text: r.target_user_name };
  if (r.target_department_name) return { kind: 'department', text: r.target_department_name };
  if (r.target_category_name) return { kind: 'category', text: r.target_category_name };
  return null;
}

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
      const details = page.map((r) => (r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null));
      const names = await namesOfRecords(db, [...new Set(details.flatMap(idsIn))]);
      return {
        names: Object.fromEntries(names),
        items: page.map((r, i) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          target: r.target,
          targetLabel: targetLabelOf(r),
          detail: details[i] ?? null,
        })),
        next: rows.length > limit && last ? `${last.at}|${last.id}` : null,
      };
    },
  };
}
