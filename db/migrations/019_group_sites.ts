/**
 * Migration 19: the sites of the desk's group, as the server last listed them, so a case
 * can be transferred to one of them (转办) while the server is out of reach: the transfer is an
 * event like any other and waits in the outbox. Refreshed at every sync round; emptied when the
 * desk leaves the group. And the latest transfer of each case (JSON, from the projection), so
 * the board and the lists show a case transferred in or out without reading its history.
 * Imports nothing of the app.
 */
export const sql = `
ALTER TABLE cases ADD COLUMN transfer TEXT;

CREATE TABLE group_sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  listed_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER group_sites_leave AFTER DELETE ON sync_config
BEGIN
  DELETE FROM group_sites;
END;
`;
