import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scryptSync } from 'node:crypto';

/**
 * AES-256-GCM around the desk's secrets and files: `iv (12) · tag (16) · ciphertext`. GCM's tag
 * makes a wrong key or a changed byte fail loudly (null), never decrypt to garbage.
 */
export function seal(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer): Buffer | null {
  if (sealed.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

/** A key for one purpose derived from the data key, so the store's key never encrypts anything else. */
export function subKey(dataKey: Buffer, purpose: 'evidence' | 'export'): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `complaint-desk ${purpose}`, 32));
}

/** A short public name of a data key: which desk's key a backup needs, without revealing it. */
export const keyIdOf = (dataKey: Buffer) => createHash('sha256').update('complaint-desk key id').update(dataKey).digest('hex').slice(0, 16);

/** The data key sealed under a recovery key (scrypt: the recovery key is random, scrypt makes guessing dearer still). */
export interface RecoveryWrap {
  kdf: 'scrypt';
  salt: string;
  wrapped: string;
}

const scryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function wrapForRecovery(dataKey: Buffer, recoveryKey: Uint8Array): RecoveryWrap {
  const salt = randomBytes(16);
  const kek = scryptSync(Buffer.from(recoveryKey), salt, 32, scryptOptions);
  return { kdf: 'scrypt', salt: salt.toString('base64'), wrapped: seal(kek, dataKey).toString('base64') };
}

export function unwrapWithRecovery(wrap: RecoveryWrap, recoveryKey: Uint8Array): Buffer | null {
  const kek = scryptSync(Buffer.from(recoveryKey), Buffer.from(wrap.salt, 'base64'), 32, scryptOptions);
  return unseal(kek, Buffer.from(wrap.wrapped, 'base64'));
}
