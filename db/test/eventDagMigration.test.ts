import { createHash } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../core/cases/chainCheck.ts';
import { verifyChains } from '../../core/integrity/verifyChains.ts';
import { migrate } from '../migrate.ts';
import { migrations } from '../migrations/index.ts';
import { latestClock, listCaseLog } from '../queries/caseEvents.ts';
import type { Database } from '../schema.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const genesis = '0'.repeat(64);

/** A store at version 9 with chains written as the single-writer desk wrote them (old hash input, hex, text ids). */
function storeAtVersion9() {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { migrations: migrations.filter((m) => m.version <= 9) });
  db.prepare(
    "INSERT INTO users (id, username, display_name, password_hash, roles, department_ids, disabled, created_at, version) VALUES ('0190a000-0000-7000-8000-000000000001', 'a', 'A', 'x', '[]', '[]', 0, '2026-01-01', 1)",
  ).run();
  const insertCase = db.prepare(
    `INSERT INTO cases (id, number, query_code, status, type, channel, severity, subject, content, complainant_name, complainant, received_at,
       registered_by, deadline_acknowledge, deadline_feedback, deadline_resolve, created_at, updated_at, last_seq, last_hash)
     VALUES (?, ?, 'Q', 'accepted', 'complaint', 'phone', 'general', 's', 'c', 'n', '{}', '2026-11-01T01:00:00.000Z',
       '0190a000-0000-7000-8000-000000000001', 'x', 'x', 'x', 'x', 'x', ?, ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO case_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const hashes = new Map<string, string[]>();
  const device = '0190a000-0000-7000-8000-0000000000dd';
  for (const [c, count] of [
    ['0190a000-0000-7000-8000-0000000000c1', 3],
    ['0190a000-0000-7000-8000-0000000000c2', 2],
  ] as const) {
    const chain: string[] = [];
    const rows: unknown[][] = [];
    let prev = genesis;
    for (let seq = 1; seq <= count; seq++) {
      const id = `0190a000-0000-7000-8000-00000000${c.slice(-2)}0${seq}`;
      const actor = seq === 3 ? 'system' : '0190a000-0000-7000-8000-000000000001';
      const at = `2026-11-0${seq}T01:00:00.00${seq}Z`;
      const hlc = `${String(Date.parse(at) + seq).padStart(15, '0')}-${(seq * 40).toString(36).padStart(4, '0')}-${device}`;
      const type = seq === 1 ? 'registered' : seq === 2 ? 'accepted' : 'noted';
      const payload = JSON.stringify({ text: `第${seq}件`, n: seq });
      const hash = sha256(JSON.stringify([prev, id, c, seq, type, payload, actor, device, at, hlc]));
      rows.push([id, c, seq, type, payload, actor, device, at, hlc, prev, hash]);
      chain.push(hash);
      prev = hash;
    }
    insertCase.run(c, `N-${c.slice(-2)}`, count, prev);
    for (const r of rows) insertEvent.run(...r);
    hashes.set(c, chain);
  }
  return { db, hashes };
}

describe('migration 10: the event log as a DAG', () => {
  it('keeps every event, each with the hash it had, and the old chains still verify', async () => {
    const { db, hashes } = storeAtVersion9();
    const before = db.prepare('SELECT * FROM case_events ORDER BY case_id, seq').all();
    migrate(db);
    expect(db.prepare('SELECT count(*) FROM case_events').pluck().get()).toBe(before.length);
    expect(verifyChains(db).problems).toEqual([]);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
    expect((await verifyChain(kysely)).firstBroken).toBeNull();
    for (const [caseId, chain] of hashes) {
      const log = await listCaseLog(kysely, caseId);
      expect(log.map((e) => e.hash)).toEqual(chain);
      expect(log.every((e) => e.form === 'chain')).toBe(true);
      expect(log.map((e) => e.parents)).toEqual(chain.map((_, i) => (i === 0 ? [] : [chain[i - 1]])));
    }
    // Every field as it was written: the texts the old hashes covered.
    const after = (await listCaseLog(kysely, '0190a000-0000-7000-8000-0000000000c1')).map((e) => [e.id, e.actorId, e.device, e.at, e.hlc]);
    const old = (before as Record<string, unknown>[])
      .filter((r) => r.case_id === '0190a000-0000-7000-8000-0000000000c1')
      .map((r) => [r.id, r.actor_id, r.device, r.at, r.hlc]);
    expect(after).toEqual(old);
    expect(await latestClock(kysely)).toBe(Date.parse('2026-11-03T01:00:00.003Z') + 3);
    // Nothing derivable stays: no hash, no case id, no index on the log.
    const columns = db.prepare("SELECT name FROM pragma_table_info('case_events')").pluck().all();
    expect(columns).toEqual(['pos', 'id', 'dag', 'parents', 'type', 'payload', 'actor', 'device', 'at', 'lead', 'tick']);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'case_events'").pluck().get()).toBe(0);
    await kysely.destroy();
  });

  it('still finds an old event that was tampered with, by place', () => {
    const { db } = storeAtVersion9();
    migrate(db);
    db.exec('DROP TRIGGER case_events_append_only_update');
    db.prepare("UPDATE case_events SET payload = replace(payload, '第2件', '第9件') WHERE pos % 1048576 = 2 AND pos / 1048576 = 1").run();
    expect(verifyChains(db).problems).toEqual([expect.objectContaining({ caseNumber: 'N-c1', seq: 2, problem: 'hash' })]);
    db.close();
  });

  it('refuses a store with an event it could not keep exactly, changing nothing', () => {
    const { db } = storeAtVersion9();
    db.exec('DROP TRIGGER case_events_append_only_update');
    db.prepare("UPDATE case_events SET at = '2026-11-01 01:00:00' WHERE seq = 2").run();
    expect(() => migrate(db)).toThrow(/cannot be stored without changing it/);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('case_events') WHERE name = 'hash'").pluck().get()).toBe(1);
    db.close();
  });
});
