import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface OfficialYear {
  year: number;
  holidays: { date: string; name: string | null }[];
  makeUpDays: { date: string; name: string | null }[];
}

export async function readCalendar(db: Kysely<Database>) {
  const [years, days, local] = await Promise.all([
    db.selectFrom('calendar_years').selectAll().orderBy('year').execute(),
    db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
    db.selectFrom('calendar_local_days').selectAll().orderBy('date').execute(),
  ]);
  return { years, days, local };
}

export async function coveredYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').execute();
  return rows.map((r) => r.year);
}

/** Replaces the official days of one year: a new notice supersedes the old one completely. */
export async function writeOfficialYear(
  db: Kysely<Database>,
  year: OfficialYear,
  source: { kind: 'bundled' | 'imported'; at: string; by: string | null },
): Promise<void> {
  await db.deleteFrom('calendar_days').where('date', '>=', `${year.year}-01-01`).where('date', '<=', `${year.year}-12-31`).execute();
  const rows = [
    ...year.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name })),
    ...year.makeUpDays.map((d) => ({ date: d.date, kind: 'makeUpDay' as const, name: d.name })),
  ];
  if (rows.length > 0) await db.insertInto('calendar_days').values(rows).execute();
  await db
    .insertInto('calendar_years')
    .values({ year: year.year, source: source.kind, imported_at: source.at, imported_by: source.by })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: source.kind, imported_at: source.at, imported_by: source.by }))
    .execute();
}

export async function writeLocalDay(
  db: Kysely<Database>,
  day: { date: string; kind: 'closure' | 'extraWorkingDay' | null; note: string | null; at: string; by: string },
): Promise<void> {
  if (day.kind === null) {
    await db.deleteFrom('calendar_local_days').where('date', '=', day.date).execute();
    return;
  }
  const values = { kind: day.kind, note: day.note, updated_at: day.at, updated_by: day.by };
  await db
    .insertInto('calendar_local_days')
    .values({ date: day.date, ...values })
    .onConflict((oc) => oc.column('date').doUpdateSet(values))
    .execute();
}
