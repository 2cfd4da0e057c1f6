import type { Kysely, Selectable } from 'kysely';
import type { CorrectiveActionsTable, Database } from '../schema.ts';

export type CorrectiveActionRow = Selectable<CorrectiveActionsTable> & {
  case_number: string | null;
  department_name: string | null;
  created_by_name: string;
  verified_by_name: string | null;
};

export async function insertCorrectiveAction(db: Kysely<Database>, row: CorrectiveActionsTable): Promise<void> {
  await db.insertInto('corrective_actions').values(row).execute();
}

function selectActions(db: Kysely<Database>) {
  return db
    .selectFrom('corrective_actions as a')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .leftJoin('users as v', 'v.id', 'a.verified_by')
    .selectAll('a')
    .select([
      'c.number as case_number',
      'd.name as department_name',
      'u.display_name as created_by_name',
      'v.display_name as verified_by_name',
    ]);
}

export interface CorrectiveActionFilter {
  status?: 'open' | 'implemented' | 'closed' | undefined;
  /** Overdue on this local date: the rule is correctiveActionOverdue (domain/reports/analysisLists.ts). */
  dueBefore?: string | undefined;
  caseId?: string | undefined;
  departmentId?: string | undefined;
}

export function listCorrectiveActions(db: Kysely<Database>, f: CorrectiveActionFilter): Promise<CorrectiveActionRow[]> {
  let q = selectActions(db);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.dueBefore) q = q.where('a.status', '<>', 'closed').where('a.due_date', '<', f.dueBefore);
  if (f.caseId) q = q.where('a.case_id', '=', f.caseId);
  if (f.departmentId) q = q.where('a.department_id', '=', f.departmentId);
  return q.orderBy('a.status').orderBy('a.due_date').orderBy('a.id').limit(500).execute();
}

/**
 * Actions that belong in a period's report. The rule is inPeriodReport (domain/reports/analysisLists.ts),
 * which the server applies to the actions it reads from the desks' audit; this is the same in SQL,
 * and db/test/correctiveActionRule.test.ts holds the two to the same answer.
 */
export function correctiveActionsForPeriod(db: Kysely<Database>, range: { from: string; to: string }): Promise<CorrectiveActionRow[]> {
  return selectActions(db)
    .where('a.created_at', '<', range.to)
    .where((eb) => eb.or([eb('a.created_at', '>=', range.from), eb('a.status', '<>', 'closed'), eb('a.verified_at', '>=', range.from)]))
    .orderBy('a.created_at')
    .limit(500)
    .execute();
}

export function findCorrectiveAction(db: Kysely<Database>, id: string): Promise<CorrectiveActionRow | undefined> {
  return selectActions(db).where('a.id', '=', id).executeTakeFirst();
}

export async function updateCorrectiveAction(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  set: Partial<Omit<CorrectiveActionsTable, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('corrective_actions')
    .set({ ...set, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}
