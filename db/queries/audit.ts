import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../schema.ts';

export async function appendAudit(db: Kysely<Database>, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

const insertAudit = 'INSERT INTO audit_log (id, at, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)';

/**
 * Appends the audit row of a look at data (a case opened), committed without waiting for the disk:
 * under synchronous=FULL that wait was most of the time of opening a case. The row is in the
 * write-ahead log when this returns, so it survives the desk's crash; a power cut before the
 * next change of the store (committed with FULL, which makes the log durable up to it) or the
 * next checkpoint can lose it. The connection is held (kysely's mutex) and nothing awaits
 * between the pragmas, so no other write commits under the lighter setting.
 */
export async function appendLookAudit(db: Kysely<Database>, sqlite: Sqlite.Database, row: AuditLogTable): Promise<void> {
  await db.connection().execute(async () => {
    const values = [row.id, row.at, row.actor_id, row.action, row.target, row.detail];
    if (sqlite.inTransaction) {
      sqlite.prepare(insertAudit).run(values);
      return;
    }
    const level = sqlite.pragma('synchronous', { simple: true }) as number;
    sqlite.pragma('synchronous = NORMAL');
    try {
      sqlite.prepare(insertAudit).run(values);
    } finally {
      sqlite.pragma(`synchronous = ${level}`);
    }
  });
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
    // A target is one of these records, or a thing without a row (a period, a folder, a method).
    .leftJoin('cases as target_case', 'target_case.id', 'audit_log.target')
    .leftJoin('users as target_user', 'target_user.id', 'audit_log.target')
    .leftJoin('departments as target_department', 'target_department.id', 'audit_log.target')
    .leftJoin('categories as target_category', 'target_category.id', 'audit_log.target')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.target',
      'audit_log.detail',
      'users.display_name as actor_name',
      'target_case.number as target_case_number',
      'target_user.display_name as target_user_name',
      'target_department.name as target_department_name',
      'target_category.name as target_category_name',
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

/** What each id is called, for records an audit detail names: a case's number, anyone else's name. */
export async function namesOfRecords(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const list = [...ids];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('id', 'in', list)
    .unionAll(db.selectFrom('departments').select(['id', 'name']).where('id', 'in', list))
    .unionAll(db.selectFrom('categories').select(['id', 'name']).where('id', 'in', list))
    .unionAll(db.selectFrom('cases').select(['id', 'number as name']).where('id', 'in', list))
    .execute();
  for (const r of rows) names.set(r.id, r.name);
  return names;
}
