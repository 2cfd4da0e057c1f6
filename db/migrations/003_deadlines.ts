/**
 * Migration 3: the working-day calendar (official years and days, the desk's own closures and
 * extra working days), deadline policies, and each case's clocks. Imports nothing of the app.
 */
export const sql = `
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('bundled', 'imported')),
  imported_at TEXT NOT NULL,
  imported_by TEXT
) STRICT;

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'makeUpDay')),
  name TEXT
) STRICT;

CREATE TABLE calendar_local_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('closure', 'extraWorkingDay')),
  note TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE deadline_policies (
  type TEXT NOT NULL,
  severity TEXT NOT NULL,
  clocks TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (type, severity)
) STRICT;

CREATE TABLE case_clocks (
  case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
  clock TEXT NOT NULL CHECK (clock IN ('acknowledge', 'feedback', 'resolve')),
  due TEXT NOT NULL,
  met_at TEXT,
  breached_at TEXT,
  paused_since TEXT,
  provisional INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, clock)
) STRICT;
CREATE INDEX case_clocks_running ON case_clocks (due) WHERE met_at IS NULL;
CREATE INDEX case_clocks_unbreached ON case_clocks (due) WHERE breached_at IS NULL;
`;
