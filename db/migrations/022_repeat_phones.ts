/**
 * Migration 22: the repeat complainants of a period without reading every complaint of it.
 * `report_phone_month`: per complainant phone and local month (under the roll-ups' UTC offset),
 * how many complaints of that phone `report_counted` holds, how many of them are confidential and
 * the latest receipt time; `repeating` is 1 on every row of a phone with more than one complaint
 * in all. A period's repeat complainants are among the `repeating` rows of its whole months (an
 * index holds only those), so a year reads the months of the phones that came back, not the year's
 * cases. Each row is recounted from `report_counted` when a case of its phone and month changes,
 * in the transaction of the event (db/queries/reportPhones.ts); a phone removed from a case (the
 * retention's redaction) leaves the counts with it. Filled here from `report_counted` as the
 * rebuild command fills it. Imports nothing of the app; runs again over its own table.
 */
export const sql = `
CREATE INDEX IF NOT EXISTS report_counted_by_phone ON report_counted (phone, day, received_at, confidential, respondent_user)
  WHERE phone IS NOT NULL AND type = 'complaint';

CREATE TABLE IF NOT EXISTS report_phone_month (
  phone TEXT NOT NULL,
  month TEXT NOT NULL,
  cases INTEGER NOT NULL,
  confidential INTEGER NOT NULL,
  latest_at TEXT NOT NULL,
  repeating INTEGER NOT NULL,
  PRIMARY KEY (phone, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_phone_month_repeating ON report_phone_month (month, phone, cases, confidential, latest_at) WHERE repeating = 1;

DELETE FROM report_phone_month;
INSERT INTO report_phone_month (phone, month, cases, confidential, latest_at, repeating)
  SELECT phone, substr(day, 1, 7), count(*), sum(confidential), max(received_at), 0
  FROM report_counted WHERE phone IS NOT NULL AND type = 'complaint' GROUP BY phone, substr(day, 1, 7);
UPDATE report_phone_month SET repeating = 1
  WHERE phone IN (SELECT phone FROM report_phone_month GROUP BY phone HAVING sum(cases) > 1);
`;
