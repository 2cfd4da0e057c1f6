/**
 * Migration 13: retention (保存期限). When a case's personal data or evidence reach the end of
 * their period they are taken out of its events' payloads; the hash each event had is kept in
 * `event_redactions`, so the history still verifies link by link and against a sealed year.
 * The log stays append-only otherwise: an event's payload may change only once its original
 * hash is kept, and nothing else of it ever. `case_removals` is the tombstone: what was removed
 * from a case, when, by whom and why. Imports nothing of the app.
 */
export const sql = `
CREATE TABLE event_redactions (
  pos INTEGER PRIMARY KEY,
  hash TEXT NOT NULL
) STRICT;

CREATE TABLE case_removals (
  case_id TEXT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  removed_by TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  files INTEGER NOT NULL,
  PRIMARY KEY (case_id, kind)
) STRICT;

DROP TRIGGER case_events_append_only_update;
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
WHEN NEW.pos IS NOT OLD.pos OR NEW.id IS NOT OLD.id OR NEW.dag IS NOT OLD.dag OR NEW.parents IS NOT OLD.parents
  OR NEW.type IS NOT OLD.type OR NEW.actor IS NOT OLD.actor OR NEW.device IS NOT OLD.device OR NEW.at IS NOT OLD.at
  OR NEW.lead IS NOT OLD.lead OR NEW.tick IS NOT OLD.tick
  OR NOT EXISTS (SELECT 1 FROM event_redactions r WHERE r.pos = OLD.pos)
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
`;
