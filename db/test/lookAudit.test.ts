import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { appendLookAudit } from '../queries/audit.ts';
import { openPlanStore } from './planStore.ts';

/**
 * The audit of a case looked at is committed without waiting for the disk, and nothing else is:
 * the connection is back to synchronous=FULL after it, and a transaction in progress on the same
 * connection finishes (and commits as before) before the look's row is written.
 */
describe('appendLookAudit', () => {
  const planStore = openPlanStore();
  const { store } = planStore;
  afterAll(() => planStore.close());
  const row = (id: string) => ({ id, at: '2026-12-01T00:00:00.000Z', actor_id: 'u', action: 'cases.view', target: 'c', detail: null });
  const full = 2;

  it('writes the row and leaves the connection at synchronous=FULL', async () => {
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(full);
    await appendLookAudit(store.db, store.sqlite, row('a1'));
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(full);
    expect(store.sqlite.prepare("SELECT action FROM audit_log WHERE id = 'a1'").pluck().get()).toBe('cases.view');
  });

  it('waits for a transaction in progress instead of writing into it', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO audit_log (id, at, actor_id, action) VALUES ('t1', '2026-12-01', 'u', 'users.update')`.execute(trx);
      await held;
      order.push('transaction');
    });
    const look = appendLookAudit(store.db, store.sqlite, row('a2')).then(() => {
      order.push('look');
      expect(store.sqlite.inTransaction).toBe(false);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([transaction, look]);
    expect(order).toEqual(['transaction', 'look']);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(full);
  });
});
