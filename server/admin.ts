import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findSiteByName, insertEnrolmentCode, insertSite, revokeDesk } from './store/queries.ts';
import type { ServerDatabase } from './store/schema.ts';

/** An enrolment code is good this long after it is issued. */
export const enrolmentCodeLifeMs = 24 * 3_600_000;

/** Letters a person reads off a screen and types without mixing up (no 0/O, 1/I/L). */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replaceAll('-', ''), 'utf8').digest('hex');

export async function addSite(db: Kysely<ServerDatabase>, name: string, now: Date): Promise<{ id: number; name: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('a site needs a name');
  if (await findSiteByName(db, trimmed)) throw new Error(`a site named ${trimmed} exists already`);
  return { id: await insertSite(db, trimmed, now.toISOString()), name: trimmed };
}

/** A one-time enrolment code for a desk of `siteName`, shown once: only its hash is kept. */
export async function issueEnrolmentCode(
  db: Kysely<ServerDatabase>,
  siteName: string,
  now: Date,
  lifeMs = enrolmentCodeLifeMs,
): Promise<{ code: string; expiresAt: string }> {
  const site = await findSiteByName(db, siteName.trim());
  if (!site) throw new Error(`no site named ${siteName}`);
  const raw = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(now.getTime() + lifeMs).toISOString();
  await insertEnrolmentCode(db, { code_hash: hashCode(code), site_id: site.id, expires_at: expiresAt, created_at: now.toISOString() });
  return { code, expiresAt };
}

export async function revoke(db: Kysely<ServerDatabase>, deskId: string, now: Date): Promise<boolean> {
  return Number((await revokeDesk(db, deskId, now.toISOString())).numUpdatedRows) === 1;
}
