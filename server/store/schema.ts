import type { Generated } from 'kysely';

/** The server's tables (server/store/migrations.ts), the same on SQLite and PostgreSQL. */
export interface SitesTable {
  id: Generated<number>;
  name: string;
  /** The site's global sequence: the last number given to an accepted event. */
  last_seq: Generated<number>;
  created_at: string;
  /** The group's last change (`group_records.rev`) this site's reference stream holds. */
  rules_rev: Generated<number>;
  /** Visits or units served in an ordinary month, for intake per 1,000; null when the site gives none. */
  volume_per_month: number | null;
  volume_unit: string | null;
}

export interface EnrolmentCodesTable {
  /** SHA-256 of the code: the code itself is shown once and never stored. */
  code_hash: string;
  site_id: number;
  expires_at: string;
  used_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface DesksTable {
  id: string;
  site_id: number;
  name: string;
  /** Ed25519 public key, SPKI DER in base64. */
  public_key: string;
  /** The prefix of its case numbers, unique in the group (server/store/groupIdentityMigration.ts). */
  prefix: string;
  /** 1 when another site's desk took the same prefix first, before prefixes were the group's. */
  shared_prefix: number;
  enrolled_at: string;
  revoked_at: string | null;
  /** What the desk's last signed request said and when it came (the sites and desks page). */
  last_seen_at: string | null;
  clock_drift_ms: number | null;
  desk_version: string | null;
  events_waiting: number | null;
  last_backup_at: string | null;
}

export interface NoncesTable {
  desk_id: string;
  nonce: string;
  at: string;
}

export interface CasesTable {
  id: string;
  site_id: number;
}

export interface EventsTable {
  site_id: number;
  seq: number;
  id: string;
  case_id: string;
  hash: string;
  desk_id: string;
  /** The event as it travels (domain/sync/protocol.ts WireEvent), JSON. */
  body: string;
  received_at: string;
}

/** A site's reference records, the newest version of each (last writer wins by its clock). */
export interface ReferenceRecordsTable {
  site_id: number;
  kind: string;
  key: string;
  hlc: string;
  /** The row as it travels, JSON; null once deleted. */
  row: string | null;
  desk_id: string;
  /** The site's reference sequence when this version arrived: pulls page by it. */
  seq: number;
  received_at: string;
  /** 1 when the group wrote this record for every site: a desk's push of it is refused. */
  group_owned: Generated<number>;
}

/** The group's version of a record it keeps the same in every site (or every site of a profile). */
export interface GroupRecordsTable {
  kind: string;
  /** '' for every site; a profile (hospital, property, serviceHall) for its sites' deadline policies. */
  profile: string;
  key: string;
  /** The row as it travels, JSON. */
  row: string;
  /** The group's change that last wrote it. */
  rev: number;
  updated_at: string;
  updated_by: string | null;
}

/** Every desk's audit log, append-only. */
export interface AuditEntriesTable {
  site_id: number;
  desk_id: string;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  received_at: string;
}

export interface EvidenceTable {
  site_id: number;
  sha256: string;
  size: number;
  /** The case that named the file when it was uploaded. */
  case_id: string;
  desk_id: string;
  stored_at: string;
  /** The bytes, where the server keeps no folder of its own (server/store/evidenceMigration.ts). */
  content: Buffer | null;
  /** When a removal (retention, a person's request) deleted the bytes: the row stays as the record of it. */
  removed_at: string | null;
}

/** The cases of a site whose data a desk removed, numbered in the site's removal sequence for the other desks' pulls. */
export interface RemovalsTable {
  site_id: number;
  case_id: string;
  /** JSON array of the kinds removed (`evidence`, `personalData`). */
  kinds: string;
  at: string;
  removed_by: string;
  reason: string;
  desk_id: string;
  seq: number;
  received_at: string;
}

/** A case as the group's reports and search read it (domain/reports/siteCase.ts); 0/1 for booleans. */
export interface CaseProjectionTable {
  row_no: Generated<number>;
  case_id: string;
  /** The site that holds the case: its handling counts there. */
  site_id: number;
  /** The site where it was registered: its intake counts there (server/store/groupIdentityMigration.ts). */
  registered_site_id: number;
  number: string;
  type: string;
  status: string;
  channel: string;
  severity: string;
  category_id: string | null;
  department_id: string | null;
  handler_id: string | null;
  respondent_department_id: string | null;
  respondent_person: string | null;
  subject: string;
  complainant_name: string;
  complainant_phone: string | null;
  phone_key: string | null;
  confidential: number;
  anonymous: number;
  received_at: string;
  received_day: string;
  received_week: string;
  accepted_at: string | null;
  declined: number;
  closed_at: string | null;
  finding: string | null;
  follow_ups: number;
  last_satisfaction: number | null;
  merged: number;
  resolve_done_at: string | null;
  ack_due: string | null;
  ack_met_at: string | null;
  ack_breached_at: string | null;
  feedback_due: string | null;
  feedback_met_at: string | null;
  feedback_breached_at: string | null;
  resolve_due: string | null;
  resolve_met_at: string | null;
  resolve_breached_at: string | null;
  paused_since: string | null;
  handling_days: number | null;
  /** Repeats an earlier complaint of the site (domain/reports/figures.ts repeatIds). */
  is_repeat: Generated<number>;
  search_text: string;
  search_terms: string;
  event_count: number;
  /** Acts the fold set aside as conflicts, to be settled at the site (server/store/conflictsMigration.ts). */
  conflict_count: number;
}

/** A transfer of a case to another site (转办) the server accepted (migration 006). */
export interface TransfersTable {
  /** The `transferred` event's id. */
  event_id: string;
  case_id: string;
  from_site: number;
  to_site: number;
  reason: string;
  actor_id: string;
  desk_id: string;
  /** When it was made (the event's time). */
  at: string;
  received_at: string;
}

/** An event numbered in a site's sequence that the site did not receive itself (migration 006). */
export interface RelayedEventsTable {
  site_id: number;
  seq: number;
  event_id: string;
  case_id: string;
}

/** The group the console serves: one row, written by the first setup. */
export interface GroupInfoTable {
  id: number;
  name: string;
  created_at: string;
}

export interface GroupAccountsTable {
  id: string;
  username: string;
  display_name: string;
  /** domain/console/groupRoles.ts GroupRole. */
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface GroupSessionsTable {
  /** SHA-256 of the bearer token. */
  token_hash: string;
  account_id: string;
  created_at: string;
  /** Ends after this without a call (moved on by each call), and at `ends_at` whatever happens. */
  expires_at: string;
  ends_at: string;
}

/** Wrong passwords from one place for one name (domain/access/loginPolicy.ts). */
export interface GroupLoginAttemptsTable {
  source: string;
  username: string;
  failures: number;
  lockouts: number;
  locked_until: string | null;
  updated_at: string;
}

/** The group's audit log, append-only: who did what, and the record before and after, as JSON. */
export interface GroupAuditTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  before: string | null;
  after: string | null;
  source: string;
}

/**
 * The group's report roll-ups (server/store/caseRollups.ts): per site, local day, dimension and
 * key ('' for none), the rows of the cohort and the sums of its counts (reportQueries.ts countNames).
 */
export interface CaseRollupsTable {
  site_id: number;
  day: string;
  dimension: string;
  key: string;
  cohort_rows: number;
}

export interface ServerDatabase {
  sites: SitesTable;
  enrolment_codes: EnrolmentCodesTable;
  desks: DesksTable;
  nonces: NoncesTable;
  cases: CasesTable;
  events: EventsTable;
  reference_records: ReferenceRecordsTable;
  audit_entries: AuditEntriesTable;
  evidence: EvidenceTable;
  transfers: TransfersTable;
  relayed_events: RelayedEventsTable;
  group_records: GroupRecordsTable;
  group_info: GroupInfoTable;
  group_accounts: GroupAccountsTable;
  group_sessions: GroupSessionsTable;
  group_login_attempts: GroupLoginAttemptsTable;
  group_audit: GroupAuditTable;
  case_projection: CaseProjectionTable;
  case_rollups: CaseRollupsTable;
  removals: RemovalsTable;
}
