/**
 * Migration 4: accounts that lock after repeated wrong passwords, and indexes for the audit
 * log viewer's filters (who, what, when). Imports nothing of the app.
 */
export const sql = `
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
`;
