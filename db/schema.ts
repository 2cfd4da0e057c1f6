import type { Generated } from 'kysely';
import type {
  AccountClashesTable,
  EvidenceOutboxTable,
  EvidenceWantedTable,
  GroupSitesTable,
  RefAliasesTable,
  SyncAuditOutboxTable,
  SyncConfigTable,
  SyncOutboxTable,
  SyncRefCursorTable,
  SyncRefOutboxTable,
  SyncRefVersionsTable,
  SyncRemovalOutboxTable,
} from './syncSchema.ts';

/** The store's tables as kysely sees them. Column names are snake_case as in SQL. */

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string; // JSON array of Role
  department_ids: string; // JSON array of department ids
  disabled: number;
  created_at: string;
  version: number;
  /** Wrong passwords in a row; reset by a good one or an administrator. */
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_changed_at: string | null;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  disabled: number;
  created_at: string;
  version: number;
}

export interface CategoriesTable {
  id: string;
  name: string;
  /** The seeded category's key (`attitude`, `billing`...), for suggestions; null for ones added later. */
  code?: string | null;
  parent_id: string | null;
  disabled: number;
  created_at: string;
  version: number;
}

export interface CasesTable {
  /** SQLite's rowid, named so the search tables can point at it. */
  seqno: Generated<number>;
  id: string;
  number: string;
  query_code: string;
  status: string;
  type: string;
  channel: string;
  severity: string;
  subject: string;
  content: string;
  demands: string | null;
  complainant_name: string;
  complainant_phone: string | null;
  complainant: string; // JSON Complainant
  respondent: string | null; // JSON
  category_id: string | null;
  department_id: string | null;
  co_department_ids: string; // JSON array
  handler_id: string | null;
  received_at: string;
  registered_by: string;
  confidential: number;
  anonymous: number;
  deadline_acknowledge: string;
  deadline_feedback: string;
  deadline_resolve: string;
  created_at: string;
  updated_at: string;
  /** The number of events in this desk's log of the case (the guard of concurrent writers). */
  last_seq: number;
  /** The hashes of the case's heads, 32 bytes each: what the next event names. */
  heads: Buffer;
  /** Acts set aside as impossible after a concurrent one, to be settled. */
  conflict_count: Generated<number>;
  /** What was removed of it at the end of retention or on request: 1 its evidence, 2 its personal data (migration 21). */
  removed_kinds: Generated<number>;
  finding: string | null;
  proposal_state: string | null;
  proposed_by: string | null;
  first_responded_at: string | null;
  follow_up_count: Generated<number>;
  last_satisfaction: number | null;
  follow_up_satisfied: Generated<number>;
  explanation_accepted: Generated<number>;
  closed_at: string | null;
  escalated_at: string | null;
  merged_into_id: string | null;
  merged_into_number: string | null;
  linked_case_ids: Generated<string>; // JSON array
  /** The deadline the case works towards now (domain/deadlines/deadlineStatus.ts); null once finished. */
  due_at: string | null;
  intake: Generated<string>; // JSON CaseIntake
  complainant_phone_key: string | null;
  /** The latest transfer to another site (JSON { from, to, reason, at }), null when none (migration 19). */
  transfer: string | null;
}

/** The event log, compact (db/migrations/010_event_dag.ts; read and written through db/eventCodec.ts). */
export interface CaseEventsTable {
  /** The case's seqno × 2^20 + the event's place in this desk's log. */
  pos: number;
  /** 16 bytes of a UUID. */
  id: Buffer;
  /** 0: an event of the single-writer chain; 1: a DAG event. */
  dag: number;
  /** The hashes of the heads seen, 32 bytes each. */
  parents: Buffer;
  type: string;
  payload: string; // JSON, hashed exactly as stored
  actor: number;
  device: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** The hybrid clock: its wall time's lead over `at`, and its counter. */
  lead: number;
  tick: number;
}

/** Who acted and on which desk, each name stored once. */
export interface EventPartiesTable {
  n: Generated<number>;
  name: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target: string | null;
  detail: string | null; // JSON
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  version: number;
  updated_at: string;
}

export interface CountersTable {
  scope: string;
  value: number;
}

export interface PrintsTable {
  id: string;
  /** What was printed: the case's id, or an analysis period (`month:2025-11`). */
  document: string;
  case_id: string | null;
  template: string;
  copy: number;
  at: string;
  actor_id: string;
}

export interface SearchTable {
  rowid: number;
  doc: string;
}

export interface CalendarYearsTable {
  year: number;
  source: 'bundled' | 'imported';
  imported_at: string;
  imported_by: string | null;
}

