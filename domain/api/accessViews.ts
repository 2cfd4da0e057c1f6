import type { Role } from '../cases/vocabulary.ts';

/** What the core answers about accounts, reference data, settings and the audit log. */

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentIds: string[];
  disabled: boolean;
  /** Set while too many wrong passwords keep the account shut. */
  lockedUntil: string | null;
  createdAt: string;
}

/** The little everyone may know of a colleague: enough to assign a case. */
export interface UserDirectoryEntry {
  id: string;
  displayName: string;
  roles: Role[];
  departmentIds: string[];
}

export interface Category {
  id: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
  /** The seeded category's key (`attitude`...), so a screen can word it in the reader's language; null for ones added later. */
  code: string | null;
  /** The group's category, the same in every site: read-only at the desk. */
  group: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  /** The raw target: a record's id, or a thing without a row (a period, a folder, a method). */
  target: string | null;
  /** What the target is to a reader: a case by its number, a user, department or category by name. */
  targetLabel: { kind: 'case' | 'user' | 'department' | 'category'; text: string } | null;
  detail: Record<string, unknown> | null;
}
