/**
 * When a desk's automatic backup is due, and when its absence should worry someone. Pure
 * functions of the clock; the desk's time zone is a fixed UTC offset (China has no DST).
 */

export const defaultBackupPolicy = { dailyTime: '17:30', keep: 14, onQuit: true } as const;

/** A backup that failed is tried again this long after the failure, until one succeeds. */
export const retryAfterFailureMs = 60 * 60_000;

/** Past a day since the last good backup, plus this grace, the top bar says it is overdue. */
export const overdueGraceMs = 2 * 60 * 60_000;

const dayMs = 24 * 60 * 60_000;

/** The latest instant at or before `now` when the clock on the desk's wall showed `dailyTime`. */
export function lastScheduledInstant(now: Date, dailyTime: string, utcOffsetMinutes: number): Date {
  const [h, m] = dailyTime.split(':').map(Number) as [number, number];
  const offsetMs = utcOffsetMinutes * 60_000;
  const local = now.getTime() + offsetMs;
  const localMidnight = Math.floor(local / dayMs) * dayMs;
  let candidate = localMidnight + (h * 60 + m) * 60_000;
  if (candidate > local) candidate -= dayMs;
  return new Date(candidate - offsetMs);
}

export interface BackupAttempt {
  at: string;
  ok: boolean;
}

/** Whether the scheduler should back up now: a scheduled time has passed since the last attempt, or the last attempt failed an hour ago. */
export function isBackupDue(now: Date, dailyTime: string, utcOffsetMinutes: number, last: BackupAttempt | null): boolean {
  if (!last) return true;
  const lastAt = Date.parse(last.at);
  if (lastAt < lastScheduledInstant(now, dailyTime, utcOffsetMinutes).getTime()) return true;
  return !last.ok && now.getTime() - lastAt >= retryAfterFailureMs;
}

export function isBackupOverdue(now: Date, lastGoodAt: string | null): boolean {
  if (!lastGoodAt) return true;
  return now.getTime() - Date.parse(lastGoodAt) > dayMs + overdueGraceMs;
}
