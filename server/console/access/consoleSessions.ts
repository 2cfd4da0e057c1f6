import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loginPolicy } from '../../../domain/access/loginPolicy.ts';
import type { GroupRole } from '../../../domain/console/groupRoles.ts';
import { deleteEndedSessions, findAccount, findSession, insertSession, touchSession } from '../../store/consoleQueries.ts';
import type { ServerDatabase } from '../../store/schema.ts';
import type { ConsoleSession } from '../consoleTypes.ts';

/**
 * Console sessions live in the store, not in a process: every server process on one
 * PostgreSQL knows them, and a restart keeps people signed in. They end after the desk's idle
 * time, and at its longest session whatever happens.
 */
const idleMs = loginPolicy.sessionIdleHours * 3_600_000;
const maxMs = loginPolicy.sessionMaxHours * 3_600_000;

export const tokenHashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function openConsoleSession(db: Kysely<ServerDatabase>, accountId: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + idleMs).toISOString();
  await insertSession(db, {
    token_hash: tokenHashOf(token),
    account_id: accountId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    ends_at: new Date(now.getTime() + maxMs).toISOString(),
  });
  // Now and then, the rows of ended sessions go.
  if (Math.random() < 0.05) await deleteEndedSessions(db, now.toISOString());
  return { token, expiresAt };
}

/** The live session of a bearer token, its idle time moved on; null when unknown, ended or its account disabled. */
export async function resolveConsoleSession(
  db: Kysely<ServerDatabase>,
  token: string | undefined,
  now: Date,
): Promise<ConsoleSession | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = tokenHashOf(token);
  const row = await findSession(db, tokenHash);
  const at = now.toISOString();
  if (!row || row.expires_at <= at || row.ends_at <= at) return null;
  const account = await findAccount(db, row.account_id);
  if (!account || account.disabled) return null;
  const expiresAt = new Date(Math.min(now.getTime() + idleMs, Date.parse(row.ends_at))).toISOString();
  // Moved on at most once a minute: a page polling the desks list does not write at every call.
  if (Date.parse(expiresAt) - Date.parse(row.expires_at) > 60_000) await touchSession(db, tokenHash, expiresAt);
  return {
    tokenHash,
    user: { id: account.id, username: account.username, displayName: account.display_name, role: account.role as GroupRole },
  };
}
