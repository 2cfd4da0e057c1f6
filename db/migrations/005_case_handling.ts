/** Migration 5: the projection's columns for case handling, and the board's indexes. Imports nothing of the app. */
export const sql = `
ALTER TABLE cases ADD COLUMN finding TEXT;
ALTER TABLE cases ADD COLUMN proposal_state TEXT;
ALTER TABLE cases ADD COLUMN proposed_by TEXT;
ALTER TABLE cases ADD COLUMN first_responded_at TEXT;
ALTER TABLE cases ADD COLUMN follow_up_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN last_satisfaction INTEGER;
ALTER TABLE cases ADD COLUMN follow_up_satisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN explanation_accepted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN closed_at TEXT;
ALTER TABLE cases ADD COLUMN escalated_at TEXT;
ALTER TABLE cases ADD COLUMN merged_into_id TEXT;
ALTER TABLE cases ADD COLUMN merged_into_number TEXT;
ALTER TABLE cases ADD COLUMN linked_case_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE cases ADD COLUMN due_at TEXT;

UPDATE cases SET due_at = CASE status
  WHEN 'registered' THEN deadline_acknowledge
  WHEN 'accepted' THEN deadline_feedback
  ELSE NULL END;

CREATE INDEX cases_status_due ON cases (status, due_at, seqno);
CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX cases_handler ON cases (handler_id, status);
CREATE INDEX cases_status_seqno ON cases (status, seqno);
`;
