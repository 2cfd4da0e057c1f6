import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './migrations.ts';

/**
 * Each case as the group's reports and search read it (domain/reports/siteCase.ts), kept in the
 * transaction that accepts its events (server/routes/push.ts). Booleans are 0/1 on both stores. The search reads
 * `search_terms` (the case's characters and pairs of characters, space-separated): an FTS5 index
 * on SQLite, a GIN index over its words on PostgreSQL; `search_text` checks a longer query.
 * Cases already held are projected when the store opens (server/store/caseProjection.ts).
 */
export function caseProjectionMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const pg = dialect === 'postgres';
      await db.schema
        .createTable('case_projection')
        .addColumn('row_no', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('case_id', 'text', (c) => c.notNull().unique())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('category_id', 'text')
        .addColumn('department_id', 'text')
        .addColumn('handler_id', 'text')
        .addColumn('respondent_department_id', 'text')
        .addColumn('respondent_person', 'text')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('complainant_name', 'text', (c) => c.notNull())
        .addColumn('complainant_phone', 'text')
        .addColumn('phone_key', 'text')
        .addColumn('confidential', 'integer', (c) => c.notNull())
        .addColumn('anonymous', 'integer', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('received_day', 'text', (c) => c.notNull())
        .addColumn('received_week', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('declined', 'integer', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('finding', 'text')
        .addColumn('follow_ups', 'integer', (c) => c.notNull())
        .addColumn('last_satisfaction', 'integer')
        .addColumn('merged', 'integer', (c) => c.notNull())
        .addColumn('resolve_done_at', 'text')
        .addColumn('ack_due', 'text')
        .addColumn('ack_met_at', 'text')
        .addColumn('ack_breached_at', 'text')
        .addColumn('feedback_due', 'text')
        .addColumn('feedback_met_at', 'text')
        .addColumn('feedback_breached_at', 'text')
        .addColumn('resolve_due', 'text')
        .addColumn('resolve_met_at', 'text')
        .addColumn('resolve_breached_at', 'text')
        .addColumn('paused_since', 'text')
        .addColumn('handling_days', 'integer')
        .addColumn('is_repeat', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('search_terms', 'text', (c) => c.notNull())
        .addColumn('event_count', 'integer', (c) => c.notNull())
        .execute();
      // The cohort is a range of receipt, per site or the whole group.
      await db.schema.createIndex('case_projection_received').on('case_projection').columns(['received_at']).execute();
      await db.schema.createIndex('case_projection_site_received').on('case_projection').columns(['site_id', 'received_at']).execute();
      await db.schema
        .createIndex('case_projection_phone')
        .on('case_projection')
        .columns(['site_id', 'complainant_phone', 'received_at'])
        .execute();
      await db.schema.createIndex('case_projection_phone_key').on('case_projection').columns(['phone_key']).execute();
      await db.schema.createIndex('case_projection_number').on('case_projection').columns(['number']).execute();
      // The open work now: a small part of the table, read by every dashboard without a scan of the rest.
      await sql`CREATE INDEX case_projection_open ON case_projection (site_id) WHERE closed_at IS NULL AND declined = 0 AND merged = 0`.execute(
        db,
      );
      if (pg) {
        await sql`CREATE INDEX case_projection_terms ON case_projection USING gin (string_to_array(search_terms, ' '))`.execute(db);
      } else {
        await sql`CREATE VIRTUAL TABLE case_projection_fts USING fts5(
          search_terms, tokenize = 'unicode61 remove_diacritics 0', content = 'case_projection', content_rowid = 'row_no', detail = none
        )`.execute(db);
        await sql`CREATE TRIGGER case_projection_fts_insert AFTER INSERT ON case_projection BEGIN
          INSERT INTO case_projection_fts (rowid, search_terms) VALUES (new.row_no, new.search_terms);
        END`.execute(db);
        await sql`CREATE TRIGGER case_projection_fts_delete AFTER DELETE ON case_projection BEGIN
          INSERT INTO case_projection_fts (case_projection_fts, rowid, search_terms) VALUES ('delete', old.row_no, old.search_terms);
        END`.execute(db);
        await sql`CREATE TRIGGER case_projection_fts_update AFTER UPDATE OF search_terms ON case_projection BEGIN
          INSERT INTO case_projection_fts (case_projection_fts, rowid, search_terms) VALUES ('delete', old.row_no, old.search_terms);
          INSERT INTO case_projection_fts (rowid, search_terms) VALUES (new.row_no, new.search_terms);
        END`.execute(db);
      }
    },
  };
}
