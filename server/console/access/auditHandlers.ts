import type { Kysely } from 'kysely';
import type { GroupAuditEntry } from '../../../domain/console/accessViews.ts';
import { accountNames, deskNames, listGroupAudit, siteNames } from '../../store/consoleQueries.ts';
import type { ServerDatabase } from '../../store/schema.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';

const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const methodOf = (after: unknown) => {
  const method = (after as { method?: unknown } | null)?.method;
  return typeof method === 'string' ? method : '';
};

/** What kind of record an action's target names, by the action's namespace. */
function kindOf(action: string): 'account' | 'site' | 'desk' | null {
  if (/^(accounts|auth)\./.test(action) || action === 'setup.init') return 'account';
  if (action.startsWith('sites.') && action !== 'sites.revokeCode') return 'site';
  if (action.startsWith('desks.')) return 'desk';
  return null;
}

/** The names of the accounts, sites and desks a page of the log mentions, read in at most three queries. */
async function namesOf(db: Kysely<ServerDatabase>, rows: readonly { action: string; target: string | null }[]) {
  const wanted = { account: new Set<string>(), site: new Set<number>(), desk: new Set<string>() };
  for (const r of rows) {
    const kind = kindOf(r.action);
    if (!r.target || !kind) continue;
    if (kind === 'site') {
      const id = Number(r.target);
      if (Number.isSafeInteger(id)) wanted.site.add(id);
    } else wanted[kind].add(r.target);
  }
  const names = new Map<string, string>();
  const found = await Promise.all([
    wanted.account.size > 0 ? accountNames(db, [...wanted.account]) : [],
    wanted.site.size > 0 ? siteNames(db, [...wanted.site]) : [],
    wanted.desk.size > 0 ? deskNames(db, [...wanted.desk]) : [],
  ]);
  (['account', 'site', 'desk'] as const).forEach((kind, i) => {
    for (const row of found[i] ?? []) names.set(`${kind}:${row.id}`, row.name);
  });
  return (action: string, target: string | null) => {
    const kind = kindOf(action);
    return target && kind ? (names.get(`${kind}:${target}`) ?? null) : null;
  };
}

/** The group's audit log, newest first, a page at a time, with the names of the records it mentions. */
export function auditHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'audit.list'> {
  return {
    'audit.list': async (input) => {
      const limit = input.limit ?? 50;
      const rows = (await listGroupAudit(ctx.db, { before: input.before, limit: limit + 1, action: input.action || undefined })).slice(
        0,
        limit + 1,
      );
      const page = rows.slice(0, limit).map((r) => ({ ...r, after: parsed(r.after) }));
      // A refused call names its record as the method it asked for would have.
      const named = page.map((r) => ({ action: r.action === 'access.denied' ? methodOf(r.after) : r.action, target: r.target }));
      const nameOf = await namesOf(ctx.db, named);
      const items: GroupAuditEntry[] = page.map((r, i) => ({
        id: Number(r.id),
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        target: r.target,
        targetName: nameOf(named[i]?.action ?? r.action, r.target),
        before: parsed(r.before),
        after: r.after,
        source: r.source,
      }));
      return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}
