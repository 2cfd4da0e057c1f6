/**
 * Migration 11: what keeps the reports, boards and list totals fast at a million cases
 * (bench/results). Imports nothing of the app; written to run again over its own tables (a store
 * whose version was set back by hand, as tests do).
 *
 * - `report_counted`: what the report roll-ups hold for each case (its keys and its flags), so
 *   a change of the case subtracts exactly what was added. `report_daily`: additive counts per
 *   local day and per dimension key (`dimension = 'all'` is the day's total). Both are written
 *   by the projection step in the transaction of the event (db/queries/reportRollups.ts) and
 *   rebuilt from the projections by one command; `report_rollup_state` says under which UTC
 *   offset they were counted (absent: not built yet, the reports read the cases instead) and
 *   through which case a start has found every case with its clocks and facts.
 * - `case_departments`: each case's lead and co-departments with its status, kept by triggers
 *   on the projection, so one department's board reads its part of an index, not every open
 *   case's JSON.
 * - `case_status_counts`: the number of cases in each status, kept by triggers, so a list's
 *   total needs no count of a million rows.
 * - `case_clocks_pending`: running clocks with no breach recorded (the few the reports add as
 *   of now). `cases_respondent_user`: the cases that name a user as the one complained about
 *   (recusal), counted apart from the kept counts. `report_counted_late` / `_phone`: the
 *   overdue list and the repeat complainants read a period's narrow rows.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS report_counted (
  case_id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  day TEXT NOT NULL,
  phone TEXT,
  confidential INTEGER NOT NULL,
  respondent_user TEXT,
  counted INTEGER NOT NULL,
  category TEXT NOT NULL,
  department TEXT NOT NULL,
  channel TEXT NOT NULL,
  severity TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  respondent_department TEXT NOT NULL,
  respondent_person TEXT NOT NULL,
  handler TEXT NOT NULL,
  flags INTEGER NOT NULL,
  handling_days INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_counted_late ON report_counted (received_at) WHERE flags & 1048576;
CREATE INDEX IF NOT EXISTS report_counted_phone ON report_counted (received_at, type, phone, respondent_user, confidential) WHERE phone IS NOT NULL;

CREATE TABLE IF NOT EXISTS report_daily (
  dimension TEXT NOT NULL,
  day TEXT NOT NULL,
  key TEXT NOT NULL,
  registered INTEGER NOT NULL,
  complaints INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  declined INTEGER NOT NULL,
  closed INTEGER NOT NULL,
  accepted_closed INTEGER NOT NULL,
  ack_decided INTEGER NOT NULL,
  ack_met INTEGER NOT NULL,
  feedback_decided INTEGER NOT NULL,
  feedback_met INTEGER NOT NULL,
  resolve_decided INTEGER NOT NULL,
  resolve_met INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  followed_up INTEGER NOT NULL,
  rated INTEGER NOT NULL,
  satisfied INTEGER NOT NULL,
  with_finding INTEGER NOT NULL,
  valid INTEGER NOT NULL,
  repeats INTEGER NOT NULL,
  handled_with_days INTEGER NOT NULL,
  handling_days_total INTEGER NOT NULL,
  PRIMARY KEY (dimension, day, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS report_rollup_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  utc_offset_minutes INTEGER NOT NULL,
  built_at TEXT NOT NULL,
  checked_through INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX IF NOT EXISTS case_clocks_pending ON case_clocks (due) WHERE met_at IS NULL AND breached_at IS NULL;
CREATE INDEX IF NOT EXISTS cases_respondent_user ON cases (json_extract(respondent, '$.userId'), status)
  WHERE json_extract(respondent, '$.userId') IS NOT NULL;

CREATE TABLE IF NOT EXISTS case_departments (
  department_id TEXT NOT NULL,
  status TEXT NOT NULL,
  case_seqno INTEGER NOT NULL,
  lead INTEGER NOT NULL,
  PRIMARY KEY (department_id, status, case_seqno)
) STRICT, WITHOUT ROWID;
DELETE FROM case_departments;
INSERT INTO case_departments (department_id, status, case_seqno, lead)
  SELECT department_id, status, seqno, 1 FROM cases WHERE department_id IS NOT NULL;
INSERT OR IGNORE INTO case_departments (department_id, status, case_seqno, lead)
  SELECT j.value, c.status, c.seqno, 0 FROM cases c, json_each(c.co_department_ids) j
  WHERE j.value IS NOT c.department_id;

CREATE TRIGGER IF NOT EXISTS case_departments_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_departments (department_id, status, case_seqno, lead)
    SELECT new.department_id, new.status, new.seqno, 1 WHERE new.department_id IS NOT NULL;
  INSERT OR IGNORE INTO case_departments (department_id, status, case_seqno, lead)
    SELECT j.value, new.status, new.seqno, 0 FROM json_each(new.co_department_ids) j WHERE j.value IS NOT new.department_id;
END;
CREATE TRIGGER IF NOT EXISTS case_departments_update AFTER UPDATE OF status, department_id, co_department_ids ON cases
WHEN new.status IS NOT old.status OR new.department_id IS NOT old.department_id OR new.co_department_ids IS NOT old.co_department_ids
BEGIN
  DELETE FROM case_departments WHERE case_seqno = old.seqno AND department_id = old.department_id AND status = old.status;
  DELETE FROM case_departments WHERE case_seqno = old.seqno AND status = old.status
    AND department_id IN (SELECT value FROM json_each(old.co_department_ids));
  INSERT INTO case_departments (department_id, status, case_seqno, lead)
    SELECT new.department_id, new.status, new.seqno, 1 WHERE new.department_id IS NOT NULL;
  INSERT OR IGNORE INTO case_departments (department_id, status, case_seqno, lead)
    SELECT j.value, new.status, new.seqno, 0 FROM json_each(new.co_department_ids) j WHERE j.value IS NOT new.department_id;
END;
CREATE TRIGGER IF NOT EXISTS case_departments_delete AFTER DELETE ON cases BEGIN
  DELETE FROM case_departments WHERE case_seqno = old.seqno AND department_id = old.department_id AND status = old.status;
  DELETE FROM case_departments WHERE case_seqno = old.seqno AND status = old.status
    AND department_id IN (SELECT value FROM json_each(old.co_department_ids));
END;

CREATE TABLE IF NOT EXISTS case_status_counts (
  status TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
DELETE FROM case_status_counts;
INSERT INTO case_status_counts (status, n) SELECT status, count(*) FROM cases GROUP BY status;
CREATE TRIGGER IF NOT EXISTS case_status_counts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_status_counts (status, n) VALUES (new.status, 1) ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS case_status_counts_update AFTER UPDATE OF status ON cases WHEN new.status IS NOT old.status BEGIN
  UPDATE case_status_counts SET n = n - 1 WHERE status = old.status;
  INSERT INTO case_status_counts (status, n) VALUES (new.status, 1) ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS case_status_counts_delete AFTER DELETE ON cases BEGIN
  UPDATE case_status_counts SET n = n - 1 WHERE status = old.status;
END;
`;
