/**
 * Migration 17: two indexes no query reads, which every case write kept up to date. A
 * registration's commit wrote about four pages of `case_clocks_unbreached` (its three clocks
 * have three deadlines, far apart in the index) and one of `cases_board`; each later act that
 * moves a clock or a status wrote them again. `case_clocks_unbreached` (every clock without a
 * breach, those met on time in all the years included) is the index the breach sweep must be
 * kept from with INDEXED BY; `cases_board` (status, the feedback deadline) served the first
 * board, which now reads `cases_status_due`. Imports nothing of the app.
 */
export const sql = `
DROP INDEX IF EXISTS case_clocks_unbreached;
DROP INDEX IF EXISTS cases_board;
`;
