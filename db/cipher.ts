import fs from 'node:fs';
import Sqlite from 'better-sqlite3';

/**
 * Encryption at rest of a store file (SQLite3 Multiple Ciphers, the better-sqlite3 build the
 * package name `better-sqlite3` resolves to). Every page is encrypted and authenticated under
 * the desk's 256-bit data key.
 *
 * - `aegis256`, what the desk writes: AEGIS-256, an authenticated cipher (256-bit key, a fresh
 *   random 256-bit nonce and a 256-bit tag on every page written). SQLite3MC runs it on the
 *   processor's AES instructions, found at run time; its AES-CBC ciphers are built here without
 *   them, so SQLCipher's scheme cost ~40 µs of software AES and SHA-512 per page, and a
 *   registration writes dozens of pages.
 * - `sqlcipher4`, what the first encrypted desks wrote (AES-256-CBC and HMAC-SHA512, SQLCipher 4's
 *   format): still read, and converted at the next start (core/keys/storeKey.ts).
 */
export type CipherScheme = 'aegis256' | 'sqlcipher4';

export const currentScheme: CipherScheme = 'aegis256';

const schemePragmas: Record<CipherScheme, string[]> = {
  aegis256: [`cipher = 'aegis'`, `algorithm = 'aegis-256'`],
  sqlcipher4: [`cipher = 'sqlcipher'`, 'legacy = 4'],
};

/** The first 16 bytes of a plain SQLite file; an encrypted one starts with random bytes. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** A store that cannot be read with the key it was given (or was given none). */
export class StoreKeyError extends Error {
  readonly code = 'STORE_KEY';
}

/** The first `n` bytes of a file, fewer when it is shorter or missing. */
function headOf(file: string, n: number): Buffer {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(n);
      return head.subarray(0, fs.readSync(fd, head, 0, n, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return Buffer.alloc(0);
  }
}

/**
 * The scheme an encrypted store file is in, from its first page. SQLite3MC's own ciphers leave
 * bytes 16–23 of the header readable (page size, and the 64 bytes AEGIS-256 reserves on each
 * page for its nonce and tag); SQLCipher encrypts them too. A file not yet written is new, so
 * in the current scheme.
 */
export function schemeOf(file: string): CipherScheme {
  const head = headOf(file, 24);
  if (head.length < 24) return currentScheme;
  const pageSize = head.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
  return validPageSize && head[20] === 64 && head[21] === 64 && head[22] === 32 && head[23] === 32 ? 'aegis256' : 'sqlcipher4';
}

/** The pragmas that set a key on a fresh connection to `file` (none for a plain store). */
export function keyPragmas(key: Buffer | null, file: string): string[] {
  return key ? schemeKeyPragmas(key, schemeOf(file)) : [];
}

function schemeKeyPragmas(key: Buffer, scheme: CipherScheme): string[] {
  return [...schemePragmas[scheme], `key = "x'${key.toString('hex')}'"`];
}

/**
 * Opens a store file with its key (null for a plain one) and proves the key by reading the
 * schema: a wrong key or a missing one is a StoreKeyError, never a silently empty database.
 * The scheme is read from the file; the other one is tried too before the key is called wrong
 * (a file whose first page has not left its WAL yet cannot tell).
 */
export function openKeyed(file: string, key: Buffer | null, options: Sqlite.Options = {}): Sqlite.Database {
  const detected = schemeOf(file);
  const schemes = key ? [detected, ...(Object.keys(schemePragmas) as CipherScheme[]).filter((s) => s !== detected)] : [null];
  let failure: unknown;
  for (const scheme of schemes) {
    const sqlite = new Sqlite(file, options);
    try {
      if (key && scheme) for (const pragma of schemeKeyPragmas(key, scheme)) sqlite.pragma(pragma);
      sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
      return sqlite;
    } catch (e) {
      sqlite.close();
      failure = e;
      if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    }
  }
  if (!isPlainStoreFile(file)) throw new StoreKeyError(key ? 'wrong key' : 'no key');
  throw failure;
}

/** True for an existing, non-empty file that starts with SQLite's plain header. */
export function isPlainStoreFile(file: string): boolean {
  return headOf(file, 16).equals(plainHeader);
}

/**
 * Encrypts a store file where it lies in the current scheme: a plain one (`from` null), or one
 * in an older scheme under the same key. SQLite3MC's rekey rewrites every page (with a VACUUM
 * when the bytes reserved per page change); it needs a rollback journal, so the file is switched
 * out of WAL first. Works on a copy the caller renames into place: a crash half-way leaves the
 * original untouched.
 */
export function encryptFile(file: string, key: Buffer, from: CipherScheme | null = null): void {
  const sqlite = new Sqlite(file);
  try {
    if (from) for (const pragma of schemeKeyPragmas(key, from)) sqlite.pragma(pragma);
    sqlite.pragma('journal_mode = DELETE');
    for (const pragma of schemePragmas[currentScheme]) sqlite.pragma(pragma);
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    sqlite.close();
  }
  if (schemeOf(file) !== currentScheme) throw new Error(`rekey left ${file} in another scheme`);
}
