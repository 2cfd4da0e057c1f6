/**
 * Migration 12: year-end sealing (年度封存). A sealed year keeps the signed manifest of its
 * cases (number, last event, final hash) and each sealed case's row, which makes the case
 * read-only: no event is appended to it again. Imports nothing of the app.
 */
export const sql = `
CREATE TABLE year_seals (
  year INTEGER PRIMARY KEY,
  sealed_at TEXT NOT NULL,
  sealed_by TEXT NOT NULL REFERENCES users(id),
  org_name TEXT NOT NULL,
  case_count INTEGER NOT NULL,
  -- Cases of the year still open when it was sealed: they stay workable and are not in the manifest.
  carried_over TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;

CREATE TABLE sealed_cases (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  year INTEGER NOT NULL REFERENCES year_seals(year),
  number TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  final_hash TEXT NOT NULL
) STRICT;

CREATE INDEX sealed_cases_by_year ON sealed_cases(year, number);
`;
