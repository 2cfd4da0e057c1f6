import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../domain/api/views.ts';

export interface Session {
  token: string;
  user: SessionUser;
  expiresAt: number;
}

/** Sessions live in memory: a restart of the desk signs everyone out, which a shared workstation wants. */
export function createSessions(options: { idleMs: number; now: () => number }) {
  const byToken = new Map<string, Session>();
  return {
    open(user: SessionUser): Session {
      const session = { token: randomBytes(32).toString('base64url'), user, expiresAt: options.now() + options.idleMs };
      byToken.set(session.token, session);
      return session;
    },
    /** The live session of a token, its idle timer restarted; null when unknown or expired. */
    resolve(token: string | undefined): Session | null {
      if (!token) return null;
      const session = byToken.get(token);
      if (!session) return null;
      if (session.expiresAt <= options.now()) {
        byToken.delete(token);
        return null;
      }
      session.expiresAt = options.now() + options.idleMs;
      return session;
    },
    close(token: string): void {
      byToken.delete(token);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
