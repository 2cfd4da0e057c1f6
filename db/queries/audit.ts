import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../schema.ts';

export async function appendAudit(db: Kysely<Database>, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  actorId?: string | undefined;
  /** An exact action (`auth.login`) or an area ending in a dot (`users.`). */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Newest first: only entries before this (at, id). */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

export function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.target',
      'audit_log.detail',
      'users.display_name as actor_name',
    ]);
  if (f.actorId) query = query.where('audit_log.actor_id', '=', f.actorId);
  if (f.action?.endsWith('.')) query = query.where('audit_log.action', 'like', `${f.action}%`);
  else if (f.action) query = query.where('audit_log.action', '=', f.action);
  if (f.from) query = query.where('audit_log.at', '>=', f.from);
  if (f.to) query = query.where('audit_log.at', '<', f.to);
  const before = f.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('audit_log.at', '<', before.at), eb.and([eb('audit_log.at', '=', before.at), eb('audit_log.id', '<', before.id)])]),
    );
  }
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(f.limit).execute();
}
