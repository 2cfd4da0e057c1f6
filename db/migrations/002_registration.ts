/**
 * Migration 2: full intake, the repeat-complaint lookup, category codes for suggestions, and
 * the print log. Imports nothing of the app.
 */
export const sql = `
ALTER TABLE cases ADD COLUMN intake TEXT NOT NULL DEFAULT '{}';
ALTER TABLE cases ADD COLUMN complainant_phone_key TEXT;
UPDATE cases SET complainant_phone_key =
  replace(replace(replace(replace(replace(complainant_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '')
  WHERE complainant_phone IS NOT NULL;
UPDATE cases SET complainant_phone_key = substr(complainant_phone_key, 3)
  WHERE length(complainant_phone_key) = 13 AND complainant_phone_key LIKE '861%';
CREATE INDEX cases_phone_key ON cases (complainant_phone_key, received_at) WHERE complainant_phone_key IS NOT NULL;
CREATE INDEX cases_complainant_name ON cases (complainant_name, received_at);

ALTER TABLE categories ADD COLUMN code TEXT;

CREATE TABLE prints (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  template TEXT NOT NULL,
  copy INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id),
  UNIQUE (case_id, template, copy)
) STRICT;
CREATE TRIGGER prints_append_only_update BEFORE UPDATE ON prints
BEGIN SELECT RAISE(ABORT, 'prints is append-only'); END;
CREATE TRIGGER prints_append_only_delete BEFORE DELETE ON prints
BEGIN SELECT RAISE(ABORT, 'prints is append-only'); END;
`;
