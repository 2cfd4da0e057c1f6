import { sql } from 'kysely';
import type { RemovalKind } from '../../domain/retention/retentionRules.ts';
import { maxBatch } from '../../domain/sync/protocol.ts';
import { type RemovalPullResponse, type RemovalPushResponse, removalPushSchema } from '../../domain/sync/removalWire.ts';
import { spendNonce } from '../auth.ts';
import { Refused } from '../refusal.ts';
import { projectCases } from '../store/caseProjection.ts';
import { evidenceFiles } from '../store/evidenceFiles.ts';
import { lockSequence, siteOfCases } from '../store/queries.ts';
import {
  filesOfCase,
  heldRemoval,
  lastRemovalSeq,
  markEvidenceRemoved,
  putRemoval,
  redactCaseEvents,
  removableFiles,
  removalsAfter,
} from '../store/removalQueries.ts';
import type { DesksTable } from '../store/schema.ts';
import type { RouteContext } from './context.ts';

type SignedDesk = DesksTable & { nonce: string };

const kindsOf = (text: string | undefined): string[] => (text ? (JSON.parse(text) as string[]) : []);

/**
 * POST /v1/removals/push: cases whose data a desk removed (retention, a person's request). Each
 * widens the site's record of the case's removal and takes the next number of the site's removal
 * sequence, for the other desks to pull; a removal of evidence deletes the bytes of the case's
 * files, keeping each file's row as the record that it was removed, and takes the same data out
 * of the case's held events (their hashes kept, so the DAG still verifies), its projection and
 * its search terms: what a desk pulls from then on, a new desk's catch-up too, comes redacted. A
 * removal the site knew already changes nothing, so a batch sent twice changes nothing. A case
 * the server does not hold yet (a desk that removed it before it joined, its events still to come)
 * is recorded all the same: its events are taken out as they arrive. Another site's case refuses
 * the batch.
 */
export async function pushRemovals(c: RouteContext, desk: SignedDesk, body: unknown): Promise<RemovalPushResponse> {
  const parsed = removalPushSchema.safeParse(body);
  if (!parsed.success) throw new Refused(400, 'malformed', 'refusal.removalMalformed');
  const removals = parsed.data.removals;
  const owners = new Map((await siteOfCases(c.db, [...new Set(removals.map((r) => r.caseId))])).map((o) => [o.id, o.site_id]));
  for (const r of removals) {
    const site = owners.get(r.caseId);
    if (site !== undefined && site !== desk.site_id)
      throw new Refused(403, 'foreign', 'refusal.foreignCase', { caseId: r.caseId }, { caseId: r.caseId });
  }
  const gone = await c.db.transaction().execute(async (trx) => {
    await spendNonce(trx, desk.id, desk.nonce, c.now());
    await lockSequence(trx, desk.site_id, c.dialect === 'postgres');
    let seq = await lastRemovalSeq(trx, desk.site_id);
    const at = c.now().toISOString();
    let accepted = 0;
    const files: string[] = [];
    const redacted: string[] = [];
    for (const r of removals) {
      const held = kindsOf((await heldRemoval(trx, desk.site_id, r.caseId))?.kinds);
      const kinds = [...new Set([...held, ...r.kinds])].sort();
      if (kinds.length === held.length) continue;
      seq++;
      await putRemoval(trx, {
        site_id: desk.site_id,
        case_id: r.caseId,
        kinds: JSON.stringify(kinds),
        at: r.at,
        removed_by: r.removedBy,
        reason: r.reason,
        desk_id: desk.id,
        seq,
        received_at: at,
      });
      accepted++;
      if (!owners.has(r.caseId)) continue;
      // The files the events name are read before the events lose them.
      if (r.kinds.includes('evidence') && !held.includes('evidence')) {
        const removable = await removableFiles(trx, desk.site_id, r.caseId, await filesOfCase(trx, desk.site_id, r.caseId));
        await markEvidenceRemoved(trx, desk.site_id, removable, at);
        files.push(...removable);
      }
      await redactCaseEvents(trx, r.caseId, kinds as RemovalKind[]);
      redacted.push(r.caseId);
    }
    // The group's projection and search are folded again from the redacted events.
    await projectCases(trx, desk.site_id, redacted);
    return { accepted, files, redacted: redacted.length };
  });
  // The old pages leave the write-ahead log too (the full-text index drops a row's terms at once: migration 009).
  if (gone.redacted > 0 && c.dialect === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(c.db);
  // The folder's files go once the rows say so: a crash between leaves bytes no row serves, never the reverse.
  const folder = evidenceFiles(c.evidenceDir);
  for (const sha256 of gone.files) folder.remove(desk.site_id, sha256);
  return { accepted: gone.accepted, files: gone.files.length };
}

/** GET /v1/removals/pull?after=N[&limit=M]: the site's removals after the cursor, oldest first. */
export async function pullRemovals(c: RouteContext, desk: SignedDesk, query: URLSearchParams): Promise<RemovalPullResponse> {
  const after = Number(query.get('after') ?? '0');
  const limit = Math.min(Number(query.get('limit') ?? String(maxBatch)), maxBatch);
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
    throw new Refused(400, 'malformed', 'refusal.pullNumbers');
  }
  await spendNonce(c.db, desk.id, desk.nonce, c.now());
  const rows = await removalsAfter(c.db, desk.site_id, after, limit + 1);
  const page = rows.slice(0, limit);
  return {
    removals: page.map((r) => ({
      caseId: r.case_id,
      kinds: kindsOf(r.kinds) as RemovalPullResponse['removals'][number]['kinds'],
      at: r.at,
      removedBy: r.removed_by,
      reason: r.reason,
      serverSeq: Number(r.seq),
    })),
    cursor: page.length > 0 ? Number(page.at(-1)?.seq) : after,
    more: rows.length > limit,
  };
}
