import { createPublicKey } from 'node:crypto';
import type { EnrolResponse } from '../../domain/sync/protocol.ts';
import { enrolRequestSchema } from '../../domain/sync/protocol.ts';
import { hashCode } from '../admin.ts';
import { Refused } from '../refusal.ts';
import { findDesk, findEnrolmentCode, findSite, insertDesk, lockPrefixes, prefixesOfGroup, spendEnrolmentCode } from '../store/queries.ts';
import type { RouteContext } from './context.ts';

/**
 * The first prefix no desk of the group has: A…Z, then AA…ZZ. Unique in the group, so a case
 * number names one case wherever it travels (a transfer between sites among them).
 */
export function nextPrefix(taken: readonly string[]): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const used = new Set(taken);
  for (const a of letters) if (!used.has(a)) return a;
  for (const a of letters) for (const b of letters) if (!used.has(a + b)) return a + b;
  throw new Error('the group has no prefix left');
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
    // Two desks joining at once, of one site or two, must not take one prefix.
    await lockPrefixes(trx, c.dialect);
    const prefix = nextPrefix(await prefixesOfGroup(trx));
    await insertDesk(trx, {
      id: input.deskId,
      site_id: site.id,
      name: input.deskName,
      public_key: input.publicKey,
      prefix,
      shared_prefix: 0,
      enrolled_at: c.now().toISOString(),
      revoked_at: null,
    });
    c.log(`enrolled desk ${input.deskId} (${input.deskName}) in site ${site.name} with prefix ${prefix}`);
    return { deskId: input.deskId, siteId: String(site.id), siteName: site.name, prefix };
  });
}
