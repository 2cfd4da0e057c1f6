import type { Kysely } from 'kysely';
import type { CategoriesTable, Database, DepartmentsTable } from '../schema.ts';

export async function insertDepartment(db: Kysely<Database>, row: DepartmentsTable): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export function listDepartments(db: Kysely<Database>) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'parent_id'])
    .where('disabled', '=', 0)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function departmentExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('departments').select('id').where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
  return row !== undefined;
}

export async function insertCategory(db: Kysely<Database>, row: CategoriesTable): Promise<void> {
  await db.insertInto('categories').values(row).execute();
}
