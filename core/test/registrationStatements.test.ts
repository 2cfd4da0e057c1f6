import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/**
 * What one registration asks of SQLite, counted, not timed (bench/results has the timings): a
 * guard that a new case is written without reading back what it cannot have yet, and that the
 * per-write reads kept in memory stay there.
 */
type StatementProto = Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;

let desk: Awaited<ReturnType<typeof openTestDesk>>;
const seen: string[] = [];
let counting = false;
const proto = Object.getPrototypeOf(new Sqlite(':memory:').prepare('SELECT 1')) as StatementProto;
const originals = { run: proto.run, get: proto.get, all: proto.all, iterate: proto.iterate };

beforeAll(async () => {
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = originals[method];
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (counting) seen.push(this.source.replace(/\s+/g, ' '));
      return original.apply(this, args);
    };
  }
  desk = await openTestDesk({ now: () => new Date('2026-11-20T02:00:00Z') });
  await desk.setupAndLogin();
  // The first registration reads what later ones find kept (the aliases) and adds the parties.
  await desk.call('cases.register', sampleComplaint);
});
afterAll(async () => {
  Object.assign(proto, originals);
  await desk.close();
});

async function statementsOfOneRegistration(): Promise<string[]> {
  seen.length = 0;
  counting = true;
  try {
    await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '王五', phone: '13800001234' } });
  } finally {
    counting = false;
  }
  return [...seen];
}

describe('one registration', () => {
  it('runs a bounded number of statements, none reading back what a new case cannot have', async () => {
    const statements = await statementsOfOneRegistration();
    // 23 in the bench's runs (32 before the new-case path, the kept aliases and one settings read).
    expect(statements.length).toBeLessThanOrEqual(25);
    // The seal, the clocks and facts to replace, the counted row to subtract, the log to fold again.
    const readsOfNewCase = statements.filter((s) =>
      /from "(sealed_cases|case_clocks|case_report_facts)"|FROM report_counted WHERE|JOIN case_events e/.test(s),
    );
    expect(readsOfNewCase).toEqual([]);
    expect(statements.filter((s) => /^DELETE FROM case_search_/i.test(s.trim()))).toEqual([]);
    expect(statements.filter((s) => /from "ref_aliases"/.test(s))).toEqual([]);
    expect(statements.filter((s) => /from "settings"/.test(s))).toHaveLength(1);
  });
});
