/** How the desk answers repeated wrong passwords and idle sessions. */
export const loginPolicy = {
  /** Wrong passwords in a row before the account is locked for a while. */
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  /** A session ends after this long without a call, and in any case after `sessionMaxHours`. */
  sessionIdleHours: 8,
  sessionMaxHours: 12,
} as const;

/** When an account locked by too many failures opens again, or null when it is not locked. */
export function lockedUntilAfterFailure(failuresBefore: number, now: Date): { failures: number; lockedUntil: string | null } {
  const failures = failuresBefore + 1;
  if (failures < loginPolicy.maxFailedLogins) return { failures, lockedUntil: null };
  return { failures, lockedUntil: new Date(now.getTime() + loginPolicy.lockoutMinutes * 60_000).toISOString() };
}

export function isLockedOut(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}
