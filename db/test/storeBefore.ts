import Sqlite from 'better-sqlite3';
import { migrate } from '../migrate.ts';
import { migrations } from '../migrations/index.ts';

/**
 * An in-memory store migrated to one version short of `version`, with a user `u` to register
 * cases, and a statement inserting a case (id, number, received_at) into `cases` as its columns
 * stood from migration 10 on.
 */
export function storeBefore(version: number) {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { migrations: migrations.filter((m) => m.version < version) });
  db.prepare(
    "INSERT INTO users (id, username, display_name, password_hash, roles, department_ids, disabled, created_at, version) VALUES ('u', 'u', 'u', 'x', '[]', '[]', 0, '2026-01-01', 1)",
  ).run();
  const insertCase = db.prepare(
    `INSERT INTO cases (id, number, query_code, status, type, channel, severity, subject, content, complainant_name, complainant, received_at,
       registered_by, deadline_acknowledge, deadline_feedback, deadline_resolve, created_at, updated_at, last_seq)
     VALUES (?, ?, 'Q', 'accepted', 'complaint', 'phone', 'general', 's', 'c', 'n', '{}', ?, 'u', 'x', 'x', 'x', 'x', 'x', 1)`,
  );
  return { db, insertCase };
}
