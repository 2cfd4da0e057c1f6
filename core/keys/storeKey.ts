import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { type CipherScheme, currentScheme, encryptFile, isPlainStoreFile, openKeyed, schemeOf } from '../../db/cipher.ts';
import { storeFileName } from '../../db/connection.ts';
import { integrityCheck, rowCountsOf } from '../../db/queries/integrity.ts';
import { sealPlainBlobs } from '../attachments/blobStore.ts';
import { copyFileDurably, renameDurably, syncFile } from '../backup/dataFiles.ts';
import type { HostKeyring } from './hostKeyring.ts';
import { type KeysFile, readKeysFile, writeKeysFile } from './keysFile.ts';
import { keyIdOf } from './sealing.ts';

/** Why the desk could not get its data key: the recovery screen explains each one. */
export type KeyProblem = 'noKeyring' | 'wrongHostKey' | 'keysMissing';

export class DeskKeyError extends Error {
  readonly code = 'DESK_KEY';
  constructor(readonly problem: KeyProblem) {
    super(`the desk's data key is not available: ${problem}`);
  }
}

/** The copy of a plain store taken before it is encrypted, removed once the encrypted one verified. */
export const beforeEncryptionFileName = 'desk.before-encryption.sqlite';
/** The same for a store encrypted in an older scheme, while it is converted to the current one. */
const beforeReencryptionFileName = 'desk.before-reencryption.sqlite';
/** What a conversion leaves beside the store until it has finished. */
const conversionLeftovers = [beforeEncryptionFileName, beforeReencryptionFileName, `${storeFileName}.encrypting`];

export function newKeysFile(dataKey: Buffer, keyring: HostKeyring, recovery: KeysFile['recovery'] = null): KeysFile {
  return {
    app: 'complaint-desk',
    format: 1,
    keyId: keyIdOf(dataKey),
    host: { kind: keyring.kind, wrapped: keyring.wrap(dataKey) },
    recovery,
    recoveryCreatedAt: null,
  };
}

/**
 * The key the store in `dataDir` opens with, null for a desk run without a keyring on a plain
 * store (tests, or a browser host started without a key). With a keyring:
 * - a new desk gets a random 256-bit data key, wrapped by the keyring, written before the store;
 * - a plain store is encrypted where it lies (see encryptStoreInPlace), with its evidence files;
 *   a store in an older scheme (SQLCipher's) is converted to the current one the same way;
 * - a key file this keyring cannot open, or an encrypted store without its key file, is a
 *   DeskKeyError: the desk starts in recovery mode, never on an empty store.
 */
export function resolveStoreKey(dataDir: string, keyring: HostKeyring | null, log: (message: string) => void): Buffer | null {
  const storeFile = path.join(dataDir, storeFileName);
  const storeExists = fs.existsSync(storeFile) && fs.statSync(storeFile).size > 0;
  const keys = readKeysFile(dataDir);
  if (keys) {
    if (!keyring) throw new DeskKeyError('noKeyring');
    const dataKey = keyring.unwrap(keys.host.wrapped);
    if (!dataKey || keyIdOf(dataKey) !== keys.keyId) throw new DeskKeyError('wrongHostKey');
    // A conversion that a crash interrupted carries on with the key it had already written.
    if (storeExists && isPlainStoreFile(storeFile)) encryptStoreInPlace(dataDir, dataKey, null, log);
    else if (storeExists && schemeOf(storeFile) !== currentScheme) encryptStoreInPlace(dataDir, dataKey, schemeOf(storeFile), log);
    else if (conversionLeftovers.some((name) => fs.existsSync(path.join(dataDir, name)))) finishConversion(dataDir, dataKey, log);
    return dataKey;
  }
  if (!keyring) return null;
  if (storeExists && !isPlainStoreFile(storeFile)) throw new DeskKeyError('keysMissing');
  const dataKey = randomBytes(32);
  writeKeysFile(dataDir, newKeysFile(dataKey, keyring));
  if (storeExists) encryptStoreInPlace(dataDir, dataKey, null, log);
  return dataKey;
}

/**
 * Encrypts an existing plain store (`from` null), or converts one encrypted in an older scheme
 * under the same key, surviving a crash at any point:
 * 1. the key file is already on disk (the caller wrote it first), so a restart uses the same key;
 * 2. the WAL is folded into the store and a copy kept beside it as it was (the backup first);
 * 3. a second copy is encrypted, verified (integrity_check, same row counts), flushed and
 *    renamed over the store: the store is the plain one or the encrypted one, never half of each;
 * 4. the evidence files are sealed one by one, then the copy kept in step 2 is removed.
 */
function encryptStoreInPlace(dataDir: string, dataKey: Buffer, from: CipherScheme | null, log: (message: string) => void): void {
  const storeFile = path.join(dataDir, storeFileName);
  const source = from ? openKeyed(storeFile, dataKey) : new Sqlite(storeFile);
  let counts: Record<string, number>;
  try {
    source.pragma('wal_checkpoint(TRUNCATE)');
    counts = rowCountsOf(source);
  } finally {
    source.close();
  }
  copyFileDurably(storeFile, path.join(dataDir, from ? beforeReencryptionFileName : beforeEncryptionFileName));
  const encrypting = `${storeFile}.encrypting`;
  copyFileDurably(storeFile, encrypting);
  encryptFile(encrypting, dataKey, from);
  const check = openKeyed(encrypting, dataKey);
  try {
    const findings = integrityCheck(check);
    if (findings.length !== 1 || findings[0] !== 'ok') throw new Error(`encrypted copy fails integrity_check: ${findings[0]}`);
    if (JSON.stringify(rowCountsOf(check)) !== JSON.stringify(counts)) throw new Error('encrypted copy lost rows');
  } finally {
    check.close();
  }
  syncFile(encrypting);
  for (const side of ['-wal', '-shm']) fs.rmSync(`${storeFile}${side}`, { force: true });
  renameDurably(encrypting, storeFile);
  log(from ? `converted the store in ${dataDir} from ${from} to ${currentScheme}` : `encrypted the store in ${dataDir}`);
  finishConversion(dataDir, dataKey, log);
}

function finishConversion(dataDir: string, dataKey: Buffer, log: (message: string) => void): void {
  const sealed = sealPlainBlobs(dataDir, dataKey);
  if (sealed) log(`encrypted ${sealed} evidence files in ${dataDir}`);
  for (const name of conversionLeftovers) fs.rmSync(path.join(dataDir, name), { force: true });
}
