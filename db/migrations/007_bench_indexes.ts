/**
 * Migration 7: the index the benchmark showed missing (bench/results). Imports nothing of the app.
 * Start-up reads the newest HLC (`max(hlc)` over case_events); without an index that reads every
 * event: 185 ms at 100k cases, about 2 s at 1M.
 */
export const sql = `
CREATE INDEX case_events_hlc ON case_events (hlc);
`;
