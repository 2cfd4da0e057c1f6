import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import { integrityCheck } from '../../db/queries/integrity.ts';
import type { Database } from '../../db/schema.ts';
import { verifyChain } from '../cases/chainCheck.ts';
import { verifyChains } from '../integrity/verifyChains.ts';
import { openTestDesk } from './testDesk.ts';

const childScript = path.join(import.meta.dirname, 'crashChild.ts');
/** Kills counted, not seconds spent: under load a round takes longer, it is not skipped. */
const rounds = 10;

/**
 * Runs the child until it has said READY and reported a first registration, kills it with
 * SIGKILL after a random delay, and answers what it reported.
 */
function runAndKill(dataDir: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = out.indexOf('READY\n');
      if (!killed && ready >= 0 && out.slice(ready).includes('\nR ')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself: ${err || out}`));
      // Only complete lines count: a line cut by the kill was not yet reported.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

it('loses no call that returned success when the process is killed with SIGKILL at random moments, many times', async () => {
  const setup = await openTestDesk();
  await setup.setupAndLogin();
  const dataDir = setup.dataDir;
  await setup.close();

  const registered = new Map<string, string>();
  const acted = new Map<string, { status: string; events: number }>();
  for (let round = 0; round < rounds; round++) {
    const lines = await runAndKill(dataDir, 5 + Math.floor(Math.random() * 250));
    for (const line of lines) {
      const [kind, id, a, b] = line.split(' ');
      if (kind === 'R' && id && a) registered.set(id, a);
      if (kind === 'A' && id && a && b) acted.set(id, { status: a, events: Number(b) });
    }

    const db = new Sqlite(path.join(dataDir, 'desk.sqlite'));
    try {
      expect(integrityCheck(db)).toEqual(['ok']);
      // Issue 4's verifier (the one behind cases.verifyChain) and this area's raw-file one agree.
      expect(verifyChains(db).problems).toEqual([]);
      const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
      expect((await verifyChain(kysely)).firstBroken).toBeNull();
      const find = db.prepare('SELECT number, status, last_seq FROM cases WHERE id = ?');
      for (const [id, number] of registered) expect(find.get(id), `case ${number} reported registered`).toMatchObject({ number });
      for (const [id, a] of acted) {
        const row = find.get(id) as { status: string; last_seq: number };
        expect(row.status).toBe(a.status);
        expect(row.last_seq).toBeGreaterThanOrEqual(a.events);
      }
    } finally {
      db.close();
    }
  }
  expect(registered.size).toBeGreaterThanOrEqual(rounds);
  expect(acted.size).toBeGreaterThan(0);
  console.log(`crash loop: ${rounds} kills, ${registered.size} registrations and ${acted.size} actions reported, all found`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  // A safety net, not a measure: the rounds are counted above.
}, 900_000);
