import type { VolumeUnit } from './siteSchemas.ts';

/** What the sites and desks page shows. */

export interface SiteView {
  id: number;
  name: string;
  volume: { perMonth: number; unit: VolumeUnit } | null;
  createdAt: string;
  desks: number;
  activeDesks: number;
}

export interface IssuedCode {
  /** Shown once: only its hash is kept. */
  code: string;
  codeId: string;
  siteId: number;
  expiresAt: string;
}

export interface EnrolmentCodeView {
  codeId: string;
  siteId: number;
  siteName: string;
  createdAt: string;
  expiresAt: string;
  /** The desk that used it, or null while unused. */
  usedBy: string | null;
  revokedAt: string | null;
  state: 'open' | 'used' | 'expired' | 'revoked';
}

export interface DeskView {
  id: string;
  name: string;
  siteId: number;
  siteName: string;
  prefix: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** The last signed request the server answered, or null before the first. */
  lastSeenAt: string | null;
  /** The desk's clock minus the server's at its last request, in milliseconds. */
  clockDriftMs: number | null;
  version: string | null;
  /** Events the desk said it had not sent yet, at its last request. */
  eventsWaiting: number | null;
  lastBackupAt: string | null;
  /** Not heard from for more than a day (a revoked desk never is). */
  silent: boolean;
}
