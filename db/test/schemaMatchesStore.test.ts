import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../connection.ts';
import type { Database } from '../schema.ts';

/**
 * Every column of every table db/schema.ts declares, kept by hand. The compiler holds this map
 * to the kysely interfaces both ways (a column missing here or named here but not there does
 * not type-check); the test below holds it to the store the migrations build.
 */
type Columns<Table> = { [Column in keyof Table]-?: true };
const declared: { [Table in keyof Database]-?: Columns<Database[Table]> } = {
  users: {
    id: true,
    username: true,
    display_name: true,
    password_hash: true,
    roles: true,
    department_ids: true,
    disabled: true,
    created_at: true,
    version: true,
    failed_logins: true,
    locked_until: true,
    password_changed_at: true,
  },
  departments: { id: true, name: true, parent_id: true, disabled: true, created_at: true, version: true },
  categories: { id: true, name: true, parent_id: true, disabled: true, created_at: true, version: true, code: true },
  cases: {
    seqno: true,
    id: true,
    number: true,
    query_code: true,
    status: true,
    type: true,
    channel: true,
    severity: true,
    subject: true,
    content: true,
    demands: true,
    complainant_name: true,
    complainant_phone: true,
    complainant: true,
    respondent: true,
    category_id: true,
    department_id: true,
    co_department_ids: true,
    handler_id: true,
    received_at: true,
    registered_by: true,
    confidential: true,
    anonymous: true,
    deadline_acknowledge: true,
    deadline_feedback: true,
    deadline_resolve: true,
    created_at: true,
    updated_at: true,
    last_seq: true,
    intake: true,
    complainant_phone_key: true,
    finding: true,
    proposal_state: true,
    proposed_by: true,
    first_responded_at: true,
    follow_up_count: true,
    last_satisfaction: true,
    follow_up_satisfied: true,
    explanation_accepted: true,
    closed_at: true,
    escalated_at: true,
    merged_into_id: true,
    merged_into_number: true,
    linked_case_ids: true,
    due_at: true,
    heads: true,
    conflict_count: true,
    removed_kinds: true,
    transfer: true,
  },
  case_events: {
    pos: true,
    id: true,
    dag: true,
    parents: true,
    type: true,
    payload: true,
    actor: true,
    device: true,
    at: true,
    lead: true,
    tick: true,
  },
  event_parties: { n: true, name: true },
  audit_log: { id: true, at: true, actor_id: true, action: true, target: true, detail: true },
  settings: { key: true, value: true, version: true, updated_at: true },
  counters: { scope: true, value: true },
  prints: { id: true, document: true, case_id: true, template: true, copy: true, at: true, actor_id: true },
  case_search_trigram: { rowid: true, doc: true },
  case_search_bigram: { rowid: true, doc: true },
  calendar_years: { year: true, source: true, imported_at: true, imported_by: true },
  calendar_days: { date: true, kind: true, name: true },
  calendar_local_days: { date: true, kind: true, note: true, updated_at: true, updated_by: true },
  deadline_policies: { type: true, severity: true, clocks: true, version: true, updated_at: true, updated_by: true },
  case_clocks: { case_seqno: true, clock: true, due: true, met_at: true, breached_at: true, paused_since: true, provisional: true },
  case_report_facts: {
    case_seqno: true,
    accepted_at: true,
    declined: true,
    ack_done_at: true,
    feedback_done_at: true,
    resolve_done_at: true,
    ack_breached: true,
    feedback_breached: true,
    resolve_breached: true,
    finding: true,
    closed_at: true,
    follow_ups: true,
    last_satisfaction: true,
    handling_days: true,
    merged: true,
  },
  corrective_actions: {
    id: true,
    source: true,
    case_id: true,
    period: true,
    department_id: true,
    cause: true,
    measure: true,
    training: true,
    owner: true,
    due_date: true,
    status: true,
    implemented_at: true,
    implementation: true,
    verified_at: true,
    verified_by: true,
    verification: true,
    created_at: true,
    created_by: true,
    updated_at: true,
    version: true,
  },
  case_departments: { department_id: true, status: true, case_seqno: true, lead: true },
  case_status_counts: { status: true, n: true },
  year_seals: {
    year: true,
    sealed_at: true,
    sealed_by: true,
    org_name: true,
    case_count: true,
    carried_over: true,
    manifest_sha256: true,
    public_key: true,
    signature: true,
  },
  sealed_cases: { case_id: true, year: true, number: true, last_seq: true, final_hash: true },
  event_redactions: { pos: true, hash: true },
  case_removals: { case_id: true, kind: true, removed_at: true, removed_by: true, reason: true, files: true },
  evidence_refs: { seqno: true, sha256: true },
  sync_config: {
    id: true,
    server_url: true,
    desk_id: true,
    site_id: true,
    site_name: true,
    public_key: true,
    private_key: true,
    prefix: true,
    enrolled_at: true,
    pull_cursor: true,
    last_sync_at: true,
    last_error: true,
    offline_since: true,
    receiving: true,
    removal_cursor: true,
  },
  sync_outbox: { pos: true },
  sync_ref_outbox: { kind: true, key: true, changed_ms: true },
  sync_ref_versions: { kind: true, key: true, hlc: true, group_owned: true },
  sync_ref_cursor: { id: true, cursor: true },
  sync_audit_outbox: { id: true },
  ref_aliases: { kind: true, local_id: true, canonical_id: true, merged_at: true },
  account_clashes: { username: true, local_id: true, remote_id: true, remote_record: true, remote_hlc: true, found_at: true },
  evidence_outbox: { sha256: true, case_id: true },
  sync_removal_outbox: { case_id: true },
  evidence_wanted: { sha256: true, case_id: true, tries: true },
  group_sites: { id: true, name: true, listed_at: true },
};

/** Tables only raw SQL reads and writes (the report roll-ups, db/queries/reportRollups.ts), so kysely has no type for them. */
const rawSqlTables = ['report_counted', 'report_daily', 'report_phone_month', 'report_rollup_state'];

describe('db/schema.ts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-schema-'));
  const store = openStore(dir);
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares every table of the migrated store, and no table it lacks', () => {
    const tables = store.sqlite
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    expect([...Object.keys(declared), ...rawSqlTables].sort()).toEqual(tables.sort());
  });

  it('declares the columns each table has in the migrated store', () => {
    const columnsOf = store.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck();
    for (const [table, columns] of Object.entries(declared)) {
      // rowid is SQLite's own key: a full-text table's is declared to be read, and no table lists it.
      const named = Object.keys(columns).filter((c) => c !== 'rowid');
      expect({ table, columns: named.sort() }).toEqual({ table, columns: (columnsOf.all(table) as string[]).sort() });
    }
  });
});
