import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import { readSettings, writeSetting } from '../../db/queries/settings.ts';
import type { Database } from '../../db/schema.ts';

const privateKeySetting = 'seal.signingKey';

/**
 * The desk's Ed25519 key that signs year registers, made at the first seal and kept in the
 * (encrypted) store; its public half is written into every seal and printed on the register.
 */
export async function deskSigningKey(db: Kysely<Database>, at: string): Promise<{ privateKeyDer: Buffer; publicKey: string }> {
  const stored = (await readSettings(db)).get(privateKeySetting);
  let privateKeyDer: Buffer;
  if (typeof stored === 'string') privateKeyDer = Buffer.from(stored, 'base64');
  else {
    const { privateKey } = generateKeyPairSync('ed25519');
    privateKeyDer = privateKey.export({ format: 'der', type: 'pkcs8' });
    await writeSetting(db, privateKeySetting, privateKeyDer.toString('base64'), at);
  }
  const publicKey = createPublicKey(createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
  return { privateKeyDer, publicKey };
}

export function signText(privateKeyDer: Buffer, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' })).toString('base64');
}

export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
