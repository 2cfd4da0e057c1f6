import fs from 'node:fs';
import Sqlite from 'better-sqlite3';

/**
 * Encryption at rest of a store file (SQLite3 Multiple Ciphers, the better-sqlite3 build the
 * package name `better-sqlite3` resolves to). Every page is encrypted with the desk's 256-bit
 * data key; SQLCipher 4's format, so a privacy officer can check a file with SQLCipher's tools.
 */
const cipher = 'sqlcipher';

/** The first 16 bytes of a plain SQLite file; an encrypted one starts with random bytes. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** A store that cannot be read with the key it was given (or was given none). */
export class StoreKeyError extends Error {
  readonly code = 'STORE_KEY';
}

/** The pragmas that set a key on a fresh connection (none for a plain store). */
export function keyPragmas(key: Buffer | null): string[] {
  return key ? [`cipher = '${cipher}'`, 'legacy = 4', `key = "x'${key.toString('hex')}'"`] : [];
}

/** Sets the key on a freshly opened connection, before anything reads the file. */
export function applyKey(sqlite: Sqlite.Database, key: Buffer | null): void {
  for (const pragma of keyPragmas(key)) sqlite.pragma(pragma);
}

/**
 * Opens a store file with its key (null for a plain one) and proves the key by reading the
 * schema: a wrong key or a missing one is a StoreKeyError, never a silently empty database.
 */
export function openKeyed(file: string, key: Buffer | null, options: Sqlite.Options = {}): Sqlite.Database {
  const sqlite = new Sqlite(file, options);
  try {
    applyKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    sqlite.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB' && !isPlainStoreFile(file)) throw new StoreKeyError(key ? 'wrong key' : 'no key');
    throw e;
  }
  return sqlite;
}

/** True for an existing, non-empty file that starts with SQLite's plain header. */
export function isPlainStoreFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(plainHeader);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Encrypts a plain store file where it lies (SQLite3MC's rekey rewrites every page; it needs
 * a rollback journal, so the file is switched out of WAL first). Works on a copy the caller
 * renames into place: a crash half-way leaves the original untouched.
 */
export function encryptPlainFile(file: string, key: Buffer): void {
  const sqlite = new Sqlite(file);
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`cipher = '${cipher}'`);
    sqlite.pragma('legacy = 4');
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    sqlite.close();
  }
}
