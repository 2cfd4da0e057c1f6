import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, UsersTable } from '../schema.ts';

export type UserRow = Selectable<UsersTable>;

export async function insertUser(db: Kysely<Database>, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function displayNamesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function listUsers(db: Kysely<Database>, includeDisabled: boolean): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll();
  if (!includeDisabled) query = query.where('disabled', '=', 0);
  return query.orderBy('disabled').orderBy('created_at').orderBy('id').execute();
}

/** Changes a user, bumping its version; false when the user does not exist. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Omit<Updateable<UsersTable>, 'id' | 'version' | 'created_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Active administrators other than `exceptId`: the desk must always keep one. */
export async function countOtherActiveAdmins(db: Kysely<Database>, exceptId: string): Promise<number> {
  const rows = await db.selectFrom('users').select(['id', 'roles']).where('disabled', '=', 0).where('id', '!=', exceptId).execute();
  return rows.filter((r) => (JSON.parse(r.roles) as string[]).includes('admin')).length;
}
