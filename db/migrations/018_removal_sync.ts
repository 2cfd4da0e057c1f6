/**
 * Migration 18: removals travel (DESIGN.md §10). When a desk of a site takes data out of a case
 * (the end of retention, a person's request), `sync_removal_outbox` notes the case by a trigger
 * on the tombstone, in the removal's own transaction; the round tells the server, which deletes
 * the case's evidence files, and the other desks take the same data out of their copies.
 * `sync_config.removal_cursor` is how far this desk got in the site's removals. Leaving the site
 * empties the outbox. Imports nothing of the app.
 */
export const sql = `
ALTER TABLE sync_config ADD COLUMN removal_cursor INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sync_removal_outbox (
  case_id TEXT PRIMARY KEY
) STRICT;

CREATE TRIGGER sync_removal_outbox_fill AFTER INSERT ON case_removals
WHEN EXISTS (SELECT 1 FROM sync_config WHERE receiving = 0)
BEGIN INSERT OR IGNORE INTO sync_removal_outbox (case_id) VALUES (NEW.case_id); END;

CREATE TRIGGER sync_removal_leave AFTER DELETE ON sync_config
BEGIN DELETE FROM sync_removal_outbox; END;
`;
