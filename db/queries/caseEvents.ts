import type { Kysely, Selectable } from 'kysely';
import type { CaseEventsTable, Database } from '../schema.ts';

export type CaseEventRow = Selectable<CaseEventsTable>;

export async function insertCaseEvent(db: Kysely<Database>, row: CaseEventsTable): Promise<void> {
  await db.insertInto('case_events').values(row).execute();
}

export function listCaseEvents(db: Kysely<Database>, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function latestHlc(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .executeTakeFirst();
  return row?.hlc ?? null;
}

/** The logs of several cases at once, each in order: for verifying the chain page by page. */
export function listEventsOfCases(db: Kysely<Database>, caseIds: readonly string[]): Promise<CaseEventRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('case_events').selectAll().where('case_id', 'in', caseIds).orderBy('case_id').orderBy('seq').execute();
}

/** The latest event of a type in a case's log. */
export function lastEventOfType(db: Kysely<Database>, caseId: string, type: string): Promise<CaseEventRow | undefined> {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('type', '=', type)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}
