import type { Kysely, Selectable } from 'kysely';
import type { Database, SealedCasesTable, YearSealsTable } from '../schema.ts';

export type YearSealRow = Selectable<YearSealsTable>;
export type SealedCaseRow = Selectable<SealedCasesTable>;

/** The cases received in [from, to): what a year's seal covers, with what it needs to seal them. */
export function casesReceivedBetween(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'seqno', 'number', 'subject', 'status', 'received_at', 'last_seq', 'heads'])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('number')
    .execute();
}

export function findYearSeal(db: Kysely<Database>, year: number): Promise<YearSealRow | undefined> {
  return db.selectFrom('year_seals').selectAll().where('year', '=', year).executeTakeFirst();
}

export function listYearSeals(db: Kysely<Database>): Promise<YearSealRow[]> {
  return db.selectFrom('year_seals').selectAll().orderBy('year', 'desc').execute();
}

export async function insertYearSeal(db: Kysely<Database>, row: YearSealsTable): Promise<void> {
  await db.insertInto('year_seals').values(row).execute();
}

/** In batches: SQLite binds at most 32,766 variables per statement. */
export async function insertSealedCases(db: Kysely<Database>, rows: readonly SealedCasesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000)
    await db
      .insertInto('sealed_cases')
      .values(rows.slice(i, i + 5_000))
      .execute();
}

export function sealedCasesOf(db: Kysely<Database>, year: number): Promise<SealedCaseRow[]> {
  return db.selectFrom('sealed_cases').selectAll().where('year', '=', year).orderBy('number').execute();
}

/** The year a case was sealed in, or undefined while it is not sealed. */
export async function sealedYearOf(db: Kysely<Database>, caseId: string): Promise<number | undefined> {
  const row = await db.selectFrom('sealed_cases').select('year').where('case_id', '=', caseId).executeTakeFirst();
  return row?.year;
}

/** Cases received per desk year, and how many of them are finished: the sealing page's overview. */
export function casesPerYear(db: Kysely<Database>, finished: readonly string[]) {
  return db
    .selectFrom('cases')
    .select((eb) => [
      eb.fn<string>('strftime', [eb.val('%Y'), 'received_at', eb.val('+8 hours')]).as('year'),
      eb.fn.countAll<number>().as('cases'),
      eb.fn.sum<number>(eb.case().when('status', 'in', finished).then(1).else(0).end()).as('finished'),
    ])
    .groupBy('year')
    .orderBy('year', 'desc')
    .execute();
}
