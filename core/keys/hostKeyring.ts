import { seal, unseal } from './sealing.ts';

/**
 * What keeps the desk's data key on this machine. In Electron the operating system's keystore
 * (safeStorage: DPAPI on Windows, the keychain on macOS, libsecret on Linux) wraps it; in the
 * browser host a 256-bit host key from a key file or an environment variable does. Either way
 * the data folder alone (a copied disk, a stolen USB backup) does not open the store.
 */
export interface HostKeyring {
  readonly kind: 'safeStorage' | 'keyFile' | 'environment';
  wrap(dataKey: Buffer): string;
  /** The data key, or null when this keyring did not wrap it (another key file, another user). */
  unwrap(wrapped: string): Buffer | null;
}

export const hostKeyBytes = 32;

/** The browser host's keyring: AES-256-GCM under the administrator's host key. */
export function hostKeyKeyring(kind: 'keyFile' | 'environment', hostKey: Buffer): HostKeyring {
  if (hostKey.length !== hostKeyBytes) throw new Error(`a host key is ${hostKeyBytes} bytes`);
  return {
    kind,
    wrap: (dataKey) => seal(hostKey, dataKey).toString('base64'),
    unwrap: (wrapped) => unseal(hostKey, Buffer.from(wrapped, 'base64')),
  };
}

/**
 * A host key as written in a key file or the environment: 64 hex digits (surrounding white
 * space allowed), or, in a file, exactly 32 raw bytes. Anything else is null: a key of the
 * wrong size is refused, not padded or hashed into shape.
 */
export function parseHostKey(bytes: Buffer): Buffer | null {
  const text = bytes.toString('latin1').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (bytes.length === hostKeyBytes) return Buffer.from(bytes);
  return null;
}
