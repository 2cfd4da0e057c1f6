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

describe('migration 21 (the retention index)', () => {
  it('sets what was removed of each case from its tombstones, and which case names which file from the events', () => {
    const db = new Sqlite(':memory:');
    migrate(db, { migrations: migrations.filter((m) => m.version <= 20) });
    db.exec(
      `INSERT INTO users (id, username, display_name, password_hash, roles, created_at) VALUES ('u', 'u', 'u', 'x', '[]', '2024-01-01')`,
    );
    const addCase = db.prepare(`INSERT INTO cases (seqno, id, number, query_code, status, type, channel, severity, subject, content,
      complainant_name, complainant, received_at, registered_by, deadline_acknowledge, deadline_feedback, deadline_resolve,
      created_at, updated_at, last_seq) VALUES (?, ?, ?, 'Q', 'closed', 'complaint', 'phone', 'general', 's', 'c', 'n', '{}',
      '2024-01-01', 'u', '2024-01-02', '2024-01-10', '2024-01-30', '2024-01-01', '2024-02-01', 1)`);
    for (const n of [1, 2, 3]) addCase.run(n, `case-${n}`, `N-${n}`);
    const remove = db.prepare(
      `INSERT INTO case_removals (case_id, kind, removed_at, removed_by, reason, files) VALUES (?, ?, '2025-01-01', 'u', 'retention', 0)`,
    );
    remove.run('case-1', 'evidence');
    remove.run('case-1', 'personalData');
    remove.run('case-2', 'evidence');
    db.exec("INSERT INTO event_parties (n, name) VALUES (1, 'u')");
    const event = db.prepare(
      `INSERT INTO case_events (pos, id, dag, parents, type, actor, device, at, lead, tick, payload) VALUES (?, randomblob(16), 1, x'', ?, 1, 1, 0, 0, 0, ?)`,
    );
    const file = (sha: string) => ({ sha256: sha, name: 'x.jpg', mime: 'image/jpeg', size: 1 });
    event.run(2 * 2 ** 20 + 1, 'registered', JSON.stringify({ intake: { attachments: [file('a'.repeat(64))] } }));
    event.run(3 * 2 ** 20 + 2, 'attachmentsAdded', JSON.stringify({ attachments: [file('a'.repeat(64)), file('b'.repeat(64))] }));
    event.run(3 * 2 ** 20 + 3, 'noted', JSON.stringify({ text: 'no file' }));

    migrate(db, { migrations });
    expect(db.prepare('SELECT id, removed_kinds FROM cases ORDER BY seqno').all()).toEqual([
      { id: 'case-1', removed_kinds: 3 },
      { id: 'case-2', removed_kinds: 1 },
      { id: 'case-3', removed_kinds: 0 },
    ]);
    expect(db.prepare('SELECT seqno, sha256 FROM evidence_refs ORDER BY seqno, sha256').all()).toEqual([
      { seqno: 2, sha256: 'a'.repeat(64) },
      { seqno: 3, sha256: 'a'.repeat(64) },
      { seqno: 3, sha256: 'b'.repeat(64) },
    ]);
    // From now on the triggers keep both.
    remove.run('case-3', 'evidence');
    event.run(1 * 2 ** 20 + 1, 'attachmentsAdded', JSON.stringify({ attachments: [file('c'.repeat(64))] }));
    expect(db.prepare("SELECT removed_kinds FROM cases WHERE id = 'case-3'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT seqno FROM evidence_refs WHERE sha256 = ?').pluck().all('c'.repeat(64))).toEqual([1]);
    db.close();
  });
});
