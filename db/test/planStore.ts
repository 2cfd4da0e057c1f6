import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { RegisteredPayload } from '../../domain/cases/events.ts';
import { applyEvent, type CaseState } from '../../domain/cases/projection.ts';
import { openStore, type Store } from '../connection.ts';
import type { Database } from '../schema.ts';

/** A case as registered: an elevator complaint of 1 November 2026, with what the caller changes. */
export function registeredState(payload: Partial<RegisteredPayload> & Pick<RegisteredPayload, 'number'>): CaseState {
  return applyEvent(null, {
    type: 'registered',
    payload: {
      queryCode: 'ACDEFG',
      type: 'complaint',
      channel: 'phone',
      severity: 'general',
      subject: '电梯故障',
      content: '电梯坏了',
      complainant: { name: '张三' },
      receivedAt: '2026-11-01T01:00:00.000Z',
      confidential: false,
      anonymous: false,
      deadlines: { acknowledge: '2026-11-02T16:00:00.000Z', feedback: '2026-11-10T15:59:59.999Z', resolve: '2026-11-30T15:59:59.999Z' },
      ...payload,
    },
  });
}

export interface PlanStore {
  store: Store;
  /** The same store through a kysely that keeps each statement it runs, in `statements`. */
  logged: Kysely<Database>;
  statements: string[];
  /** SQLite's plan of a statement, its steps joined by ` | `. */
  plan(sql: string, params: readonly unknown[]): string;
  close(): Promise<void>;
}

/**
 * A fresh store for the tests of queries and their plans: the user `u` who registers every case
 * and the departments named, each called by its id.
 */
export function openPlanStore(departments: readonly string[] = []): PlanStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-plans-'));
  const store = openStore(dir);
  store.sqlite
    .prepare(
      "INSERT INTO users (id, username, display_name, password_hash, roles, department_ids, disabled, created_at, version) VALUES ('u', 'u', 'u', 'x', '[]', '[]', 0, '2026-01-01', 1)",
    )
    .run();
  const department = store.sqlite.prepare("INSERT INTO departments (id, name, created_at) VALUES (?, ?, '2026-01-01')");
  for (const d of departments) department.run(d, d);
  const statements: string[] = [];
  return {
    store,
    logged: new Kysely<Database>({ dialect: new SqliteDialect({ database: store.sqlite }), log: (e) => void statements.push(e.query.sql) }),
    statements,
    plan: (sql, params) =>
      (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | '),
    close: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
