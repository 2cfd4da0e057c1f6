import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, type CaseState } from '../../domain/cases/projection.ts';
import { openStore, type Store } from '../connection.ts';
import { latestHlc } from '../queries/caseEvents.ts';
import { type CaseFilter, insertCase, listCases } from '../queries/cases.ts';
import type { Database } from '../schema.ts';

/**
 * The plans the benchmark depends on: answers unchanged, no scan or sort of every row
 * (bench/results has the before/after figures). cases_status_seqno comes with migration 5,
 * case_events_hlc with migration 7.
 */
const statuses = ['registered', 'accepted', 'declined'] as const;
const severities = ['general', 'major', 'urgent'] as const;

function state(i: number): CaseState {
  const registered = applyEvent(null, {
    type: 'registered',
    payload: {
      number: `2611-${String(i).padStart(4, '0')}`,
      queryCode: 'ACDEFG',
      type: 'complaint',
      channel: 'phone',
      severity: severities[Math.floor(i / 3) % 3] ?? 'general',
      subject: '电梯故障',
      content: '电梯坏了',
      complainant: { name: '张三' },
      receivedAt: '2026-11-01T01:00:00.000Z',
      confidential: false,
      anonymous: false,
      deadlines: { acknowledge: '2026-11-02T16:00:00.000Z', feedback: '2026-11-10T15:59:59.999Z', resolve: '2026-11-30T15:59:59.999Z' },
    },
  });
  return { ...registered, status: statuses[i % 3] ?? 'registered' };
}

describe('query plans at scale', () => {
  let dir: string;
  let store: Store;
  const statements: string[] = [];
  let logged: Kysely<Database>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-plans-'));
    store = openStore(dir);
    store.sqlite.prepare("INSERT INTO users VALUES ('u', 'u', 'u', 'x', '[]', '[]', 0, '2026-01-01', 1)").run();
    for (let i = 1; i <= 60; i++) {
      await insertCase(
        store.db,
        { id: `case-${i}`, registeredBy: 'u', at: '2026-11-01T01:00:00.000Z', lastSeq: 1, lastHash: 'h' },
        state(i),
      );
      store.sqlite
        .prepare("INSERT INTO case_events VALUES (?, ?, 1, 'registered', '{}', 'u', 'd', '2026-11-01T01:00:00.000Z', ?, 'p', 'h')")
        .run(`event-${i}`, `case-${i}`, `0000${String((i * 7919) % 1000).padStart(11, '0')}-0000-d`);
    }
    logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: store.sqlite }),
      log: (e) => void statements.push(e.query.sql),
    });
  });

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const plan = (sql: string, params: unknown[]) =>
    (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('lists a status newest first from an index in rowid order, without sorting, with the same answer as before', async () => {
    for (const filter of [{ status: 'accepted' }, { status: 'accepted', severity: 'urgent' }, { status: 'registered' }] as const) {
      statements.length = 0;
      const rows = await listCases(logged, { ...filter, limit: 5 } satisfies CaseFilter);
      const all = Array.from({ length: 60 }, (_, k) => ({ i: k + 1, s: state(k + 1) }));
      const expected = all
        .filter(({ s }) => s.status === filter.status && (!('severity' in filter) || s.severity === filter.severity))
        .map(({ i }) => `case-${i}`)
        .reverse()
        .slice(0, 5);
      expect(rows.map((r) => r.id)).toEqual(expected);
      const params = 'severity' in filter ? [filter.status, filter.severity, 5] : [filter.status, 5];
      const detail = plan(statements[0] ?? '', params);
      expect(detail).toMatch(/USING (COVERING )?INDEX cases_status/);
      expect(detail).not.toContain('TEMP B-TREE');
    }
  });

  it('finds the newest HLC through case_events_hlc instead of reading every event', async () => {
    const max = store.sqlite.prepare('SELECT hlc FROM case_events').pluck().all().sort().at(-1);
    statements.length = 0;
    expect(await latestHlc(logged)).toBe(max);
    expect(plan(statements[0] ?? '', [])).toContain('case_events_hlc');
  });
});
