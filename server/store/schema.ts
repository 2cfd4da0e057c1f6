import type { Generated } from 'kysely';

/** The server's tables (server/store/migrations.ts), the same on SQLite and PostgreSQL. */
export interface SitesTable {
  id: Generated<number>;
  name: string;
  /** The site's global sequence: the last number given to an accepted event. */
  last_seq: Generated<number>;
  created_at: string;
}

export interface EnrolmentCodesTable {
  /** SHA-256 of the code: the code itself is shown once and never stored. */
  code_hash: string;
  site_id: number;
  expires_at: string;
  used_by: string | null;
  created_at: string;
}

export interface DesksTable {
  id: string;
  site_id: number;
  name: string;
  /** Ed25519 public key, SPKI DER in base64. */
  public_key: string;
  prefix: string;
  enrolled_at: string;
  revoked_at: string | null;
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
  removals: RemovalsTable;
}
