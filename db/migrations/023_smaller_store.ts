/**
 * Migration 23: the same rows in fewer bytes (a million cases are to fit in 5 KB each).
 *
 * - `case_clocks` and `case_report_facts` become WITHOUT ROWID tables keyed by their primary
 *   keys. A rowid table with a text key keeps the key twice, in the row and again in its
 *   automatic index (with the rowid); clustered on the key, each clock and each case's facts are
 *   stored once, and read by the key as before. Their partial indexes now carry the key instead
 *   of a rowid, which changes nothing for the queries that read them (names kept: the breach
 *   sweep and the workload read `case_clocks_running` with INDEXED BY).
 * - Two indexes of `cases` that another index or table serves (db/test/queryPlans.test.ts and
 *   rollupPlans.test.ts hold each query that read them to a plan without a scan of every case):
 *   `cases_received` (received_at) is the prefix of `cases_received_type` (received_at, type),
 *   which every range of receipt dates already read; `cases_department` (department_id, status):
 *   every department filter reads `case_departments` (lead and co-departments, with the status).
 *   `cases_handler` (handler_id, status) stays: without it a handler's cases in one status (a
 *   count, a board column) would read every case of the handler's from the table.
 *
 * Written to run again over its own tables (a store whose version was set back by hand). Imports
 * nothing of the app.
 */
export const sql = `
CREATE TABLE case_clocks_compact (
  case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
  clock TEXT NOT NULL CHECK (clock IN ('acknowledge', 'feedback', 'resolve')),
  due TEXT NOT NULL,
  met_at TEXT,
  breached_at TEXT,
  paused_since TEXT,
  provisional INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, clock)
) STRICT, WITHOUT ROWID;
INSERT INTO case_clocks_compact (case_id, clock, due, met_at, breached_at, paused_since, provisional)
  SELECT case_id, clock, due, met_at, breached_at, paused_since, provisional FROM case_clocks ORDER BY case_id, clock;
DROP TABLE case_clocks;
ALTER TABLE case_clocks_compact RENAME TO case_clocks;
CREATE INDEX case_clocks_running ON case_clocks (due) WHERE met_at IS NULL;
CREATE INDEX case_clocks_pending ON case_clocks (due) WHERE met_at IS NULL AND breached_at IS NULL;

CREATE TABLE case_report_facts_compact (
  case_id TEXT NOT NULL PRIMARY KEY REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
  accepted_at TEXT,
  declined INTEGER NOT NULL DEFAULT 0,
  ack_done_at TEXT,
  feedback_done_at TEXT,
  resolve_done_at TEXT,
  ack_breached INTEGER NOT NULL DEFAULT 0,
  feedback_breached INTEGER NOT NULL DEFAULT 0,
  resolve_breached INTEGER NOT NULL DEFAULT 0,
  finding TEXT,
  closed_at TEXT,
  follow_ups INTEGER NOT NULL DEFAULT 0,
  last_satisfaction INTEGER,
  handling_days INTEGER,
  merged INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
INSERT INTO case_report_facts_compact
  SELECT case_id, accepted_at, declined, ack_done_at, feedback_done_at, resolve_done_at, ack_breached, feedback_breached,
    resolve_breached, finding, closed_at, follow_ups, last_satisfaction, handling_days, merged
  FROM case_report_facts ORDER BY case_id;
DROP TABLE case_report_facts;
ALTER TABLE case_report_facts_compact RENAME TO case_report_facts;
CREATE INDEX case_report_facts_closed ON case_report_facts (closed_at) WHERE closed_at IS NOT NULL;

DROP INDEX IF EXISTS cases_received;
DROP INDEX IF EXISTS cases_department;
`;
