/**
 * Migration 14: sync (DESIGN.md §10), the desk's side. `sync_config` is the one row of an
 * enrolled desk: the server, its identity there (id, Ed25519 keys, the prefix of its case
 * numbers), where its pulls got to and how the last round went. `sync_outbox` lists the events
 * the server has not acknowledged yet; a trigger fills it as each event is stored, in the same
 * transaction, so nothing written on an enrolled desk can be missed. Events received from the
 * server are stored while `receiving` is set and are not sent back. Cases holding an act set
 * aside as a conflict are few and listed for supervisors: a partial index finds them. Imports
 * nothing of the app.
 */
export const sql = `
CREATE TABLE sync_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  desk_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  site_name TEXT NOT NULL,
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  prefix TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  pull_cursor INTEGER NOT NULL DEFAULT 0,
  last_sync_at TEXT,
  last_error TEXT,
  offline_since TEXT,
  receiving INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE sync_outbox (
  pos INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER sync_outbox_fill AFTER INSERT ON case_events
WHEN EXISTS (SELECT 1 FROM sync_config WHERE receiving = 0)
BEGIN INSERT OR IGNORE INTO sync_outbox (pos) VALUES (NEW.pos); END;

CREATE INDEX cases_in_conflict ON cases (updated_at) WHERE conflict_count > 0;
`;
