import type { Kysely } from 'kysely';
import type { CategoriesTable, Database, DepartmentsTable } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

type ReferenceTable = 'departments' | 'categories';

export async function insertDepartment(db: Kysely<Database>, row: DepartmentsTable): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export function listDepartments(db: Kysely<Database>, includeDisabled = false) {
  return listReference(db, 'departments', includeDisabled);
}

/** Departments or categories, oldest first, the disabled ones only when asked for. */
export function listReference(db: Kysely<Database>, table: ReferenceTable, includeDisabled: boolean) {
  let query = db.selectFrom(table).select(['id', 'name', 'parent_id', 'disabled']);
  if (!includeDisabled) query = query.where('disabled', '=', 0);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** The seeded categories' keys, by id. */
export async function categoryCodes(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('categories').select(['id', 'code']).where('code', 'is not', null).execute();
  return new Map(rows.flatMap((r) => (r.code ? [[r.id, r.code] as const] : [])));
}

export function findReference(db: Kysely<Database>, table: ReferenceTable, id: string) {
  return db.selectFrom(table).select(['id', 'name', 'parent_id', 'disabled']).where('id', '=', id).executeTakeFirst();
}

/** Renames, moves, disables or enables a department or category, bumping its version. */
export async function updateReference(
  db: Kysely<Database>,
  table: ReferenceTable,
  id: string,
  changes: { name?: string; parent_id?: string | null; disabled?: number },
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Active children of a department or category: a parent with children cannot be disabled or nested. */
export async function countActiveChildren(db: Kysely<Database>, table: ReferenceTable, id: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const enabledDepartment = compiledOnce((db, v: { id: string }) =>
  db.selectFrom('departments').select('id').where('id', '=', v.id).where('disabled', '=', 0),
);

export async function departmentExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await enabledDepartment(db, { id })).length > 0;
}

export async function insertCategory(db: Kysely<Database>, row: CategoriesTable): Promise<void> {
  await db.insertInto('categories').values(row).execute();
}
