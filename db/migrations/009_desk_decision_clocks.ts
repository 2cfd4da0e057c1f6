/**
 * Migration 9: a case redirected with guidance or resolved on the spot has answered the
 * complainant, and its three clocks stop with that decision (domain/deadlines/caseClocks.ts
 * clockMetBy). Stores written before that rule have such clocks still running: they are met
 * at the decision, as a rebuild from the log now folds them; the report facts of a redirected
 * case count it with the declined. Imports nothing of the app.
 */
export const sql = `
UPDATE case_clocks SET met_at = (
  SELECT min(e.at) FROM case_events e
  WHERE e.case_id = case_clocks.case_id AND e.type IN ('redirected', 'resolvedOnSpot')
)
WHERE met_at IS NULL
  AND case_id IN (SELECT case_id FROM case_events WHERE type IN ('redirected', 'resolvedOnSpot'));

UPDATE case_report_facts SET
  declined = 1,
  ack_done_at = coalesce(ack_done_at, (SELECT min(e.at) FROM case_events e WHERE e.case_id = case_report_facts.case_id AND e.type = 'redirected')),
  feedback_done_at = coalesce(feedback_done_at, (SELECT min(e.at) FROM case_events e WHERE e.case_id = case_report_facts.case_id AND e.type = 'redirected')),
  resolve_done_at = coalesce(resolve_done_at, (SELECT min(e.at) FROM case_events e WHERE e.case_id = case_report_facts.case_id AND e.type = 'redirected'))
WHERE case_id IN (SELECT case_id FROM case_events WHERE type = 'redirected');
`;
