import { describe, expect, it } from 'vitest';
import { SyncRequestError } from '../../core/sync/syncClient.ts';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import type { WireAudit, WireReference } from '../../domain/sync/referenceWire.ts';
import { dialects, rowCount, serverPerSuite } from './serverHarness.ts';

const department = (id: string, name: string, wallMs: number, device = 'desk-a'): WireReference => ({
  kind: 'department',
  key: id,
  hlc: encodeHlc({ wallMs, counter: 0 }, device),
  row: JSON.stringify({ id, name, parent_id: null, disabled: 0, created_at: '2026-11-01T00:00:00.000Z', version: 1 }),
});

const auditEntry = (n: number): WireAudit => ({
  id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  at: new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString(),
  actorId: 'u1',
  action: 'users.create',
  target: `user-${n}`,
  detail: JSON.stringify({ n }),
});

describe.each(dialects)('reference records and audit on %s', (dialect) => {
  const s = serverPerSuite(dialect, ['第一医院', '第二医院']);
  const count = (table: 'reference_records' | 'audit_entries') => rowCount(s.store, table);

  it('keeps the newest version of each record, takes a batch sent twice once, and pages the site’s changes', async () => {
    const a = await s.desk('第一医院');
    const b = await s.desk('第一医院');
    const other = await s.desk('第二医院');
    const batch = [department('d-1', '门诊部', 1000), department('d-2', '护理部', 1000)];
    expect(await a.client.pushReferences(a.identity, batch)).toEqual({ accepted: 2, stale: 0 });
    expect(await a.client.pushReferences(a.identity, batch)).toEqual({ accepted: 0, stale: 2 });
    expect(await count('reference_records')).toBe(2);
    // An older version loses, a newer one wins, whichever desk sends it.
    expect(await b.client.pushReferences(b.identity, [department('d-1', '旧名', 500, 'desk-b')])).toEqual({ accepted: 0, stale: 1 });
    expect(await b.client.pushReferences(b.identity, [department('d-1', '门诊一部', 2000, 'desk-b')])).toEqual({ accepted: 1, stale: 0 });
    const first = await b.client.pullReferences(b.identity, 0, 1);
    expect(first).toMatchObject({ more: true, records: [{ key: 'd-2' }] });
    const rest = await b.client.pullReferences(b.identity, first.cursor);
    expect(rest.more).toBe(false);
    expect(rest.records.map((r) => [r.key, JSON.parse(r.row ?? 'null').name])).toEqual([['d-1', '门诊一部']]);
    // A deletion travels as a record without a row.
    await a.client.pushReferences(a.identity, [{ ...department('d-2', '护理部', 3000), row: null }]);
    expect((await b.client.pullReferences(b.identity, rest.cursor)).records).toMatchObject([{ key: 'd-2', row: null }]);
    // Another site sees none of it.
    expect((await other.client.pullReferences(other.identity, 0)).records).toEqual([]);
  });

  it('appends every desk’s audit once, and refuses a malformed batch writing nothing', async () => {
    const a = await s.desk('第一医院');
    const entries = [auditEntry(1), auditEntry(2), auditEntry(3)];
    const before = await count('audit_entries');
    expect(await a.client.pushAudit(a.identity, entries)).toEqual({ accepted: 3, duplicates: 0 });
    expect(await a.client.pushAudit(a.identity, [...entries, auditEntry(4)])).toEqual({ accepted: 1, duplicates: 3 });
    expect(await count('audit_entries')).toBe(before + 4);
    const kept = await s.store.db.selectFrom('audit_entries').selectAll().where('desk_id', '=', a.identity.deskId).orderBy('at').execute();
    expect(kept.map((e) => e.target)).toEqual(['user-1', 'user-2', 'user-3', 'user-4']);
    const refused = await a.client.pushAudit(a.identity, [{ ...auditEntry(5), action: '' }]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncRequestError);
    expect((refused as SyncRequestError).status).toBe(400);
    const badRow = await a.client
      .pushReferences(a.identity, [{ ...department('d-9', 'x', 9000), row: 'not json' }])
      .catch((e: unknown) => e as SyncRequestError);
    expect(badRow).toMatchObject({ status: 400, refusal: { error: 'malformed' } });
    expect(await count('audit_entries')).toBe(before + 4);
    expect(await s.store.db.selectFrom('reference_records').select('key').where('key', '=', 'd-9').executeTakeFirst()).toBeUndefined();
  });
});
