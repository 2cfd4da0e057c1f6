/** What the sync methods answer. */

/** How the desk's sync stands, as the top bar words it. */
export type SyncState = 'off' | 'synced' | 'syncing' | 'offline' | 'error';

/**
 * Why the last round failed, as a code the screen words (`sync:problem.<code>`): the server
 * could not be reached, refused the desk, or sent something the desk would not take.
 */
export const syncProblems = [
  'unreachable',
  'certificate',
  'version',
  'clock',
  'revoked',
  'unknownDesk',
  'refused',
  'tampered',
  'internal',
] as const;
export type SyncProblem = (typeof syncProblems)[number];

export interface SyncError {
  problem: SyncProblem;
  at: string;
  /** The case a refused event belongs to. */
  caseId?: string | undefined;
}

/** What waits to go up, by kind. */
export interface SyncWaiting {
  /** Case events. */
  events: number;
  /** Reference records: departments, categories, accounts, policies, calendar, site settings. */
  records: number;
  /** Audit entries. */
  audit: number;
  /** Evidence files. */
  files: number;
}

export interface SyncStatus {
  enabled: boolean;
  state: SyncState;
  lastSyncAt: string | null;
  /** Everything written here that the server has not acknowledged yet: the sum of `waiting`. */
  pending: number;
  waiting: SyncWaiting;
  lastError: SyncError | null;
  /** Since when the server has not been reached, while it is not. */
  offlineSince: string | null;
  serverUrl: string | null;
  siteName: string | null;
  /** The prefix of this desk's case numbers on its site. */
  prefix: string | null;
}

export interface SyncRound {
  pushed: number;
  pulled: number;
}

/** An account name this desk and the site give to two different people, waiting for an administrator. */
export interface AccountClash {
  username: string;
  /** This desk's account, which keeps working here until the clash is settled. */
  local: { id: string; displayName: string };
  /** The site's account of the same name, not taken in yet. */
  site: { id: string; displayName: string };
  /** What tells them apart: another name shown (another person), or the same name and another password. */
  why: 'person' | 'password';
  foundAt: string;
}

/**
 * The other sites of the desk's group a case may be transferred to (转办), as the server last
 * listed them; `here` is the desk's own site, null when the desk is not in a group.
 */
export interface GroupSites {
  here: { id: string; name: string } | null;
  others: { id: string; name: string }[];
}
