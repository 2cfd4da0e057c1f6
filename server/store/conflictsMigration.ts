import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './migrations.ts';

/**
 * How many acts of each case the fold set aside as conflicts (made at once on two desks, the
 * later no longer possible), for the group's list of cases to settle. Only a case whose history
 * forks (two events name the same parent: written without seeing each other) can hold one:
 * those rows are dropped here and folded again from their events when the store opens
 * (projectMissingCases), as migration 009 does; every other row keeps its count of none.
 */
export function caseConflictsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('case_projection')
        .addColumn('conflict_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      const parentsOfEvents =
        dialect === 'postgres'
          ? sql`events e CROSS JOIN LATERAL jsonb_array_elements_text((e.body::jsonb) -> 'parents') AS p(parent)`
          : sql`events e, json_each(e.body, '$.parents') p`;
      const parent = dialect === 'postgres' ? sql`p.parent` : sql`p.value`;
      await sql`DELETE FROM case_projection WHERE case_id IN (
        SELECT e.case_id FROM ${parentsOfEvents} GROUP BY e.case_id, ${parent} HAVING count(*) > 1
      )`.execute(db);
      // The few cases in conflict, per site: the console's list and its counts read only these.
      await sql`CREATE INDEX case_projection_conflicts ON case_projection (site_id, received_at) WHERE conflict_count > 0`.execute(db);
    },
  };
}
