// The store's tables of a desk that syncs with its site's server (migrations 14 to 16 and 20).
import type { Generated } from 'kysely';

/** The one row of an enrolled desk: its server, its identity there, how far it got (migration 14). */
export interface SyncConfigTable {
  id: number;
  server_url: string;
  desk_id: string;
  site_id: string;
  site_name: string;
  public_key: string;
  private_key: string;
  prefix: string;
  enrolled_at: string;
  pull_cursor: Generated<number>;
  last_sync_at: string | null;
  /** JSON { code, at, caseId? } of the last failed round, null after a good one. */
  last_error: string | null;
  /** Since when the server could not be reached, while it cannot. */
  offline_since: string | null;
  /** 1 while events received from the server are stored: the outbox trigger leaves them out. */
  receiving: Generated<number>;
  /** How far this desk took the site's removals (migration 18). */
  removal_cursor: Generated<number>;
}

/** The events the server has not acknowledged yet, by their place in the log (migration 14). */
export interface SyncOutboxTable {
  pos: number;
}

/** Reference records and audit entries that travel (migration 15). */
export interface SyncRefOutboxTable {
  kind: string;
  key: string;
  /** Wall time of the change, in ms: the record's clock once it is sent. */
  changed_ms: number;
}

export interface SyncRefVersionsTable {
  kind: string;
  key: string;
  hlc: string;
  /** 1: the group wrote this version for every site (migration 20); the desk keeps the record read-only. */
  group_owned: Generated<number>;
}

export interface SyncRefCursorTable {
  id: number;
  cursor: number;
}

export interface SyncAuditOutboxTable {
  id: string;
}

export interface RefAliasesTable {
  kind: string;
  local_id: string;
  canonical_id: string;
  merged_at: string;
}

export interface AccountClashesTable {
  username: string;
  local_id: string;
  remote_id: string;
  /** The site's account as it arrived (domain/sync/referenceRecords.ts UserRecord), JSON. */
  remote_record: string;
  remote_hlc: string;
  found_at: string;
}

/** Cases whose removal the server has not acknowledged yet (migration 18). */
export interface SyncRemovalOutboxTable {
  case_id: string;
}

/** Files of this desk's events the server has not acknowledged yet (migration 16). */
export interface EvidenceOutboxTable {
  sha256: string;
  case_id: string;
}

/** The group's sites as the server last listed them, for transfers made offline (migration 19). */
export interface GroupSitesTable {
  id: string;
  name: string;
  listed_at: string;
}

/** Files named by events from the site that this desk does not hold yet (migration 16). */
export interface EvidenceWantedTable {
  sha256: string;
  case_id: string;
  tries: Generated<number>;
}
