/**
 * Migration 26: one index of the running clocks instead of two. `case_clocks_pending` held the
 * running clocks with no breach recorded, a subset of `case_clocks_running` in the same order, so
 * every registration wrote each of its three clocks into both (three leaves apart each, since a
 * case's deadlines are days apart). Keyed (breached_at, due), the running clocks with no breach
 * recorded are the index's first range (`breached_at IS NULL` is an equality to SQLite) in due
 * order, which is what the deadline sweep and the reports' pending clocks read; the open work
 * reads the whole index as before. Runs again over its own indexes.
 */
export const sql = `
DROP INDEX IF EXISTS case_clocks_pending;
DROP INDEX IF EXISTS case_clocks_running;
CREATE INDEX case_clocks_running ON case_clocks (breached_at, due) WHERE met_at IS NULL;
`;
