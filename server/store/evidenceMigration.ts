import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

/**
 * Evidence files a site's desks uploaded, by SHA-256 and site: the same photo in two sites is
 * two rows, so a desk is only ever answered from its own site's files. `content` holds the
 * bytes where the server has no folder of its own (PostgreSQL: every process of the group
 * reaches the same database, not the same disk); with `--data DIR` the bytes are files under
 * `DIR/evidence` and `content` stays empty. Independent of every other server migration.
 */
export function evidenceMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('evidence')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('desk_id', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob')
        .addPrimaryKeyConstraint('evidence_key', ['site_id', 'sha256'])
        .execute();
    },
  };
}
