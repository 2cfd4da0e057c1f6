import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './migrations.ts';

/**
 * Desk prefixes unique in the whole group, so a case number names one case of the group. Before
 * this, each site handed out A, B, … on its own, and two sites' desks may hold one prefix: those
 * keep it (their desks have numbered cases with it), and every desk after the first that took
 * it is marked `shared_prefix`. The index then holds every unmarked prefix once, the first
 * holder's included, so no desk enrolled from now on can take a prefix any desk has.
 */
export const groupPrefixesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('desks')
      .addColumn('shared_prefix', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`UPDATE desks SET shared_prefix = 1 WHERE EXISTS (
      SELECT 1 FROM desks d
      WHERE d.prefix = desks.prefix AND d.id <> desks.id
        AND (d.enrolled_at < desks.enrolled_at OR (d.enrolled_at = desks.enrolled_at AND d.id < desks.id))
    )`.execute(db);
    await sql`CREATE UNIQUE INDEX desks_group_prefix ON desks (prefix) WHERE shared_prefix = 0`.execute(db);
  },
};

/**
 * The site where each case was registered beside the site that holds it (`site_id`): a case
 * transferred to another site counts its intake where it was registered and its handling where
 * it is held, as the desks count it. A case already held takes the sending site of its first
 * transfer, or the site that holds it when it never moved.
 */
export function registeringSiteMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('case_projection').addColumn('registered_site_id', 'integer').execute();
      await sql`UPDATE case_projection SET registered_site_id = coalesce(
        (SELECT t.from_site FROM transfers t WHERE t.case_id = case_projection.case_id ORDER BY t.at, t.event_id LIMIT 1),
        site_id
      )`.execute(db);
      // SQLite cannot make an added column NOT NULL; there the projection always writes it.
      if (dialect === 'postgres') await sql`ALTER TABLE case_projection ALTER COLUMN registered_site_id SET NOT NULL`.execute(db);
      // The per-site cohort of intake, as `case_projection_site_received` is of handling.
      await db.schema
        .createIndex('case_projection_registered_received')
        .on('case_projection')
        .columns(['registered_site_id', 'received_at'])
        .execute();
      // The few cases held elsewhere than where they were registered: the reports' second reading of them.
      await sql`CREATE INDEX case_projection_moved ON case_projection (received_at) WHERE site_id <> registered_site_id`.execute(db);
    },
  };
}
