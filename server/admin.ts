import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DeskError } from '../core/deskError.ts';
import { translatorFor } from '../core/translate.ts';
import type { VolumeUnit } from '../domain/console/siteSchemas.ts';
import { findSite, findSiteByName, insertEnrolmentCode, insertSite, revokeDesk } from './store/queries.ts';
import type { ServerDatabase } from './store/schema.ts';

/**
 * The group's administration of sites, enrolment codes and desks: one set of functions for the
 * console's sites and desks page and the command line (server/cli.ts). A refusal is a
 * DeskError the console answers translated and the command line prints in English.
 */

/** An enrolment code is good this long after it is issued. */
export const enrolmentCodeLifeMs = 24 * 3_600_000;

/** Letters a person reads off a screen and types without mixing up (no 0/O, 1/I/L). */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replaceAll('-', ''), 'utf8').digest('hex');

/** A code's id on the sites and desks page: the first letters of its hash. */
export const codeIdOf = (codeHash: string) => codeHash.slice(0, 12);

export interface SiteVolume {
  perMonth: number;
  unit: VolumeUnit;
}

export async function addSite(
  db: Kysely<ServerDatabase>,
  name: string,
  now: Date,
  volume: SiteVolume | null = null,
): Promise<{ id: number; name: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new DeskError('invalid_input', { key: 'invalidInput' }, { name: { key: 'field.required' } });
  if (await findSiteByName(db, trimmed)) {
    throw new DeskError(
      'conflict',
      { key: 'console:error.siteExists', values: { name: trimmed } },
      {
        name: { key: 'console:error.siteExists', values: { name: trimmed } },
      },
    );
  }
  const id = await insertSite(db, trimmed, now.toISOString(), volume);
  return { id, name: trimmed };
}

/** A one-time enrolment code for a desk of the site, shown once: only its hash is kept. */
export async function issueEnrolmentCode(
  db: Kysely<ServerDatabase>,
  site: string | number,
  now: Date,
  lifeMs = enrolmentCodeLifeMs,
): Promise<{ code: string; codeId: string; siteId: number; expiresAt: string }> {
  const found = typeof site === 'number' ? await findSite(db, site) : await findSiteByName(db, site.trim());
  if (!found) throw new DeskError('not_found', { key: 'console:error.noSite', values: { site: String(site) } });
  const raw = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(now.getTime() + lifeMs).toISOString();
  const codeHash = hashCode(code);
  await insertEnrolmentCode(db, { code_hash: codeHash, site_id: found.id, expires_at: expiresAt, created_at: now.toISOString() });
  return { code, codeId: codeIdOf(codeHash), siteId: found.id, expiresAt };
}

export async function revoke(db: Kysely<ServerDatabase>, deskId: string, now: Date): Promise<boolean> {
  return Number((await revokeDesk(db, deskId, now.toISOString())).numUpdatedRows) === 1;
}

/** A refusal as the command line prints it. */
export function adminMessage(e: unknown): string {
  if (e instanceof DeskError) {
    const t = translatorFor('en');
    const fields = Object.values(e.fieldRefs ?? {}).map((ref) => t(ref.key, ref.values ?? {}));
    return [t(e.ref.key, e.ref.values ?? {}), ...fields].join(' ');
  }
  return e instanceof Error ? e.message : String(e);
}
