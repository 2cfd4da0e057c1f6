import type { GroupRole } from './groupRoles.ts';

/** What the console shows of group accounts, sessions and the group audit log. */

export interface GroupAccountView {
  id: string;
  username: string;
  displayName: string;
  role: GroupRole;
  disabled: boolean;
  createdAt: string;
  /** Shut out after wrong passwords until then, or null. */
  lockedUntil: string | null;
}

export interface ConsoleSessionUser {
  id: string;
  username: string;
  displayName: string;
  role: GroupRole;
}

export interface ConsoleLogin {
  token: string;
  user: ConsoleSessionUser;
  groupName: string;
  expiresAt: string;
}

export interface GroupAuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  /** The record's name as the log's reader knows it (an account's username, a site's or desk's name), when it still exists. */
  targetName: string | null;
  before: unknown;
  after: unknown;
  source: string;
}
