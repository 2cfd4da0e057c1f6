import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { caseProjectionMigration } from './caseProjectionMigration.ts';
import { caseRollupsMigration } from './caseRollupsMigration.ts';
import { caseConflictsMigration } from './conflictsMigration.ts';
import { consoleMigration } from './consoleMigration.ts';
import { evidenceMigration } from './evidenceMigration.ts';
import { groupPrefixesMigration, registeringSiteMigration } from './groupIdentityMigration.ts';
import { groupRulesMigration } from './groupRulesMigration.ts';
import { redactCaseEvents } from './removalQueries.ts';
import type { ServerDatabase } from './schema.ts';
import { transferMigration } from './transferMigration.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The server's own migrations, numbered and forward-only, bundled statically (no directory
 * scanning), the same for SQLite and PostgreSQL through kysely's schema builder. Kysely's
 * Migrator takes a lock, so two server processes starting on one PostgreSQL migrate once.
 */
function serverMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001_sync': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sites')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('enrolment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_by', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('desks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('public_key', 'text', (c) => c.notNull())
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('enrolled_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .addUniqueConstraint('desks_site_prefix', ['site_id', 'prefix'])
          .execute();
        await db.schema
          .createTable('nonces')
          .addColumn('desk_id', 'text', (c) => c.notNull())
          .addColumn('nonce', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('nonces_key', ['desk_id', 'nonce'])
          .execute();
        await db.schema.createIndex('nonces_at').on('nonces').column('at').execute();
        await db.schema
          .createTable('cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .execute();
        // The pull path is the key (site, seq); a case's parents are found by (case, hash).
        await db.schema
          .createTable('events')
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('desk_id', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('events_key', ['site_id', 'seq'])
          .addUniqueConstraint('events_case_hash', ['case_id', 'hash'])
          .execute();
      },
    },
    '002_reference_audit': {
      async up(db: Kysely<unknown>) {
        // One row per record of a site, replaced by a newer version; `seq` orders the site's
        // changes for pulls and is unique in the site, so the pull path is an index range.
        await db.schema
          .createTable('reference_records')
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('hlc', 'text', (c) => c.notNull())
          .addColumn('row', 'text')
          .addColumn('desk_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('reference_records_key', ['site_id', 'kind', 'key'])
          .addUniqueConstraint('reference_records_seq', ['site_id', 'seq'])
          .execute();
        // Append-only; an entry's id is its key within its desk, so a batch sent twice adds nothing.
        await db.schema
          .createTable('audit_entries')
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .addColumn('desk_id', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text')
          .addColumn('detail', 'text')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('audit_entries_key', ['desk_id', 'id'])
          .execute();
        await db.schema.createIndex('audit_entries_site_at').on('audit_entries').columns(['site_id', 'at']).execute();
      },
    },
    '003_evidence': evidenceMigration(dialect),
    '004_console': consoleMigration(dialect),
    '005_case_projection': caseProjectionMigration(dialect),
    '006_transfers': transferMigration,
    '007_group_rules': groupRulesMigration(),
    '008_evidence_removals': {
      async up(db: Kysely<unknown>) {
        // A file a removal deleted keeps its row, bytes gone, as the record that it was removed.
        await db.schema.alterTable('evidence').addColumn('removed_at', 'text').execute();
        // One row per case of a site whose data were removed (its kinds widen with a later
        // removal); `seq` orders them for the desks' pulls and is unique in the site.
        await db.schema
          .createTable('removals')
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('kinds', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('removed_by', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('desk_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('removals_key', ['site_id', 'case_id'])
          .addUniqueConstraint('removals_seq', ['site_id', 'seq'])
          .execute();
      },
    },
    '009_redact_removed': {
      async up(unknownDb: Kysely<unknown>) {
        // Removals taken before the server redacted events: their cases' events still held the
        // data. They are redacted now, and their rows dropped, to be folded again from the
        // redacted events when the store opens (projectMissingCases).
        const db = unknownDb as Kysely<ServerDatabase>;
        // A case's terms leave SQLite's full-text index when its row changes, not at some later merge.
        if (dialect === 'sqlite')
          await sql`INSERT INTO case_projection_fts (case_projection_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
        const removed = await db.selectFrom('removals').select(['case_id', 'kinds']).execute();
        for (const r of removed) {
          await redactCaseEvents(db, r.case_id, JSON.parse(r.kinds) as Parameters<typeof redactCaseEvents>[2]);
          await db.deleteFrom('case_projection').where('case_id', '=', r.case_id).execute();
        }
      },
    },
    '010_group_prefixes': groupPrefixesMigration,
    '011_registering_site': registeringSiteMigration(dialect),
    '012_case_conflicts': caseConflictsMigration(dialect),
    '013_case_rollups': caseRollupsMigration(dialect),
  };
}

/** The server's migrator: `migrateServer` takes the store to the latest; a test may stop it at an older one. */
export function serverMigrator<Tables>(db: Kysely<Tables>, dialect: Dialect): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => serverMigrations(dialect) };
  return new Migrator({
    db,
    provider,
    migrationTableName: 'server_migrations',
    migrationLockTableName: 'server_migrations_lock',
    // Migrations written side by side land in any order: a store that ran a later one first still takes an earlier one.
    allowUnorderedMigrations: true,
  });
}

export async function migrateServer(db: Kysely<ServerDatabase>, dialect: Dialect): Promise<void> {
  const { error, results } = await serverMigrator(db, dialect).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`the server's store could not be migrated (${failed}): ${String(error)}`);
  }
}
