import type http from 'node:http';
import { syncHeaders } from '../domain/sync/protocol.ts';

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * What a signed request tells the console about its desk: when it came, how far the desk's
 * clock is from the server's, and what the desk said of itself in its headers (its version,
 * last backup, events waiting). A header that does not read as what it should is left out.
 */
export function deskSaid(headers: http.IncomingHttpHeaders, deskTime: string, now: Date) {
  const version = single(headers[syncHeaders.version])?.trim().slice(0, 40);
  const backupAt = single(headers[syncHeaders.backupAt])?.trim();
  const waiting = Number(single(headers[syncHeaders.waiting]));
  return {
    last_seen_at: now.toISOString(),
    clock_drift_ms: Date.parse(deskTime) - now.getTime(),
    desk_version: version && /^[\w.+-]+$/.test(version) ? version : undefined,
    last_backup_at: backupAt && backupAt.length <= 40 && !Number.isNaN(Date.parse(backupAt)) ? new Date(backupAt).toISOString() : undefined,
    events_waiting: Number.isSafeInteger(waiting) && waiting >= 0 ? waiting : undefined,
  };
}
