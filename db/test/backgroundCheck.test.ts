import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { quickCheckInBackground } from '../backgroundCheck.ts';
import { openKeyed } from '../cipher.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** An encrypted store file of a few hundred pages, written and closed. */
function encryptedStore(key: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-check-'));
  dirs.push(dir);
  const file = path.join(dir, 'desk.sqlite');
  const db = openKeyed(file, key);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`第${i}件投诉的内容`.repeat(8));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

const noFallback = () => {
  throw new Error('the worker should have answered');
};

it('reads an encrypted store with its key in a worker thread and finds it whole', async () => {
  const key = randomBytes(32);
  const file = encryptedStore(key);
  expect(await quickCheckInBackground(file, key, noFallback).done).toEqual({ state: 'ok' });
}, 30_000);

it('reports a damaged page of an encrypted store as damage', async () => {
  const key = randomBytes(32);
  const file = encryptedStore(key);
  const pageSize = 4096;
  const pages = fs.statSync(file).size / pageSize;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, Math.floor(pages / 2) * pageSize);
  fs.closeSync(fd);
  const outcome = await quickCheckInBackground(file, key, noFallback).done;
  expect(outcome.state).toBe('damaged');
}, 30_000);

it('answers with the fallback when the worker cannot do the check, and stops when told', async () => {
  const key = randomBytes(32);
  const file = encryptedStore(key);
  const missing = path.join(path.dirname(file), 'gone.sqlite');
  expect(await quickCheckInBackground(missing, key, () => ['ok']).done).toEqual({ state: 'ok' });
  const running = quickCheckInBackground(file, key, noFallback);
  await running.stop();
  expect(['stopped', 'ok']).toContain((await running.done).state);
}, 30_000);
