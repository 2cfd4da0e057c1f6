import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type HostKeyring, hostKeyBytes, hostKeyKeyring, parseHostKey } from './hostKeyring.ts';

export interface HostKeySource {
  keyring: HostKeyring;
  /** What the host prints at start: where the key came from. */
  description: string;
}

/** A host key the administrator gave that cannot be used: the host says why and does not start. */
export class HostKeyError extends Error {}

/**
 * The browser host's key, in this order: `--key-file PATH` (or `COMPLAINT_DESK_KEY_FILE`), the
 * `COMPLAINT_DESK_KEY` environment variable (64 hex digits), or else the file `<data>.key`
 * beside (never inside) the data folder. A named key file that does not exist yet is created
 * with a new random key, readable by its owner only; one that exists must hold exactly a key
 * (64 hex digits or 32 bytes), or the host refuses to start rather than guess.
 */
export function hostKeySource(dataDir: string, keyFile: string | undefined, env: NodeJS.ProcessEnv): HostKeySource {
  const named = keyFile ?? env.COMPLAINT_DESK_KEY_FILE;
  if (!named && env.COMPLAINT_DESK_KEY) {
    const key = parseHostKey(Buffer.from(env.COMPLAINT_DESK_KEY));
    if (!key) throw new HostKeyError(`COMPLAINT_DESK_KEY must be ${hostKeyBytes * 2} hexadecimal digits (a 256-bit key)`);
    return { keyring: hostKeyKeyring('environment', key), description: 'the COMPLAINT_DESK_KEY environment variable' };
  }
  const file = path.resolve(named ?? `${path.resolve(dataDir)}.key`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${randomBytes(hostKeyBytes).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = parseHostKey(fs.readFileSync(file));
  if (!key)
    throw new HostKeyError(
      `${file} is not a key file: it must hold ${hostKeyBytes * 2} hexadecimal digits or exactly ${hostKeyBytes} bytes`,
    );
  return { keyring: hostKeyKeyring('keyFile', key), description: `the key file ${file}` };
}
