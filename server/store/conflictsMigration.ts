import { type Kysely, type Migration, sql } from 'kysely';

/**
 * How many acts of each case the fold set aside as conflicts (made at once on two desks, the
 * later no longer possible), for the group's list of cases to settle. The rows are folded again
 * where a conflict can be: a case whose events more than one desk (or the console) wrote, since
 * one desk writes a case's events in a line. Their rows are dropped here and folded again from
 * their events when the store opens (projectMissingCases), as migration 009 does.
 */
export const caseConflictsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('case_projection')
      .addColumn('conflict_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`DELETE FROM case_projection WHERE case_id IN (
      SELECT case_id FROM events GROUP BY case_id HAVING count(DISTINCT desk_id) > 1
    )`.execute(db);
    // The few cases in conflict, per site: the console's list and its counts read only these.
    await sql`CREATE INDEX case_projection_conflicts ON case_projection (site_id, received_at) WHERE conflict_count > 0`.execute(db);
  },
};
