import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../domain/api/views.ts';

export interface Session {
  token: string;
  user: SessionUser;
  /** Ends after this long without a call. */
  expiresAt: number;
  /** Ends at this time whatever happens: a forgotten desk does not stay signed in for days. */
  endsAt: number;
  /** Locked: only the lock screen's calls are answered until the user unlocks. */
  locked: boolean;
}

/** Sessions live in memory: a restart of the desk signs everyone out, which a shared workstation wants. */
export function createSessions(options: { idleMs: number; maxMs?: number; now: () => number }) {
  const maxMs = options.maxMs ?? Number.POSITIVE_INFINITY;
  const byToken = new Map<string, Session>();
  return {
    open(user: SessionUser): Session {
      const now = options.now();
      const session = {
        token: randomBytes(32).toString('base64url'),
        user,
        expiresAt: now + options.idleMs,
        endsAt: now + maxMs,
        locked: false,
      };
      byToken.set(session.token, session);
      return session;
    },
    /** The live session of a token, its idle timer restarted; null when unknown or expired. */
    resolve(token: string | undefined): Session | null {
      if (!token) return null;
      const session = byToken.get(token);
      if (!session) return null;
      const now = options.now();
      if (session.expiresAt <= now || session.endsAt <= now) {
        byToken.delete(token);
        return null;
      }
      session.expiresAt = Math.min(now + options.idleMs, session.endsAt);
      return session;
    },
    close(token: string): void {
      byToken.delete(token);
    },
    /** Ends every session of a user: their account was disabled or their password reset. */
    closeAllOf(userId: string, exceptToken?: string): void {
      for (const [token, session] of byToken) if (session.user.id === userId && token !== exceptToken) byToken.delete(token);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
