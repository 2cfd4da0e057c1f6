/**
 * Migration 16: evidence files travel by SHA-256 (DESIGN.md §10). `evidence_outbox` lists the
 * files of this desk's own events that the server has not acknowledged yet: filled by a trigger
 * as a registration or an addition of evidence is stored on an enrolled desk (in the event's own
 * transaction), and with every file the store's cases name when the desk joins a site, so its
 * history's files go up with it. `evidence_wanted` lists the files named by events received from
 * the site that this desk does not hold yet, for the scheduler to fetch in the background; a file
 * a user opens is fetched at once. Leaving the site empties both. Imports nothing of the app.
 */
export const sql = `
CREATE TABLE evidence_outbox (
  sha256 TEXT PRIMARY KEY,
  case_id TEXT NOT NULL
) STRICT;

CREATE TABLE evidence_wanted (
  sha256 TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TRIGGER evidence_outbox_fill AFTER INSERT ON case_events
WHEN NEW.type IN ('registered', 'attachmentsAdded') AND EXISTS (SELECT 1 FROM sync_config WHERE receiving = 0)
BEGIN
  INSERT OR IGNORE INTO evidence_outbox (sha256, case_id)
  SELECT json_extract(a.value, '$.sha256'), c.id
  FROM cases c, json_each(NEW.payload, CASE NEW.type WHEN 'registered' THEN '$.intake.attachments' ELSE '$.attachments' END) a
  WHERE c.seqno = NEW.pos / 1048576 AND json_extract(a.value, '$.sha256') IS NOT NULL;
END;

CREATE TRIGGER evidence_wanted_fill AFTER INSERT ON case_events
WHEN NEW.type IN ('registered', 'attachmentsAdded') AND EXISTS (SELECT 1 FROM sync_config WHERE receiving = 1)
BEGIN
  INSERT OR IGNORE INTO evidence_wanted (sha256, case_id)
  SELECT json_extract(a.value, '$.sha256'), c.id
  FROM cases c, json_each(NEW.payload, CASE NEW.type WHEN 'registered' THEN '$.intake.attachments' ELSE '$.attachments' END) a
  WHERE c.seqno = NEW.pos / 1048576 AND json_extract(a.value, '$.sha256') IS NOT NULL;
END;

CREATE TRIGGER evidence_outbox_join AFTER INSERT ON sync_config
BEGIN
  INSERT OR IGNORE INTO evidence_outbox (sha256, case_id)
  SELECT json_extract(a.value, '$.sha256'), c.id FROM cases c, json_each(c.intake, '$.attachments') a
  WHERE json_extract(a.value, '$.sha256') IS NOT NULL;
END;

CREATE TRIGGER evidence_sync_leave AFTER DELETE ON sync_config
BEGIN
  DELETE FROM evidence_outbox;
  DELETE FROM evidence_wanted;
END;
`;
