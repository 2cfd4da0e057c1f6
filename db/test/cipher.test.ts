import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { currentScheme, encryptFile, openKeyed, StoreKeyError, schemeOf } from '../cipher.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const secret = 'Zhangsanfeng Liu 13912345678';

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-cipher-'));
  dirs.push(dir);
  return path.join(dir, 'desk.sqlite');
}

/** A store of a few hundred pages, written through `db` and closed with its WAL folded in. */
function fill(db: Sqlite.Database): void {
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`${secret} #${i}`.repeat(4));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** A store as the first encrypted desks wrote it: SQLCipher 4's format, raw key. */
function sqlcipherStore(key: Buffer): string {
  const file = tempFile();
  const db = new Sqlite(file);
  for (const pragma of [`cipher = 'sqlcipher'`, 'legacy = 4', `key = "x'${key.toString('hex')}'"`]) db.pragma(pragma);
  fill(db);
  return file;
}

const countOf = (db: Sqlite.Database) => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;

it('writes a new store in AEGIS-256, every page authenticated: one flipped bit is refused', () => {
  const key = randomBytes(32);
  const file = tempFile();
  fill(openKeyed(file, key));
  expect(schemeOf(file)).toBe('aegis256');
  expect(currentScheme).toBe('aegis256');
  expect(fs.readFileSync(file).includes(Buffer.from('Zhangsanfeng'))).toBe(false);
  const db = openKeyed(file, key, { readonly: true });
  expect(countOf(db)).toBe(2000);
  db.close();

  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  // A bit in the middle of the last page, the table's data: the page's tag no longer matches.
  const at = bytes.length - Math.floor(pageSize / 2);
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
  fs.writeFileSync(file, bytes);
  const tampered = openKeyed(file, key, { readonly: true });
  expect(() => tampered.prepare('SELECT sum(length(text)) FROM t').get()).toThrow(expect.objectContaining({ code: 'SQLITE_CORRUPT' }));
  tampered.close();
});

it('still opens a store in SQLCipher 4 format, refuses a wrong key for it, and converts it under the same key', () => {
  const key = randomBytes(32);
  const file = sqlcipherStore(key);
  expect(schemeOf(file)).toBe('sqlcipher4');
  const legacy = openKeyed(file, key, { readonly: true });
  expect(countOf(legacy)).toBe(2000);
  legacy.close();
  expect(() => openKeyed(file, randomBytes(32))).toThrow(StoreKeyError);
  expect(() => openKeyed(file, null)).toThrow(StoreKeyError);

  encryptFile(file, key, 'sqlcipher4');
  expect(schemeOf(file)).toBe('aegis256');
  expect(fs.readFileSync(file).includes(Buffer.from('Zhangsanfeng'))).toBe(false);
  const converted = openKeyed(file, key);
  expect(countOf(converted)).toBe(2000);
  expect(converted.pragma('integrity_check', { simple: true })).toBe('ok');
  converted.close();
  expect(() => openKeyed(file, randomBytes(32))).toThrow(StoreKeyError);
});
