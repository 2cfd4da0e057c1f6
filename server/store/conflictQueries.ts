import { type Kysely, sql } from 'kysely';
import { type CaseLineRow, caseLineColumns } from './reportQueries.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/** How many cases of each site hold an act set aside as a conflict (sites with none are left out). */
export async function conflictCounts(db: Db): Promise<{ siteId: number; cases: number }[]> {
  const rows = await db
    .selectFrom('case_projection')
    .select(['site_id', (eb) => eb.fn.countAll().as('n')])
    .where('conflict_count', '>', 0)
    .groupBy('site_id')
    .orderBy('site_id')
    .execute();
  return rows.map((r) => ({ siteId: Number(r.site_id), cases: Number(r.n) }));
}

/** The cases in conflict, of one site or all, newest first, at most `limit`. */
export async function conflictCases(db: Db, siteId: number | undefined, limit: number): Promise<CaseLineRow[]> {
  const site = siteId === undefined ? sql`` : sql`AND c.site_id = ${siteId}`;
  const result = await sql<CaseLineRow>`
    SELECT ${sql.join(caseLineColumns.map((col) => sql.ref(col)))}
    FROM case_projection c
    WHERE c.conflict_count > 0 ${site}
    ORDER BY c.received_at DESC, c.case_id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}