export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'makeUpDay';
  name: string | null;
}

export interface CalendarLocalDaysTable {
  date: string;
  kind: 'closure' | 'extraWorkingDay';
  note: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface DeadlinePoliciesTable {
  type: string;
  severity: string;
  clocks: string; // JSON DeadlinePolicy
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** Instants as epoch milliseconds (db/queries/storedTime.ts); keyed by the case's seqno. */
export interface CaseClocksTable {
  case_seqno: number;
  /** 0 acknowledge, 1 feedback, 2 resolve (db/queries/caseClocks.ts). */
  clock: number;
  due: number;
  met_at: number | null;
  breached_at: number | null;
  paused_since: number | null;
  provisional: number;
}

/** Instants as epoch milliseconds (db/queries/storedTime.ts); keyed by the case's seqno. */
export interface CaseReportFactsTable {
  case_seqno: number;
  accepted_at: number | null;
  declined: number;
  ack_done_at: number | null;
  feedback_done_at: number | null;
  resolve_done_at: number | null;
  ack_breached: number;
  feedback_breached: number;
  resolve_breached: number;
  finding: string | null;
  closed_at: number | null;
  follow_ups: number;
  last_satisfaction: number | null;
  handling_days: number | null;
  merged: number;
}

export interface CorrectiveActionsTable {
  id: string;
  source: 'case' | 'analysis';
  case_id: string | null;
  /** The analysis period it was raised from, e.g. `month:2025-11`. */
  period: string | null;
  department_id: string | null;
  cause: string;
  measure: string;
  training: string | null;
  owner: string;
  due_date: string; // local date YYYY-MM-DD
  status: 'open' | 'implemented' | 'closed';
  implemented_at: string | null;
  implementation: string | null;
  verified_at: string | null;
  verified_by: string | null;
  verification: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

/** Each case's lead (lead = 1) and co-departments with its status, kept by triggers (migration 11). */
export interface CaseDepartmentsTable {
  department_id: string;
  status: string;
  case_seqno: number;
  lead: number;
}

/** The number of cases in each status, kept by triggers (migration 11). */
export interface CaseStatusCountsTable {
  status: string;
  n: number;
}

export interface YearSealsTable {
  year: number;
  sealed_at: string;
  sealed_by: string;
  org_name: string;
  case_count: number;
  carried_over: string; // JSON array of case numbers
  manifest_sha256: string;
  public_key: string; // Ed25519, SPKI DER base64
  signature: string; // base64
}

export interface SealedCasesTable {
  case_id: string;
  year: number;
  number: string;
  last_seq: number;
  final_hash: string;
}

/** The hash an event had before personal data or evidence were taken out of its payload (migration 13). */
export interface EventRedactionsTable {
  pos: number;
  hash: string;
}

/** A case's tombstone: each kind of data removed from it (migration 13). */
export interface CaseRemovalsTable {
  case_id: string;
  kind: string;
  removed_at: string;
  removed_by: string;
  reason: string;
  files: number;
}

/** Which case's events name which evidence file (migration 21). */
export interface EvidenceRefsTable {
  seqno: number;
  sha256: string;
}

export interface Database {
  users: UsersTable;
  departments: DepartmentsTable;
  categories: CategoriesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  event_parties: EventPartiesTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  counters: CountersTable;
  prints: PrintsTable;
  case_search_trigram: SearchTable;
  case_search_bigram: SearchTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  calendar_local_days: CalendarLocalDaysTable;
  deadline_policies: DeadlinePoliciesTable;
  case_clocks: CaseClocksTable;
  case_report_facts: CaseReportFactsTable;
  corrective_actions: CorrectiveActionsTable;
  case_departments: CaseDepartmentsTable;
  case_status_counts: CaseStatusCountsTable;
  year_seals: YearSealsTable;
  sealed_cases: SealedCasesTable;
  event_redactions: EventRedactionsTable;
  case_removals: CaseRemovalsTable;
  evidence_refs: EvidenceRefsTable;
  sync_config: SyncConfigTable;
  sync_outbox: SyncOutboxTable;
  sync_ref_outbox: SyncRefOutboxTable;
  sync_ref_versions: SyncRefVersionsTable;
  sync_ref_cursor: SyncRefCursorTable;
  sync_audit_outbox: SyncAuditOutboxTable;
  ref_aliases: RefAliasesTable;
  account_clashes: AccountClashesTable;
  evidence_outbox: EvidenceOutboxTable;
  evidence_wanted: EvidenceWantedTable;
  group_sites: GroupSitesTable;
  sync_removal_outbox: SyncRemovalOutboxTable;
}
