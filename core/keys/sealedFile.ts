import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { keyIdOf, type RecoveryWrap, subKey, unwrapWithRecovery } from './sealing.ts';

/**
 * A file sealed for leaving the desk (an export): a first line naming the desk key that opens
 * it and that key under the recovery key (no personal data), then the content in
 * AES-256-GCM under the data key's export key, its 16-byte tag last. Anyone holding the file
 * alone reads nothing; the desk that wrote it, or the recovery key, opens it.
 */
const magic = 'CDESK-S1\n';

export interface SealedHeader {
  keyId: string;
  recovery: RecoveryWrap | null;
  recoveryCreatedAt: string | null;
}

/** Where an export's text goes: the file as it is, or sealed. */
export interface FileSink {
  write(text: string): void;
  /** Flushes to the device and closes. */
  close(): void;
  /** Closes without the tail, after a failure (the caller removes the file). */
  abort(): void;
}

export function fileSink(file: string, sealing: { dataKey: Buffer; header: SealedHeader } | null): FileSink {
  const fd = fs.openSync(file, 'w', 0o600);
  if (!sealing) {
    return {
      write: (text) => void fs.writeSync(fd, text),
      close: () => {
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      },
      abort: () => fs.closeSync(fd),
    };
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subKey(sealing.dataKey, 'export'), iv);
  fs.writeSync(fd, `${magic}${JSON.stringify({ ...sealing.header, iv: iv.toString('base64') })}\n`);
  return {
    write: (text) => void fs.writeSync(fd, cipher.update(text, 'utf8')),
    close: () => {
      fs.writeSync(fd, cipher.final());
      fs.writeSync(fd, cipher.getAuthTag());
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    },
    abort: () => fs.closeSync(fd),
  };
}

export type UnsealProblem = 'needsRecoveryKey' | 'noRecoveryKey' | 'wrongRecoveryKey' | 'damaged';

/**
 * The text of a file written by fileSink: read as it is when plain; when sealed, opened with
 * this desk's data key when it wrote it, else with the recovery key typed.
 */
export function readSealable(
  file: string,
  keys: { dataKey: Buffer | null; recoveryKey: Uint8Array | null },
): { ok: true; text: string; dataKey: Buffer | null } | { ok: false; problem: UnsealProblem } {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, magic.length).toString('latin1') !== magic) return { ok: true, text: bytes.toString('utf8'), dataKey: null };
  const lineEnd = bytes.indexOf(0x0a, magic.length);
  let header: SealedHeader & { iv: string };
  try {
    header = JSON.parse(bytes.subarray(magic.length, lineEnd).toString('utf8')) as SealedHeader & { iv: string };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  let dataKey: Buffer | null = null;
  if (keys.dataKey && keyIdOf(keys.dataKey) === header.keyId) dataKey = keys.dataKey;
  else if (!keys.recoveryKey) return { ok: false, problem: 'needsRecoveryKey' };
  else if (!header.recovery) return { ok: false, problem: 'noRecoveryKey' };
  else {
    dataKey = unwrapWithRecovery(header.recovery, keys.recoveryKey);
    if (!dataKey || keyIdOf(dataKey) !== header.keyId) return { ok: false, problem: 'wrongRecoveryKey' };
  }
  const body = bytes.subarray(lineEnd + 1);
  if (body.length < 16) return { ok: false, problem: 'damaged' };
  try {
    const decipher = createDecipheriv('aes-256-gcm', subKey(dataKey, 'export'), Buffer.from(header.iv, 'base64'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    const text = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    return { ok: true, text, dataKey };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}
