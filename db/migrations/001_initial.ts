/** Migration 1: the store as the walking skeleton needs it. Imports nothing of the app. */
export const sql = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  department_ids TEXT NOT NULL DEFAULT '[]',
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES departments(id),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES categories(id),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE cases (
  seqno INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  query_code TEXT NOT NULL,
  status TEXT NOT NULL,
  type TEXT NOT NULL,
  channel TEXT NOT NULL,
  severity TEXT NOT NULL,
  subject TEXT NOT NULL,
  content TEXT NOT NULL,
  demands TEXT,
  complainant_name TEXT NOT NULL,
  complainant_phone TEXT,
  complainant TEXT NOT NULL,
  respondent TEXT,
  category_id TEXT REFERENCES categories(id),
  department_id TEXT REFERENCES departments(id),
  co_department_ids TEXT NOT NULL DEFAULT '[]',
  handler_id TEXT REFERENCES users(id),
  received_at TEXT NOT NULL,
  registered_by TEXT NOT NULL REFERENCES users(id),
  confidential INTEGER NOT NULL DEFAULT 0,
  anonymous INTEGER NOT NULL DEFAULT 0,
  deadline_acknowledge TEXT NOT NULL,
  deadline_feedback TEXT NOT NULL,
  deadline_resolve TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
) STRICT;
CREATE INDEX cases_board ON cases (status, deadline_feedback);
CREATE INDEX cases_department ON cases (department_id, status);
CREATE INDEX cases_received ON cases (received_at);
CREATE INDEX cases_phone ON cases (complainant_phone) WHERE complainant_phone IS NOT NULL;

CREATE TABLE case_events (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  device TEXT NOT NULL,
  at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (case_id, seq)
) STRICT;
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE counters (
  scope TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE case_search_trigram USING fts5(
  doc, tokenize = 'trigram', content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE case_search_bigram USING fts5(
  doc, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, detail = none
);
`;
