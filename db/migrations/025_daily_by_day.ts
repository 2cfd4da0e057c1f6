/**
 * Migration 25: `report_daily` clustered by day first. Keyed (dimension, day, key), the ten rows
 * one case adds to (the day's total and nine dimensions) lay on ten pages, each dimension's own
 * tail; every registration and every later act of a case wrote all ten. Keyed (day, dimension,
 * key), a day's rows sit together on one or two pages. A period is read in one range of days for
 * every dimension at once (db/queries/reportRollupSums.ts). Runs again over its own table.
 */
export const sql = `
CREATE TABLE report_daily_by_day (
  day TEXT NOT NULL,
  dimension TEXT NOT NULL,
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
  PRIMARY KEY (day, dimension, key)
) STRICT, WITHOUT ROWID;
INSERT INTO report_daily_by_day (day, dimension, key, registered, complaints, accepted, declined, closed, accepted_closed,
    ack_decided, ack_met, feedback_decided, feedback_met, resolve_decided, resolve_met, answered, followed_up, rated,
    satisfied, with_finding, valid, repeats, handled_with_days, handling_days_total)
  SELECT day, dimension, key, registered, complaints, accepted, declined, closed, accepted_closed,
    ack_decided, ack_met, feedback_decided, feedback_met, resolve_decided, resolve_met, answered, followed_up, rated,
    satisfied, with_finding, valid, repeats, handled_with_days, handling_days_total
  FROM report_daily ORDER BY day, dimension, key;
DROP TABLE report_daily;
ALTER TABLE report_daily_by_day RENAME TO report_daily;
`;
