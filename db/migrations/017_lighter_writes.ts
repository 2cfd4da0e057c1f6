/**
 * Migration 17: less written per case write.
 *
 * Two indexes no query reads, which every case write kept up to date: a registration's commit
 * wrote about four pages of `case_clocks_unbreached` (its three clocks have three deadlines, far
 * apart in the index) and one of `cases_board`; each later act that moves a clock or a status
 * wrote them again. `case_clocks_unbreached` (every clock without a breach, those met on time in
 * all the years included) is the index the breach sweep must be kept from with INDEXED BY;
 * `cases_board` (status, the feedback deadline) served the first board, which now reads
 * `cases_status_due`.
 *
 * And `report_daily` keyed by (day, dimension, key), where it was (dimension, day, key): a case's
 * write changes one row per dimension of its day, which sat on ten leaf pages apart and now sit
 * together on one or two. A period is read in one pass over its days (rollupSums). Imports
 * nothing of the app.
 */
export const sql = `
DROP INDEX IF EXISTS case_clocks_unbreached;
DROP INDEX IF EXISTS cases_board;

DROP TABLE IF EXISTS report_daily_by_day;
CREATE TABLE report_daily_by_day (
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
  PRIMARY KEY (day, dimension, key)) STRICT, WITHOUT ROWID;
INSERT INTO report_daily_by_day SELECT * FROM report_daily;
DROP TABLE report_daily;
ALTER TABLE report_daily_by_day RENAME TO report_daily;
`;
