import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

/**
 * The group console's own tables: the group, its accounts, their sessions and wrong
 * passwords (kept in the store, so every server process of one PostgreSQL answers the same),
 * the group's audit log, and what the sites and desks page needs beside the sync tables: a
 * site's monthly volume, and what each desk said about itself at its last signed request.
 */
export function consoleMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('group_info')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('group_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Only the token's hash is kept: a copy of the store does not sign anyone in.
      await db.schema
        .createTable('group_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('group_accounts.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('group_sessions_account').on('group_sessions').column('account_id').execute();
      await db.schema
        .createTable('group_login_attempts')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('lockouts', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_login_attempts_key', ['source', 'username'])
        .execute();
      await db.schema
        .createTable('group_audit')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('group_audit_action').on('group_audit').columns(['action', 'id']).execute();
      await db.schema.alterTable('sites').addColumn('volume_per_month', 'integer').execute();
      await db.schema.alterTable('sites').addColumn('volume_unit', 'text').execute();
      await db.schema.alterTable('enrolment_codes').addColumn('revoked_at', 'text').execute();
      await db.schema.alterTable('desks').addColumn('last_seen_at', 'text').execute();
      await db.schema.alterTable('desks').addColumn('clock_drift_ms', 'integer').execute();
      await db.schema.alterTable('desks').addColumn('desk_version', 'text').execute();
      await db.schema.alterTable('desks').addColumn('events_waiting', 'integer').execute();
      await db.schema.alterTable('desks').addColumn('last_backup_at', 'text').execute();
    },
  };
}
