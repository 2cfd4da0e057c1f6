import { type Kysely, type Migration, sql } from 'kysely';
import { rebuildCaseRollups } from './caseRollups.ts';
import type { Dialect } from './migrations.ts';
import { runningClocksOf, runningDueOf, workNames } from './openWorkQueries.ts';
import { countNames } from './reportQueries.ts';
import type { ServerDatabase } from './schema.ts';

/** The expression the digits of a case's search text are indexed by (pg_trgm): searchQueries.ts asks it verbatim. */
export const searchDigits = "regexp_replace(search_text, '[^0-9]+', ' ', 'g')";

/**
 * The group's report roll-ups (server/store/caseRollups.ts), counted from the projection as it
 * stands; the index of the cases with a clock still running (read beside the roll-ups); and on
 * PostgreSQL a trigram index of the digits of each case's search text, so a phone's or a
 * number's fragment is answered from its own candidates (the pairs of digits are in most cases).
 */
export function caseRollupsMigration(dialect: Dialect): Migration {
  return {
    async up(unknownDb: Kysely<unknown>) {
      const db = unknownDb as Kysely<ServerDatabase>;
      let table = db.schema
        .createTable('case_rollups')
        .addColumn('site_id', 'integer', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('cohort_rows', 'integer', (c) => c.notNull().defaultTo(0));
      // Integers: a site's day holds far fewer than 2^31 of anything, and PostgreSQL sums integers without numeric's arithmetic.
      for (const name of [...countNames, ...workNames]) table = table.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
      await table.addPrimaryKeyConstraint('case_rollups_key', ['dimension', 'day', 'site_id', 'key']).execute();
      await sql`CREATE INDEX case_projection_running ON case_projection (received_at) WHERE ${sql.raw(runningClocksOf(''))}`.execute(db);
      await sql`CREATE INDEX case_projection_running_due ON case_projection ((${sql.raw(runningDueOf(''))})) WHERE ${sql.raw(runningClocksOf(''))}`.execute(
        db,
      );
      if (dialect === 'postgres') {
        // pg_trgm is trusted (PostgreSQL 13+), so the database's owner may add it; a server whose
        // role may not goes on without the index: the search asks the same, unindexed.
        await sql`SAVEPOINT trigrams`.execute(db);
        try {
          await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
          await sql`CREATE INDEX case_projection_digits ON case_projection USING gin ((${sql.raw(searchDigits)}) gin_trgm_ops)`.execute(db);
          await sql`RELEASE SAVEPOINT trigrams`.execute(db);
        } catch {
          await sql`ROLLBACK TO SAVEPOINT trigrams`.execute(db);
        }
      }
      await rebuildCaseRollups(db);
    },
  };
}
