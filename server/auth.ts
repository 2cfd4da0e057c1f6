import { createHash, createPublicKey, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import { maxClockDriftMs, signedText, syncHeaders } from '../domain/sync/protocol.ts';
import { Refused } from './refusal.ts';
import { findDesk, forgetNonces, recordNonce } from './store/queries.ts';
import type { DesksTable, ServerDatabase } from './store/schema.ts';

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const header = (r: SignedRequest, name: string) => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Who sent a signed request: the enrolled, unrevoked desk whose Ed25519 key signed its method,
 * path, body digest, time and nonce, within the allowed clock drift. Reads only; the nonce is
 * recorded by `spendNonce` inside the transaction of what the request writes.
 */
export async function authenticate(
  db: Kysely<ServerDatabase>,
  r: SignedRequest,
  now: Date,
): Promise<DesksTable & { nonce: string; time: string }> {
  const deskId = header(r, syncHeaders.desk);
  const time = header(r, syncHeaders.time);
  const nonce = header(r, syncHeaders.nonce);
  const signature = header(r, syncHeaders.signature);
  if (!deskId || !time || !nonce || !signature) throw new Refused(401, 'unsigned', 'refusal.unsigned');
  if (nonce.length > 64 || deskId.length > 64) throw new Refused(400, 'malformed', 'refusal.headerTooLong');
  const desk = await findDesk(db, deskId);
  if (!desk) throw new Refused(403, 'unknown_desk', 'refusal.unknownDesk', { deskId });
  if (desk.revoked_at) throw new Refused(403, 'revoked', 'refusal.revoked', { deskId, at: desk.revoked_at });
  const sentAt = Date.parse(time);
  if (Number.isNaN(sentAt) || Math.abs(sentAt - now.getTime()) > maxClockDriftMs) {
    throw new Refused(401, 'clock', 'refusal.clock', { time, serverTime: now.toISOString() }, { serverTime: now.toISOString() });
  }
  const text = signedText({
    method: r.method,
    path: r.path,
    bodySha256: createHash('sha256').update(r.body).digest('hex'),
    time,
    nonce,
  });
  let valid = false;
  try {
    const key = createPublicKey({ key: Buffer.from(desk.public_key, 'base64'), format: 'der', type: 'spki' });
    valid = verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) throw new Refused(401, 'bad_signature', 'refusal.badSignature');
  return { ...desk, nonce, time };
}

/** Spends the request's nonce; a second request with it is a replay. Call inside the request's transaction. */
export async function spendNonce(db: Kysely<ServerDatabase>, deskId: string, nonce: string, now: Date): Promise<void> {
  if (!(await recordNonce(db, deskId, nonce, now.toISOString()))) throw replayed();
  await tidyNonces(db, now);
}

export const replayed = () => new Refused(409, 'replay', 'refusal.replay');

/** Now and then, after a nonce is spent: a request older than the drift is refused by its time, so its nonce need not be kept. */
export async function tidyNonces(db: Kysely<ServerDatabase>, now: Date): Promise<void> {
  if (Math.random() < 0.01) await forgetNonces(db, new Date(now.getTime() - 2 * maxClockDriftMs).toISOString());
}
