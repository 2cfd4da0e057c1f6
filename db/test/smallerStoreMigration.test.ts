import type Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migrations } from '../migrations/index.ts';
import { storeBefore } from './storeBefore.ts';

const version = 23;

/** A store one version short of the compact tables, with clocks and facts in every state the columns allow. */
function storeWithClocksAndFacts() {
  const { db, insertCase } = storeBefore(version);
  const clock = db.prepare('INSERT INTO case_clocks VALUES (?, ?, ?, ?, ?, ?, ?)');
  const facts = db.prepare('INSERT INTO case_report_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // Inserted out of key order, as a store that has lived for a while holds them.
  for (const n of [7, 2, 9, 1, 5]) {
    const id = `0190a000-0000-7000-8000-00000000000${n}`;
    insertCase.run(id, `2611-${n}`, `2026-11-0${n}T01:00:00.000Z`);
    for (const [k, name] of (['resolve', 'acknowledge', 'feedback'] as const).entries()) {
      const met = n % 2 === 0 ? `2026-11-1${k}T00:00:00.000Z` : null;
      const breached = n === 9 && k === 1 ? '2026-11-20T00:00:00.000Z' : null;
      clock.run(id, name, `2026-11-2${k}T15:59:59.999Z`, met, breached, n === 5 ? '2026-11-06T00:00:00.000Z' : null, n === 1 ? 1 : 0);
    }
    if (n !== 5)
      facts.run(
        id,
        '2026-11-02T00:00:00.000Z',
        n === 7 ? 1 : 0,
        null,
        n === 2 ? '2026-11-03T00:00:00.000Z' : null,
        null,
        0,
        n === 9 ? 1 : 0,
        0,
        n === 2 ? 'valid' : null,
        n === 2 ? '2026-11-04T00:00:00.000Z' : null,
        n,
        n === 2 ? 5 : null,
        n === 2 ? 3 : null,
        n === 1 ? 1 : 0,
      );
  }
  return db;
}

const everyRow = (db: Sqlite.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
const indexesOf = (db: Sqlite.Database, table: string) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name").pluck().all(table);

describe('migration 23 (smaller store)', () => {
  it('keeps every clock and every case’s facts, now in tables clustered on their keys', () => {
    const db = storeWithClocksAndFacts();
    const clocks = everyRow(db, 'case_clocks');
    const facts = everyRow(db, 'case_report_facts');
    expect(clocks).toHaveLength(15);
    expect(facts).toHaveLength(4);
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    expect(everyRow(db, 'case_clocks')).toEqual(clocks);
    expect(everyRow(db, 'case_report_facts')).toEqual(facts);
    const withoutRowid = db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck();
    expect(withoutRowid.get('case_clocks')).toBe(1);
    expect(withoutRowid.get('case_report_facts')).toBe(1);
    // The partial indexes the sweeps and the reports read are rebuilt; the automatic ones are gone.
    expect(indexesOf(db, 'case_clocks')).toEqual(['case_clocks_pending', 'case_clocks_running']);
    expect(indexesOf(db, 'case_report_facts')).toEqual(['case_report_facts_closed']);
    expect(indexesOf(db, 'cases')).not.toContain('cases_received');
    expect(indexesOf(db, 'cases')).not.toContain('cases_department');
    expect(indexesOf(db, 'cases')).toContain('cases_received_type');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Run again over its own tables (a version set back by hand): the same rows.
    db.pragma(`user_version = ${version - 1}`);
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    expect(everyRow(db, 'case_clocks')).toEqual(clocks);
    expect(everyRow(db, 'case_report_facts')).toEqual(facts);
    db.close();
  });

  it('still holds the rules of the tables: one clock of a kind per case, a known kind, a case that exists', () => {
    const db = storeWithClocksAndFacts();
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    const id = '0190a000-0000-7000-8000-000000000001';
    expect(() => db.prepare("INSERT INTO case_clocks (case_id, clock, due) VALUES (?, 'feedback', 'x')").run(id)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO case_clocks (case_id, clock, due) VALUES (?, 'other', 'x')").run(id)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO case_report_facts (case_id) VALUES (?)').run(id)).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO case_report_facts (case_id) VALUES (NULL)').run()).toThrow(/NOT NULL/);
    expect(() => db.prepare("INSERT INTO case_clocks (case_id, clock, due) VALUES ('nobody', 'feedback', 'x')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });
});
