import type { Insertable, Kysely } from 'kysely';
import type { GroupAccountsTable, GroupAuditTable, GroupLoginAttemptsTable, ServerDatabase } from './schema.ts';

/** The console's group, accounts, sessions, wrong passwords and audit log. */
type Db = Kysely<ServerDatabase>;

export const readGroup = (db: Db) => db.selectFrom('group_info').selectAll().where('id', '=', 1).executeTakeFirst();

export const insertGroup = (db: Db, name: string, at: string) =>
  db.insertInto('group_info').values({ id: 1, name, created_at: at }).execute();

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('group_accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'group_admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const listAccounts = (db: Db) => db.selectFrom('group_accounts').selectAll().orderBy('username').execute();
export const findAccount = (db: Db, id: string) => db.selectFrom('group_accounts').selectAll().where('id', '=', id).executeTakeFirst();
export const findAccountByUsername = (db: Db, username: string) =>
  db.selectFrom('group_accounts').selectAll().where('username', '=', username).executeTakeFirst();
export const insertAccount = (db: Db, row: Insertable<GroupAccountsTable>) => db.insertInto('group_accounts').values(row).execute();
export const updateAccount = (db: Db, id: string, changes: Partial<Omit<GroupAccountsTable, 'id' | 'username' | 'created_at'>>) =>
  db.updateTable('group_accounts').set(changes).where('id', '=', id).execute();

export const insertSession = (
  db: Db,
  row: { token_hash: string; account_id: string; created_at: string; expires_at: string; ends_at: string },
) => db.insertInto('group_sessions').values(row).execute();

export const findSession = (db: Db, tokenHash: string) =>
  db.selectFrom('group_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const touchSession = (db: Db, tokenHash: string, expiresAt: string) =>
  db.updateTable('group_sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();

export const deleteSession = (db: Db, tokenHash: string) => db.deleteFrom('group_sessions').where('token_hash', '=', tokenHash).execute();

/** Ends every session of an account (but `except`): it was disabled, or its password changed. */
export const deleteSessionsOf = (db: Db, accountId: string, except?: string) => {
  let q = db.deleteFrom('group_sessions').where('account_id', '=', accountId);
  if (except !== undefined) q = q.where('token_hash', '!=', except);
  return q.execute();
};

/** Sessions past their time, whose rows nothing will read again. */
export const deleteEndedSessions = (db: Db, now: string) =>
  db
    .deleteFrom('group_sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('ends_at', '<', now)]))
    .execute();

export const findLoginAttempts = (db: Db, source: string, username: string) =>
  db.selectFrom('group_login_attempts').selectAll().where('source', '=', source).where('username', '=', username).executeTakeFirst();

export const saveLoginAttempts = (db: Db, row: GroupLoginAttemptsTable) =>
  db
    .insertInto('group_login_attempts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['source', 'username']).doUpdateSet({
        failures: row.failures,
        lockouts: row.lockouts,
        locked_until: row.locked_until,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export const clearLoginAttempts = (db: Db, username: string, source?: string) => {
  let q = db.deleteFrom('group_login_attempts').where('username', '=', username);
  if (source !== undefined) q = q.where('source', '=', source);
  return q.execute();
};

/** When the last place shut out of each name may try again. */
export const lockedNames = (db: Db, now: string) =>
  db
    .selectFrom('group_login_attempts')
    .select(['username', (eb) => eb.fn.max('locked_until').as('until')])
    .where('locked_until', '>', now)
    .groupBy('username')
    .execute();

export const insertGroupAudit = (db: Db, row: Insertable<GroupAuditTable>) => db.insertInto('group_audit').values(row).execute();

export function listGroupAudit(db: Db, options: { before?: number | undefined; limit: number; action?: string | undefined }) {
  let q = db.selectFrom('group_audit').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.before !== undefined) q = q.where('id', '<', options.before);
  if (options.action) q = q.where('action', '=', options.action);
  return q.execute();
}

/** The names of records the audit log mentions: accounts by username, sites and desks by name. */
export const accountNames = (db: Db, ids: readonly string[]) =>
  db.selectFrom('group_accounts').select(['id', 'username as name']).where('id', 'in', ids).execute();
export const siteNames = (db: Db, ids: readonly number[]) => db.selectFrom('sites').select(['id', 'name']).where('id', 'in', ids).execute();
export const deskNames = (db: Db, ids: readonly string[]) => db.selectFrom('desks').select(['id', 'name']).where('id', 'in', ids).execute();

/** Rows of one kind a place without a session made the log write since `since`. */
export async function countStrangerRows(db: Db, source: string, action: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('group_audit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .where('source', '=', source)
    .where('actor_id', 'is', null)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Wrong-password counts nobody will read again: not shut out, and untouched for longer than the longest shut-out. */
export const forgetLoginAttempts = (db: Db, before: string, now: string) =>
  db
    .deleteFrom('group_login_attempts')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
