import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { removeInBatches } from './applyRetention.ts';
import { type LedgerEntry, readLedger, removalsInStore } from './removalLedger.ts';

/**
 * Takes out again what the backup folder's removal ledger says was removed and this store still
 * holds: after a restore of a generation written before the removal, or a store copied in by
 * hand. Each case as it was first done (its kinds, its reason, its remover when this store knows
 * them), audited once as a whole. Answers the number of cases cleared.
 */
export async function reapplyRemovals(ctx: DeskContext, folder: string | null): Promise<number> {
  if (!folder) return 0;
  const ledger = readLedger(folder, ctx.deviceId, ctx.store.key);
  if (ledger.length === 0) return 0;
  const { db } = ctx.store;
  const done = new Map((await removalsInStore(db)).map((e) => [e.caseId, e.kinds]));
  const pending = ledger.filter((e) => e.kinds.some((k) => !(done.get(e.caseId) ?? []).includes(k)));
  if (pending.length === 0) return 0;
  const present = new Set(
    (
      await db
        .selectFrom('cases')
        .select('id')
        .where(
          'id',
          'in',
          pending.map((e) => e.caseId),
        )
        .execute()
    ).map((r) => r.id),
  );
  const users = new Set((await db.selectFrom('users').select('id').execute()).map((u) => u.id));
  // The tombstone names who removed it; one this older store does not know yet becomes its first administrator.
  const fallback = (await db.selectFrom('users').select('id').where('roles', 'like', '%"admin"%').orderBy('created_at').executeTakeFirst())
    ?.id;
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of pending) {
    if (!present.has(e.caseId)) continue;
    const by = users.has(e.by) ? e.by : fallback;
    if (!by) continue;
    const key = `${by}\n${e.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  let cases = 0;
  for (const [key, entries] of groups) {
    const [by = '', reason = ''] = key.split('\n');
    const kindsOf = new Map(entries.map((e) => [e.caseId, e.kinds]));
    const result = await removeInBatches(
      ctx,
      entries.map((e) => e.caseId),
      by,
      reason,
      (row, removed) => (kindsOf.get(row.id) ?? []).filter((k) => !removed.includes(k)),
    );
    cases += result.cases;
  }
  if (cases > 0) await recordAudit(ctx, db, { actorId: null, action: 'retention.reapplied', detail: { cases, folder } });
  return cases;
}
