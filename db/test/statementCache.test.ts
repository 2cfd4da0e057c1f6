import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../connection.ts';
import { cachingDatabase } from '../statementCache.ts';

interface Scratch {
  t: { id: number; label: string };
}

function scratch(capacity?: number) {
  const sqlite = new Sqlite(':memory:');
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT NOT NULL); INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c');");
  const database = cachingDatabase(sqlite, capacity);
  const db = new Kysely<Scratch>({ dialect: new SqliteDialect({ database }) });
  return { sqlite, database, db };
}

describe('the statement cache', () => {
  it('hands back the statement it prepared before for the same SQL text, a new one for other text', () => {
    const { database } = scratch();
    const first = database.prepare('SELECT id FROM t');
    expect(database.prepare('SELECT id FROM t')).toBe(first);
    expect(database.prepare('SELECT id FROM t WHERE id = ?')).not.toBe(first);
    expect(database.cachedStatements).toBe(2);
  });

  it('never hands out a statement that an iterator is still stepping through, and reuses it once the iterator ends', () => {
    const { database } = scratch();
    const cached = database.prepare('SELECT id FROM t ORDER BY id');
    const rows = cached.iterate();
    expect(rows.next().value).toEqual({ id: 1 });
    const meanwhile = database.prepare('SELECT id FROM t ORDER BY id');
    expect(meanwhile).not.toBe(cached);
    expect(meanwhile.all()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(database.cachedStatements).toBe(1);
    rows.return?.();
    expect(database.prepare('SELECT id FROM t ORDER BY id')).toBe(cached);
  });

  it('serves a query again after a kysely stream of it was left early or read to its end', async () => {
    const { db } = scratch();
    const ids = () => db.selectFrom('t').select('id').orderBy('id');
    for await (const row of ids().stream()) {
      expect(row.id).toBe(1);
      break;
    }
    expect(await ids().execute()).toHaveLength(3);
    const streamed: number[] = [];
    for await (const row of ids().stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3]);
    expect(await ids().execute()).toHaveLength(3);
    await db.destroy();
  });

  it('keeps at most its capacity, dropping the least recently used statement first', () => {
    const { database } = scratch(2);
    const one = database.prepare('SELECT 1');
    const two = database.prepare('SELECT 2');
    expect(database.prepare('SELECT 1')).toBe(one); // now the most recently used
    database.prepare('SELECT 3');
    expect(database.cachedStatements).toBe(2);
    expect(database.prepare('SELECT 1')).toBe(one);
    expect(database.prepare('SELECT 2')).not.toBe(two);
    expect(database.cachedStatements).toBe(2);
    expect(() => cachingDatabase(new Sqlite(':memory:'), 0)).toThrow(RangeError);
  });

  it('drops its statements when kysely closes the database', async () => {
    const { sqlite, database, db } = scratch();
    await db.selectFrom('t').selectAll().execute();
    expect(database.cachedStatements).toBe(1);
    await db.destroy();
    expect(database.cachedStatements).toBe(0);
    expect(sqlite.open).toBe(false);
  });

  it('answers with the schema as it is after columns and tables change under a kept statement', async () => {
    const { sqlite, db } = scratch();
    const everything = () => sql<Record<string, unknown>>`SELECT * FROM t ORDER BY id LIMIT 1`.execute(db).then((r) => r.rows);
    expect(await everything()).toEqual([{ id: 1, label: 'a' }]);
    sqlite.exec("ALTER TABLE t ADD COLUMN note TEXT NOT NULL DEFAULT 'n'");
    expect(await everything()).toEqual([{ id: 1, label: 'a', note: 'n' }]);
    await sql`DROP TABLE t`.execute(db);
    await expect(everything()).rejects.toThrow(/no such table/);
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, other TEXT)`.execute(db);
    await sql`INSERT INTO t VALUES (7, 'x')`.execute(db);
    expect(await everything()).toEqual([{ id: 7, other: 'x' }]);
    await db.destroy();
  });

  it("is what the desk's store prepares its kysely queries through", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-statements-'));
    const store = openStore(dir);
    try {
      const prepare = vi.spyOn(store.sqlite, 'prepare');
      for (let i = 0; i < 3; i++) await store.db.selectFrom('settings').select('key').execute();
      expect(prepare).toHaveBeenCalledTimes(1);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
