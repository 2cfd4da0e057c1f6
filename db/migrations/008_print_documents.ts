/**
 * Migration 8: the print log records every document `print.render` prints, not only a case's:
 * `document` names what was printed (the case's id, or an analysis period such as
 * `month:2025-11`), and `case_id` is filled for a case's documents only. Copies are numbered
 * per document and template. SQLite cannot drop a NOT NULL, so the table is rebuilt, rows kept.
 * Imports nothing of the app.
 */
export const sql = `
CREATE TABLE prints_v8 (
  id TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  case_id TEXT REFERENCES cases(id),
  template TEXT NOT NULL,
  copy INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id),
  UNIQUE (document, template, copy),
  CHECK (case_id IS NULL OR case_id = document)
) STRICT;
INSERT INTO prints_v8 (id, document, case_id, template, copy, at, actor_id)
  SELECT id, case_id, case_id, template, copy, at, actor_id FROM prints;
DROP TABLE prints;
ALTER TABLE prints_v8 RENAME TO prints;
CREATE TRIGGER prints_append_only_update BEFORE UPDATE ON prints
BEGIN SELECT RAISE(ABORT, 'prints is append-only'); END;
CREATE TRIGGER prints_append_only_delete BEFORE DELETE ON prints
BEGIN SELECT RAISE(ABORT, 'prints is append-only'); END;
`;
