/**
 * Migration 7: what the analysis needs. `case_report_facts` is a projection of each case's log
 * (folded by domain/reports/caseFacts.ts in the transaction that appends an event), so reports
 * aggregate with plain GROUP BY instead of re-reading events. `corrective_actions` are the
 * 整改措施 raised from a case or an analysis and tracked to a verified close. Imports nothing.
 */
export const sql = `
CREATE TABLE case_report_facts (
  case_id TEXT PRIMARY KEY REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
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
) STRICT;
CREATE INDEX case_report_facts_closed ON case_report_facts (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX cases_received_type ON cases (received_at, type);

CREATE TABLE corrective_actions (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('case', 'analysis')),
  case_id TEXT REFERENCES cases(id),
  period TEXT,
  department_id TEXT REFERENCES departments(id),
  cause TEXT NOT NULL,
  measure TEXT NOT NULL,
  training TEXT,
  owner TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'implemented', 'closed')),
  implemented_at TEXT,
  implementation TEXT,
  verified_at TEXT,
  verified_by TEXT REFERENCES users(id),
  verification TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX corrective_actions_status ON corrective_actions (status, due_date);
CREATE INDEX corrective_actions_case ON corrective_actions (case_id) WHERE case_id IS NOT NULL;
`;
