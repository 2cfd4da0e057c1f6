import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** The removals waiting to go up (migration 18), as their tombstones say them. */

export interface OutgoingRemoval {
  caseId: string;
  kinds: ('evidence' | 'personalData')[];
  at: string;
  removedBy: string;
  reason: string;
}

/** The first `limit` cases waiting, each with every kind removed from it so far (the latest removal's time, remover and reason). */
export async function removalOutboxPage(db: Kysely<Database>, limit: number): Promise<{ caseIds: string[]; removals: OutgoingRemoval[] }> {
  const caseIds = (await db.selectFrom('sync_removal_outbox').select('case_id').orderBy('case_id').limit(limit).execute()).map(
    (r) => r.case_id,
  );
  if (caseIds.length === 0) return { caseIds, removals: [] };
  const rows = await db.selectFrom('case_removals').selectAll().where('case_id', 'in', caseIds).orderBy('removed_at').execute();
  const byCase = new Map<string, OutgoingRemoval>();
  for (const r of rows) {
    const kind = r.kind as OutgoingRemoval['kinds'][number];
    const was = byCase.get(r.case_id);
    byCase.set(r.case_id, {
      caseId: r.case_id,
      kinds: [...new Set([...(was?.kinds ?? []), kind])].sort(),
      at: r.removed_at,
      removedBy: r.removed_by,
      reason: r.reason,
    });
  }
  return { caseIds, removals: [...byCase.values()] };
}

/** Puts every case with a tombstone in the removal outbox: a desk that joins tells the site what it removed before. */
export async function queueWholeRemovals(db: Kysely<Database>): Promise<void> {
  await sql`INSERT OR IGNORE INTO sync_removal_outbox (case_id) SELECT DISTINCT case_id FROM case_removals`.execute(db);
}

/** The kinds removed from each of these cases that has a tombstone, sorted. */
export async function removedKindsOf(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, OutgoingRemoval['kinds']>> {
  const out = new Map<string, OutgoingRemoval['kinds']>();
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('case_removals')
      .select(['case_id', 'kind'])
      .where('case_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.kind as OutgoingRemoval['kinds'][number]].sort());
  }
  return out;
}

export async function dropRemovalOutbox(db: Kysely<Database>, caseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 500) {
    await db
      .deleteFrom('sync_removal_outbox')
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .execute();
  }
}

/** Files named by events of the site this desk waited for: a removal took them away. */
export async function dropWantedOf(db: Kysely<Database>, caseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 500) {
    await db
      .deleteFrom('evidence_wanted')
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .execute();
  }
}
