import { afterFailedLogin, isShutOut, type LoginAttempts, noLoginAttempts } from '../../domain/access/loginPolicy.ts';

/** Places × names remembered at most: a caller trying made-up names cannot grow the desk's memory without end. */
const maxRemembered = 10_000;

/**
 * Wrong passwords per place and name (domain/access/loginPolicy.ts), kept in memory like the
 * sessions. A place shut out of a name is refused whatever it types until the time is up;
 * every other place, and the owner at their own desk, still signs in.
 */
export function createLoginThrottle(now: () => number) {
  const byKey = new Map<string, LoginAttempts & { username: string }>();
  const keyOf = (source: string, username: string) => JSON.stringify([source, username]);

  function forget(): void {
    const t = now();
    for (const [key, attempts] of byKey) {
      if (byKey.size < maxRemembered) return;
      if (!isShutOut(attempts, t)) byKey.delete(key);
    }
    // Everyone remembered is shut out: the oldest goes.
    const oldest = byKey.keys().next();
    if (byKey.size >= maxRemembered && !oldest.done) byKey.delete(oldest.value);
  }

  return {
    /** When the place's shut-out from this name ends, or null when it may try. */
    shutOutUntil(source: string, username: string): number | null {
      const attempts = byKey.get(keyOf(source, username));
      return attempts && isShutOut(attempts, now()) ? attempts.lockedUntil : null;
    },
    /** Counts a wrong password; answers the attempts after it (shut out when `lockedUntil` is set). */
    failed(source: string, username: string): LoginAttempts {
      const key = keyOf(source, username);
      const before = byKey.get(key) ?? noLoginAttempts;
      byKey.delete(key); // re-inserted last: the map's order is the order of last use
      if (byKey.size >= maxRemembered) forget();
      const next = { ...afterFailedLogin(before, now()), username };
      byKey.set(key, next);
      return next;
    },
    /** A good password from this place: its count for the name starts again. */
    succeeded(source: string, username: string): void {
      byKey.delete(keyOf(source, username));
    },
    /** When the last place shut out of this name may try again (what the accounts page shows), or null. */
    lockedUntil(username: string): number | null {
      const t = now();
      let until: number | null = null;
      for (const attempts of byKey.values()) {
        if (attempts.username === username && isShutOut(attempts, t)) until = Math.max(until ?? 0, attempts.lockedUntil ?? 0);
      }
      return until;
    },
    /** An administrator enabled the account or reset its password: every place may try again. */
    clear(username: string): void {
      for (const [key, attempts] of byKey) if (attempts.username === username) byKey.delete(key);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
