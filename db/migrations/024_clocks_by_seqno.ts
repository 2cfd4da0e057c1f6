import type BetterSqlite3 from 'better-sqlite3';

/**
 * Migration 24: the clocks, the report facts and the counted rows of the roll-ups in fewer bytes
 * again (a million cases in 5 KB each).
 *
 * - Keyed by the case's `seqno` (an integer of 3 bytes at a million cases) instead of its
 *   36-character id: `case_clocks` (case_seqno, clock), still clustered on its key;
 *   `case_report_facts` by `case_seqno` as its rowid, so the key costs no bytes in the row.
 *   `report_counted` (the roll-ups' row of each case) by `case_seqno` as its rowid too. Their
 *   indexes carry the integer instead of the id. A case's row in each is still found by its id
 *   through `cases` (the seqno a lookup of the id's index away).
 * - A clock's kind is a number: 0 acknowledge, 1 feedback, 2 resolve (the order of the names, so
 *   a case's clocks are read in the same order); 0 and 1 take no byte in a row.
 * - Their instants stored as integer milliseconds since the epoch (6 bytes) instead of ISO text
 *   (24 bytes): due, met_at, breached_at, paused_since; accepted_at, the *_done_at, closed_at.
 *   Integers order as the ISO text did (every instant the desk writes is UTC with milliseconds),
 *   so every comparison of the reports and sweeps reads the same; db/queries/storedTime.ts
 *   converts at the edge of the queries. The conversion here reads any text SQLite takes as a
 *   date; rounding the Julian day to the millisecond is exact for any instant of these years.
 *
 * Written to run again over its own tables (a store whose version was set back by hand): a table
 * already keyed by seqno is left as it is. Imports nothing of the app.
 */
const ms = (column: string) => `CAST(round((julianday(${column}) - 2440587.5) * 86400000.0) AS INTEGER)`;

const clocks = `
CREATE TABLE case_clocks_by_seqno (
  case_seqno INTEGER NOT NULL REFERENCES cases(seqno) DEFERRABLE INITIALLY DEFERRED,
  clock INTEGER NOT NULL CHECK (clock IN (0, 1, 2)),
  due INTEGER NOT NULL,
  met_at INTEGER,
  breached_at INTEGER,
  paused_since INTEGER,
  provisional INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_seqno, clock)
) STRICT, WITHOUT ROWID;
INSERT INTO case_clocks_by_seqno (case_seqno, clock, due, met_at, breached_at, paused_since, provisional)
  SELECT c.seqno, CASE k.clock WHEN 'acknowledge' THEN 0 WHEN 'feedback' THEN 1 WHEN 'resolve' THEN 2 END, ${ms('k.due')}, ${ms('k.met_at')}, ${ms('k.breached_at')}, ${ms('k.paused_since')}, k.provisional
  FROM case_clocks k JOIN cases c ON c.id = k.case_id ORDER BY c.seqno, k.clock;
DROP TABLE case_clocks;
ALTER TABLE case_clocks_by_seqno RENAME TO case_clocks;
CREATE INDEX case_clocks_running ON case_clocks (due) WHERE met_at IS NULL;
CREATE INDEX case_clocks_pending ON case_clocks (due) WHERE met_at IS NULL AND breached_at IS NULL;
`;

const facts = `
CREATE TABLE case_report_facts_by_seqno (
  case_seqno INTEGER PRIMARY KEY REFERENCES cases(seqno) DEFERRABLE INITIALLY DEFERRED,
  accepted_at INTEGER,
  declined INTEGER NOT NULL DEFAULT 0,
  ack_done_at INTEGER,
  feedback_done_at INTEGER,
  resolve_done_at INTEGER,
  ack_breached INTEGER NOT NULL DEFAULT 0,
  feedback_breached INTEGER NOT NULL DEFAULT 0,
  resolve_breached INTEGER NOT NULL DEFAULT 0,
  finding TEXT,
  closed_at INTEGER,
  follow_ups INTEGER NOT NULL DEFAULT 0,
  last_satisfaction INTEGER,
  handling_days INTEGER,
  merged INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO case_report_facts_by_seqno
  SELECT c.seqno, ${ms('r.accepted_at')}, r.declined, ${ms('r.ack_done_at')}, ${ms('r.feedback_done_at')}, ${ms('r.resolve_done_at')},
    r.ack_breached, r.feedback_breached, r.resolve_breached, r.finding, ${ms('r.closed_at')}, r.follow_ups, r.last_satisfaction,
    r.handling_days, r.merged
  FROM case_report_facts r JOIN cases c ON c.id = r.case_id ORDER BY c.seqno;
DROP TABLE case_report_facts;
ALTER TABLE case_report_facts_by_seqno RENAME TO case_report_facts;
CREATE INDEX case_report_facts_closed ON case_report_facts (closed_at) WHERE closed_at IS NOT NULL;
`;

const counted = `
CREATE TABLE report_counted_by_seqno (
  case_seqno INTEGER PRIMARY KEY,
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
) STRICT;
INSERT INTO report_counted_by_seqno
  SELECT c.seqno, b.received_at, b.day, b.phone, b.confidential, b.respondent_user, b.counted, b.category, b.department, b.channel,
    b.severity, b.type, b.status, b.respondent_department, b.respondent_person, b.handler, b.flags, b.handling_days
  FROM report_counted b JOIN cases c ON c.id = b.case_id ORDER BY c.seqno;
DROP TABLE report_counted;
ALTER TABLE report_counted_by_seqno RENAME TO report_counted;
CREATE INDEX report_counted_late ON report_counted (received_at) WHERE flags & 1048576;
CREATE INDEX report_counted_phone ON report_counted (received_at, type, phone, respondent_user, confidential) WHERE phone IS NOT NULL;
CREATE INDEX report_counted_by_phone ON report_counted (phone, day, received_at, confidential, respondent_user)
  WHERE phone IS NOT NULL AND type = 'complaint';
`;

export function run(sqlite: BetterSqlite3.Database): void {
  const keyedBySeqno = (table: string) =>
    sqlite.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get(table, 'case_seqno') === 1;
  if (!keyedBySeqno('case_clocks')) sqlite.exec(clocks);
  if (!keyedBySeqno('case_report_facts')) sqlite.exec(facts);
  if (!keyedBySeqno('report_counted')) sqlite.exec(counted);
}
