/**
 * Migration 20: records the group keeps the same in every site (its calendar years, its
 * category tree, its deadline policies) arrive from the server marked as the group's, and the
 * desk keeps them read-only. `sync_ref_versions.group_owned` is that mark on the version this
 * desk took. Imports nothing of the app.
 */
export const sql = `
ALTER TABLE sync_ref_versions ADD COLUMN group_owned INTEGER NOT NULL DEFAULT 0 CHECK (group_owned IN (0, 1));
`;
