import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { roles as knownRoles, type Role } from '../../domain/cases/vocabulary.ts';
import type { Database, UsersTable } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

/** The columns the store keeps as JSON arrays: parsed and written here, and nowhere else. */
type JsonColumns = 'roles' | 'department_ids';
type StoredUser = Selectable<UsersTable>;

/** A user as the store keeps them, with their roles and departments as arrays. */
export type UserRow = Omit<StoredUser, JsonColumns> & { roles: Role[]; department_ids: string[] };
type NewUser = Omit<Insertable<UsersTable>, JsonColumns> & { roles: readonly Role[]; department_ids: readonly string[] };
type UserChanges = Omit<Updateable<UsersTable>, 'id' | 'version' | 'created_at' | JsonColumns> & {
  roles?: readonly Role[];
  department_ids?: readonly string[];
};

const isRole = (value: unknown): value is Role => (knownRoles as readonly unknown[]).includes(value);

/** The roles a stored JSON array names; a name this version does not know grants nothing. */
export function rolesOf(json: string): Role[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter(isRole) : [];
}

/** The department ids a stored JSON array holds. */
export function departmentIdsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

const userOf = (row: StoredUser): UserRow => ({ ...row, roles: rolesOf(row.roles), department_ids: departmentIdsOf(row.department_ids) });

export async function insertUser(db: Kysely<Database>, row: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({ ...row, roles: JSON.stringify(row.roles), department_ids: JSON.stringify(row.department_ids) })
    .execute();
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row && userOf(row);
}

const userById = compiledOnce((db, v: { id: string }) => db.selectFrom('users').selectAll().where('id', '=', v.id));

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  const [row] = await userById(db, { id });
  return row && userOf(row);
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

/**
 * The desk's accounts, for the users page and the directory. An account retired when the site's
 * account of the same name was kept (`merged-<its id>`) and a stand-in for someone of another
 * desk (`remote-<their id>`) are no one's to manage here: they stay in the store for the audit and
 * the history that name them, and no list shows them.
 */
export async function listUsers(db: Kysely<Database>, includeDisabled: boolean): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where(sql<boolean>`username NOT IN ('merged-' || id, 'remote-' || id)`);
  if (!includeDisabled) query = query.where('disabled', '=', 0);
  return (await query.orderBy('disabled').orderBy('created_at').orderBy('id').execute()).map(userOf);
}

/** Changes a user, bumping its version; false when the user does not exist. */
export async function updateUser(db: Kysely<Database>, id: string, changes: UserChanges): Promise<boolean> {
  const { roles, department_ids, ...rest } = changes;
  const json = {
    ...(roles ? { roles: JSON.stringify(roles) } : {}),
    ...(department_ids ? { department_ids: JSON.stringify(department_ids) } : {}),
  };
  const result = await db
    .updateTable('users')
    .set((eb) => ({ ...rest, ...json, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Active administrators other than `exceptId`: the desk must always keep one. */
export async function countOtherActiveAdmins(db: Kysely<Database>, exceptId: string): Promise<number> {
  const rows = await db.selectFrom('users').select(['id', 'roles']).where('disabled', '=', 0).where('id', '!=', exceptId).execute();
  return rows.filter((r) => rolesOf(r.roles).includes('admin')).length;
}
