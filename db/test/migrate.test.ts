import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openStore, storeFileName } from '../connection.ts';
import { latestSchemaVersion, migrate, StoreTooNewError } from '../migrate.ts';
import { migrations } from '../migrations/index.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'desk-migrate-'));

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps, each from the file of its number and name', () => {
    // A gap or a lower number landing after a higher one would be skipped by a store already past it.
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const files = fs
      .readdirSync(path.join(import.meta.dirname, '../migrations'))
      .filter((f) => /^\d{3}_/.test(f))
      .sort();
    expect(files).toEqual(migrations.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}.ts`));
  });

  it('bring an empty store to the latest version with the tables, pragmas and search indexes', async () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    for (const t of [
      'users',
      'departments',
      'categories',
      'cases',
      'case_events',
      'audit_log',
      'settings',
      'counters',
      'case_search_trigram',
    ]) {
      expect(tables).toContain(t);
    }
    await store.close();
  });

  it('apply each version on top of the previous one', () => {
    for (const target of migrations) {
      const db = new Sqlite(':memory:');
      migrate(db, { migrations: migrations.filter((m) => m.version < target.version) });
      const result = migrate(db, { migrations: migrations.filter((m) => m.version <= target.version) });
      expect(result.to).toBe(target.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
  });

  it('roll back all pending migrations together when one fails, leaving the old version', () => {
    const db = new Sqlite(':memory:');
    const broken = [...migrations, { version: 999, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT no_such_function();' }];
    expect(() => migrate(db, { migrations: broken })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('users', 'half')").pluck().get()).toBe(0);
    db.close();
  });

  it('back up an existing store before upgrading it, and not a new one', () => {
    const db = new Sqlite(':memory:');
    const backup = vi.fn();
    migrate(db, { migrations: migrations.slice(0, 1), backup });
    expect(backup).not.toHaveBeenCalled();
    migrate(db, { migrations: [...migrations, { version: 1000, name: 'next', sql: 'CREATE TABLE later (x INTEGER) STRICT;' }], backup });
    // Called with the version being upgraded from: the first migration's.
    expect(backup).toHaveBeenCalledWith(migrations[0]?.version);
    db.close();
  });

  it('refuse a store written by a newer version, without touching it', () => {
    const dir = tempDir();
    const db = new Sqlite(path.join(dir, storeFileName));
    db.pragma(`user_version = ${latestSchemaVersion() + 5}`);
    db.close();
    expect(() => openStore(dir)).toThrow(StoreTooNewError);
  });

  it('keep the event log and audit log append-only', async () => {
    const store = openStore(tempDir());
    store.sqlite.exec("INSERT INTO audit_log (id, at, action) VALUES ('a', '2026-01-01T00:00:00Z', 'x')");
    expect(() => store.sqlite.exec("UPDATE audit_log SET action = 'y'")).toThrow(/append-only/);
    expect(() => store.sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    await store.close();
  });
});
