import type Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migrations } from '../migrations/index.ts';
import { clockOfStored } from '../queries/caseClocks.ts';
import { isoTimeOrNull } from '../queries/storedTime.ts';
import { storeBefore } from './storeBefore.ts';

const version = 24;

/** A store one version short, with clocks and facts in every state the columns allow. */
function storeWithClocksAndFacts() {
  const { db, insertCase } = storeBefore(version);
  const clock = db.prepare('INSERT INTO case_clocks VALUES (?, ?, ?, ?, ?, ?, ?)');
  const facts = db.prepare('INSERT INTO case_report_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // Registered in one order, their clocks and facts written in another.
  for (const n of [3, 8, 1, 6, 9, 2]) {
    insertCase.run(`0190a000-0000-7000-8000-00000000000${n}`, `2611-${n}`, `2026-11-0${n}T01:00:00.000Z`);
  }
  for (const n of [9, 2, 6, 1, 8, 3]) {
    const id = `0190a000-0000-7000-8000-00000000000${n}`;
    for (const [k, name] of (['resolve', 'acknowledge', 'feedback'] as const).entries()) {
      const met = n % 2 === 0 ? `2026-11-1${k}T00:00:00.${n}00Z` : null;
      const breached = n === 9 && k === 1 ? '2026-11-20T00:00:00.000Z' : null;
      // The last instant of a day, and one before the epoch's millisecond rounding could matter.
      clock.run(id, name, `2026-11-2${k}T15:59:59.999Z`, met, breached, n === 3 ? '2026-11-06T00:00:00.001Z' : null, n === 1 ? 1 : 0);
    }
    if (n !== 3)
      facts.run(
        id,
        '2026-11-02T00:00:00.000Z',
        n === 8 ? 1 : 0,
        n === 6 ? '2026-11-02T08:30:00.123Z' : null,
        n === 2 ? '2026-11-03T00:00:00.000Z' : null,
        n === 2 ? '2026-11-03T23:59:59.999Z' : null,
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
  const counted = db.prepare(
    `INSERT INTO report_counted VALUES (?, ?, substr(?, 1, 10), ?, 0, NULL, 1, 'cat', 'dep', 'phone', 'general', 'complaint', 'accepted', '', '', 'h', ?, NULL)`,
  );
  for (const n of [6, 1, 9]) {
    const at = `2026-11-0${n}T01:00:00.000Z`;
    counted.run(`0190a000-0000-7000-8000-00000000000${n}`, at, at, n === 9 ? null : '13900001111', n === 6 ? 1048576 : 0);
  }
  return db;
}

const instants = [
  'due',
  'met_at',
  'breached_at',
  'paused_since',
  'accepted_at',
  'ack_done_at',
  'feedback_done_at',
  'resolve_done_at',
  'closed_at',
];

/** Every row of a table as the desk reads it: by the case's id, instants as ISO text. */
function rowsAsRead(db: Sqlite.Database, table: 'case_clocks' | 'case_report_facts' | 'report_counted') {
  const bySeqno = db.prepare("SELECT count(*) FROM pragma_table_info(?) WHERE name = 'case_seqno'").pluck().get(table) === 1;
  const rows = (
    bySeqno
      ? db.prepare(`SELECT c.id AS case_id, t.* FROM ${table} t JOIN cases c ON c.seqno = t.case_seqno`).all()
      : db.prepare(`SELECT * FROM ${table}`).all()
  ) as Record<string, unknown>[];
  return rows
    .map((r) => {
      const { case_seqno: _, ...rest } = r;
      for (const k of instants) if (k in rest && typeof rest[k] === 'number') rest[k] = isoTimeOrNull(rest[k] as number);
      if (typeof rest.clock === 'number') rest.clock = clockOfStored(rest.clock);
      return rest;
    })
    .sort((a, b) => `${a.case_id}${a.clock ?? ''}`.localeCompare(`${b.case_id}${b.clock ?? ''}`));
}

const indexesOf = (db: Sqlite.Database, table: string) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name").pluck().all(table);

describe('migration 24 (clocks, facts and counted rows by seqno, instants in milliseconds)', () => {
  it('keeps every clock, every case’s facts and counted row, the same as read, keyed by the seqno', () => {
    const db = storeWithClocksAndFacts();
    const clocks = rowsAsRead(db, 'case_clocks');
    const facts = rowsAsRead(db, 'case_report_facts');
    const counted = rowsAsRead(db, 'report_counted');
    expect(counted).toHaveLength(3);
    expect(clocks).toHaveLength(18);
    expect(facts).toHaveLength(5);
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    expect(rowsAsRead(db, 'case_clocks')).toEqual(clocks);
    expect(rowsAsRead(db, 'case_report_facts')).toEqual(facts);
    expect(rowsAsRead(db, 'report_counted')).toEqual(counted);
    // Integers, in the order the text had.
    expect(db.prepare("SELECT count(*) FROM case_clocks WHERE typeof(due) <> 'integer'").pluck().get()).toBe(0);
    expect(
      db
        .prepare('SELECT c.id FROM case_clocks k JOIN cases c ON c.seqno = k.case_seqno ORDER BY k.due, c.id')
        .pluck()
        .all()
        .slice(0, 6)
        .every((id) => typeof id === 'string'),
    ).toBe(true);
    const withoutRowid = db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck();
    expect(withoutRowid.get('case_clocks')).toBe(1);
    expect(withoutRowid.get('case_report_facts')).toBe(0);
    expect(indexesOf(db, 'case_clocks')).toEqual(['case_clocks_pending', 'case_clocks_running']);
    expect(indexesOf(db, 'case_report_facts')).toEqual(['case_report_facts_closed']);
    expect(withoutRowid.get('report_counted')).toBe(0);
    expect(indexesOf(db, 'report_counted')).toEqual(['report_counted_by_phone', 'report_counted_late', 'report_counted_phone']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Run again over its own tables (a version set back by hand): the same rows.
    const stored = db.prepare('SELECT * FROM case_clocks ORDER BY 1, 2').all();
    db.pragma(`user_version = ${version - 1}`);
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    expect(db.prepare('SELECT * FROM case_clocks ORDER BY 1, 2').all()).toEqual(stored);
    expect(rowsAsRead(db, 'case_report_facts')).toEqual(facts);
    expect(rowsAsRead(db, 'report_counted')).toEqual(counted);
    db.close();
  });

  it('orders the instants as the text did, for the comparisons of the reports and sweeps', () => {
    const db = storeWithClocksAndFacts();
    const order = (sql: string) => db.prepare(sql).all();
    const before = order('SELECT case_id, clock FROM case_clocks ORDER BY due, met_at, case_id, clock');
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    expect(
      order(
        `SELECT c.id AS case_id, json_extract('["acknowledge","feedback","resolve"]', '$[' || k.clock || ']') AS clock
          FROM case_clocks k JOIN cases c ON c.seqno = k.case_seqno ORDER BY k.due, k.met_at, c.id, k.clock`,
      ),
    ).toEqual(before);
    db.close();
  });

  it('still holds the rules of the tables: one clock of a kind per case, a known kind, a case that exists', () => {
    const db = storeWithClocksAndFacts();
    migrate(db, { migrations: migrations.filter((m) => m.version <= version) });
    const seqno = db.prepare('SELECT seqno FROM cases ORDER BY seqno LIMIT 1').pluck().get() as number;
    expect(() => db.prepare('INSERT INTO case_clocks (case_seqno, clock, due) VALUES (?, 1, 1)').run(seqno)).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO case_clocks (case_seqno, clock, due) VALUES (?, 3, 1)').run(seqno)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO case_clocks (case_seqno, clock, due) VALUES (?, 1, 'x')").run(seqno)).toThrow(/cannot store TEXT/);
    const withFacts = db.prepare('SELECT min(case_seqno) FROM case_report_facts').pluck().get() as number;
    expect(() => db.prepare('INSERT INTO case_report_facts (case_seqno) VALUES (?)').run(withFacts)).toThrow(/UNIQUE|PRIMARY KEY/);
    // No key given: the rowid picked is no case's, and the row is refused.
    expect(() => db.prepare('INSERT INTO case_report_facts (case_seqno) VALUES (NULL)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO case_clocks (case_seqno, clock, due) VALUES (99999, 1, 1)').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
