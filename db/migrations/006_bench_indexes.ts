/**
 * Migration 6: indexes the benchmark showed missing (bench/results). Imports nothing of the app.
 * - case_events (hlc): start-up reads the newest HLC (`max(hlc)`); without an index that reads
 *   every event: 185 ms at 100k cases, seconds at 1M.
 * - cases (handler_id, seqno): "my cases", newest first, walks this in order and stops after a
 *   page; cases_handler (handler_id, status) made SQLite sort all of a handler's cases (29 ms at
 *   100k). Partial: a case has no handler until it is accepted.
 */
export const sql = `
CREATE INDEX case_events_hlc ON case_events (hlc);
CREATE INDEX cases_handler_seqno ON cases (handler_id, seqno) WHERE handler_id IS NOT NULL;
`;
