/**
 * Migration 27: the index of running clocks covers what the open work reads of them. The
 * dashboard's overdue and due-soon counts read every running clock (tens of thousands at a
 * million cases), and each entry sent SQLite to the table for `paused_since` and `met_at`: 36 ms
 * of a month's dashboard, twice, where the index alone answers in 7. `met_at` is always NULL in
 * this partial index and `paused_since` nearly always; each adds a byte to an entry. The order
 * (breached_at, due) is unchanged, so the sweep and the reports' pending clocks read the same
 * first range. Runs again over its own index.
 */
export const sql = `
DROP INDEX IF EXISTS case_clocks_running;
CREATE INDEX case_clocks_running ON case_clocks (breached_at, due, paused_since, met_at) WHERE met_at IS NULL;
`;
