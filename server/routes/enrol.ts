import { createPublicKey } from 'node:crypto';
import type { EnrolResponse } from '../../domain/sync/protocol.ts';
import { enrolRequestSchema } from '../../domain/sync/protocol.ts';
import { hashCode } from '../admin.ts';
import { Refused } from '../refusal.ts';
import { findDesk, findEnrolmentCode, findSite, insertDesk, lockSequence, prefixesOfSite, spendEnrolmentCode } from '../store/queries.ts';
import type { RouteContext } from './context.ts';

/** The first prefix no desk of the site has: A…Z, then AA…ZZ. */
export function nextPrefix(taken: readonly string[]): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const used = new Set(taken);
  for (const a of letters) if (!used.has(a)) return a;
  for (const a of letters) for (const b of letters) if (!used.has(a + b)) return a + b;
  throw new Error('the site has no prefix left');
}

/** POST /v1/enrol: a desk joins the site its one-time code was issued for, with its public key. */
export async function enrol(c: RouteContext, body: unknown): Promise<EnrolResponse> {
  const parsed = enrolRequestSchema.safeParse(body);
  if (!parsed.success) throw new Refused(400, 'malformed', 'refusal.enrolMalformed');
  const input = parsed.data;
  try {
    const key = createPublicKey({ key: Buffer.from(input.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw new Refused(400, 'malformed', 'refusal.notEd25519');
  }
  const codeHash = hashCode(input.code);
  return c.db.transaction().execute(async (trx) => {
    const code = await findEnrolmentCode(trx, codeHash);
    if (!code || code.used_by || code.revoked_at) throw new Refused(403, 'bad_code', 'refusal.badCode');
    if (Date.parse(code.expires_at) < c.now().getTime()) throw new Refused(403, 'expired_code', 'refusal.expiredCode');
    const site = await findSite(trx, code.site_id);
    if (!site) throw new Refused(403, 'bad_code', 'refusal.badCode');
    const existing = await findDesk(trx, input.deskId);
    if (existing) throw new Refused(409, 'foreign', 'refusal.enrolledAlready');
    if (!(await spendEnrolmentCode(trx, codeHash, input.deskId))) throw new Refused(403, 'bad_code', 'refusal.badCode');
    // Two desks joining at once must not take one prefix: the site's row orders them.
    await lockSequence(trx, site.id, c.dialect === 'postgres');
    const prefix = nextPrefix(await prefixesOfSite(trx, site.id));
    await insertDesk(trx, {
      id: input.deskId,
      site_id: site.id,
      name: input.deskName,
      public_key: input.publicKey,
      prefix,
      enrolled_at: c.now().toISOString(),
      revoked_at: null,
    });
    c.log(`enrolled desk ${input.deskId} (${input.deskName}) in site ${site.name} with prefix ${prefix}`);
    return { deskId: input.deskId, siteId: String(site.id), siteName: site.name, prefix };
  });
}
