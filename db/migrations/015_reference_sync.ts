/**
 * Migration 15: reference records and the audit log travel (DESIGN.md §10). A change to a
 * department, category, account, deadline policy, calendar day or site setting is noted in
 * `sync_ref_outbox` by a trigger, in the same transaction, with the wall time it was made (the
 * record's clock for last-writer-wins); records received from the server are written while
 * `sync_config.receiving` is set and are not noted. `sync_ref_versions` holds the clock of the
 * version of each record this desk last sent or took. `sync_audit_outbox` lists audit entries
 * the server has not acknowledged. `ref_aliases` maps a record this desk made before it joined
 * to the site's record of the same meaning: the signed case events keep naming the old id and
 * the read model is folded through the alias. `account_clashes` holds an account of the site
 * whose name this desk already gives to someone else, until an administrator settles it.
 * Account sign-in bookkeeping (failed logins, lock) is the desk's own and does not travel.
 * Site settings are the ones every desk of a site shares; a desk's name, printer and language stay.
 * Imports nothing of the app.
 */
const wallMs = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
const syncing = 'EXISTS (SELECT 1 FROM sync_config WHERE receiving = 0)';

function noted(table: string, kind: string, key: (row: 'NEW' | 'OLD') => string, where = '', columns = ''): string {
  const note = (row: 'NEW' | 'OLD') =>
    `INSERT INTO sync_ref_outbox (kind, key, changed_ms) VALUES ('${kind}', ${key(row)}, ${wallMs})
     ON CONFLICT (kind, key) DO UPDATE SET changed_ms = max(changed_ms, excluded.changed_ms)`;
  const when = (row: 'NEW' | 'OLD') => `WHEN ${syncing}${where ? ` AND ${where.replaceAll('ROW', row)}` : ''}`;
  return `
CREATE TRIGGER sync_ref_${table}_insert AFTER INSERT ON ${table} ${when('NEW')} BEGIN ${note('NEW')}; END;
CREATE TRIGGER sync_ref_${table}_update AFTER UPDATE ${columns ? `OF ${columns} ` : ''}ON ${table} ${when('NEW')} BEGIN ${note('NEW')}; END;
CREATE TRIGGER sync_ref_${table}_delete AFTER DELETE ON ${table} ${when('OLD')} BEGIN ${note('OLD')}; END;`;
}

const siteSettings = [
  'org.name',
  'org.profile',
  'desk.numberFormat',
  'desk.idleLockMinutes',
  'desk.utcOffsetMinutes',
  'desk.workingHours',
  'cases.reviewWindowDays',
  'privacy.intakeNotice',
  'deadlines.dueSoonWorkingDays',
];

export const sql = `
CREATE TABLE sync_ref_outbox (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  changed_ms INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) STRICT;

CREATE TABLE sync_ref_versions (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  hlc TEXT NOT NULL,
  PRIMARY KEY (kind, key)
) STRICT;

CREATE TABLE sync_ref_cursor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cursor INTEGER NOT NULL
) STRICT;

CREATE TABLE sync_audit_outbox (
  id TEXT PRIMARY KEY
) STRICT;

CREATE TABLE ref_aliases (
  kind TEXT NOT NULL,
  local_id TEXT NOT NULL,
  canonical_id TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  PRIMARY KEY (kind, local_id)
) STRICT;

CREATE TABLE account_clashes (
  username TEXT PRIMARY KEY,
  local_id TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  remote_record TEXT NOT NULL,
  remote_hlc TEXT NOT NULL,
  found_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER sync_audit_outbox_fill AFTER INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM sync_config)
BEGIN INSERT OR IGNORE INTO sync_audit_outbox (id) VALUES (NEW.id); END;
${noted('departments', 'department', (r) => `${r}.id`)}
${noted('categories', 'category', (r) => `${r}.id`)}
${noted(
  'users',
  'user',
  (r) => `${r}.id`,
  // A stand-in for someone of another desk is not this desk's account to send.
  `ROW.username NOT LIKE 'remote-%'`,
  'username, display_name, password_hash, roles, department_ids, disabled, password_changed_at',
)}
${noted('deadline_policies', 'policy', (r) => `${r}.type || '|' || ${r}.severity`)}
${noted('calendar_years', 'calendarYear', (r) => `CAST(${r}.year AS TEXT)`)}
${noted('calendar_days', 'calendarDay', (r) => `${r}.date`)}
${noted('calendar_local_days', 'localDay', (r) => `${r}.date`)}
${noted('settings', 'setting', (r) => `${r}.key`, `ROW.key IN (${siteSettings.map((k) => `'${k}'`).join(', ')})`)}
`;
