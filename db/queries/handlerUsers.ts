import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { departmentIdsOf } from './users.ts';

/** Active users with the handler role, optionally only those of one department: the assignment picker. */
export async function listHandlers(db: Kysely<Database>, departmentId?: string) {
  let q = db
    .selectFrom('users')
    .select(['id', 'display_name', 'department_ids'])
    .where('disabled', '=', 0)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(users.roles) WHERE json_each.value = 'handler')`);
  if (departmentId)
    q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(users.department_ids) WHERE json_each.value = ${departmentId})`);
  return (await q.orderBy('display_name').execute()).map((r) => ({ ...r, department_ids: departmentIdsOf(r.department_ids) }));
}
