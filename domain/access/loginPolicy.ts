/** How the desk answers repeated wrong passwords and idle sessions. */
export const loginPolicy = {
  /** Wrong passwords in a row, from one place for one name, before that place is shut out of it for a while. */
  maxFailedLogins: 5,
  /** The first shut-out; each further one from the same place for the same name lasts twice as long, up to the cap. */
  lockoutMinutes: 15,
  maxLockoutMinutes: 24 * 60,
  /** A session ends after this long without a call, and in any case after `sessionMaxHours`. */
  sessionIdleHours: 8,
  sessionMaxHours: 12,
} as const;

/**
 * Wrong passwords typed from one place (the browser host's caller address; Electron's one
 * window) for one name, whether or not an account has it: a stranger elsewhere cannot shut
 * the owner out, and a name that does not exist is answered exactly like one that does.
 */
export interface LoginAttempts {
  failures: number;
  /** Shut-outs so far: each doubles the next. */
  lockouts: number;
  lockedUntil: number | null;
}

export const noLoginAttempts: LoginAttempts = { failures: 0, lockouts: 0, lockedUntil: null };

export function afterFailedLogin(before: LoginAttempts, nowMs: number): LoginAttempts {
  // A shut-out that has run out starts the count again; the next one is longer.
  const failures = (before.lockedUntil === null ? before.failures : 0) + 1;
  if (failures < loginPolicy.maxFailedLogins) return { failures, lockouts: before.lockouts, lockedUntil: null };
  const lockouts = before.lockouts + 1;
  const minutes = Math.min(loginPolicy.lockoutMinutes * 2 ** (lockouts - 1), loginPolicy.maxLockoutMinutes);
  return { failures, lockouts, lockedUntil: nowMs + minutes * 60_000 };
}

export function isShutOut(attempts: LoginAttempts, nowMs: number): boolean {
  return attempts.lockedUntil !== null && attempts.lockedUntil > nowMs;
}
