import { maxBatch } from '../../domain/sync/protocol.ts';
import {
  type AuditPushResponse,
  auditPushSchema,
  type ReferencePullResponse,
  type ReferencePushResponse,
  referencePushSchema,
} from '../../domain/sync/referenceWire.ts';
import { spendNonce } from '../auth.ts';
import { Refused } from '../refusal.ts';
import { applyGroupRules, catchUpGroupRules, groupClaim } from '../rules/siteRules.ts';
import { lockSequence } from '../store/queries.ts';
import { appendAuditEntries, heldReference, lastReferenceSeq, putReference, referencesAfter } from '../store/referenceQueries.ts';
import { groupYears } from '../store/rulesQueries.ts';
import type { DesksTable } from '../store/schema.ts';
import type { RouteContext } from './context.ts';

type SignedDesk = DesksTable & { nonce: string };

function parsesOrNull(text: string | null): boolean {
  if (text === null) return true;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * POST /v1/reference/push: a desk's changed reference records. Each is kept when its clock is
 * newer than the version the site holds (last writer wins per record) and numbered in the
 * site's reference sequence; an older or equal one is counted as stale and changes nothing, so
 * a batch sent twice changes nothing. The site's row is locked first, as for case events.
 */
export async function pushReferences(c: RouteContext, desk: SignedDesk, body: unknown): Promise<ReferencePushResponse> {
  const parsed = referencePushSchema.safeParse(body);
  if (!parsed.success || !parsed.data.records.every((r) => parsesOrNull(r.row))) {
    throw new Refused(400, 'malformed', 'refusal.referenceMalformed');
  }
  await catchUpGroupRules(c.db, c, desk.site_id);
  return c.db.transaction().execute(async (trx) => {
    await spendNonce(trx, desk.id, desk.nonce, c.now());
    await lockSequence(trx, desk.site_id, c.dialect === 'postgres');
    let seq = await lastReferenceSeq(trx, desk.site_id);
    const at = c.now().toISOString();
    const years = await groupYears(trx);
    let accepted = 0;
    let stale = 0;
    let profileChanged = false;
    for (const r of parsed.data.records) {
      const held = await heldReference(trx, desk.site_id, r.kind, r.key);
      const owner = await groupClaim(trx, c, desk.site_id, years, r, held, seq + 1);
      if (owner !== 'desk') {
        if (owner === 'groupAgain') seq++;
        stale++;
        continue;
      }
      if (held && held.hlc >= r.hlc) {
        stale++;
        continue;
      }
      if (r.kind === 'setting' && r.key === 'org.profile' && held?.row !== r.row) profileChanged = true;
      seq++;
      await putReference(trx, {
        site_id: desk.site_id,
        kind: r.kind,
        key: r.key,
        hlc: r.hlc,
        row: r.row,
        desk_id: desk.id,
        seq,
        received_at: at,
      });
      accepted++;
    }
    // The group's policies are a profile's: a site whose profile changed takes the other profile's.
    if (profileChanged) await applyGroupRules(trx, c, desk.site_id);
    return { accepted, stale };
  });
}

/** GET /v1/reference/pull?after=N[&limit=M]: the site's records changed after the cursor, oldest change first. */
export async function pullReferences(c: RouteContext, desk: SignedDesk, query: URLSearchParams): Promise<ReferencePullResponse> {
  const after = Number(query.get('after') ?? '0');
  const limit = Math.min(Number(query.get('limit') ?? String(maxBatch)), maxBatch);
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
    throw new Refused(400, 'malformed', 'refusal.pullNumbers');
  }
  await spendNonce(c.db, desk.id, desk.nonce, c.now());
  await catchUpGroupRules(c.db, c, desk.site_id);
  const rows = await referencesAfter(c.db, desk.site_id, after, limit + 1);
  const page = rows.slice(0, limit);
  return {
    records: page.map((r) => ({
      kind: r.kind as ReferencePullResponse['records'][number]['kind'],
      key: r.key,
      hlc: r.hlc,
      row: r.row,
      serverSeq: Number(r.seq),
      ...(r.group_owned === 1 ? { group: true as const } : {}),
    })),
    cursor: page.length > 0 ? Number(page.at(-1)?.seq) : after,
    more: rows.length > limit,
  };
}

/** POST /v1/audit/push: the desk's audit entries, appended once each (the desk and the entry's id are the key). */
export async function pushAudit(c: RouteContext, desk: SignedDesk, body: unknown): Promise<AuditPushResponse> {
  const parsed = auditPushSchema.safeParse(body);
  if (!parsed.success) throw new Refused(400, 'malformed', 'refusal.auditMalformed');
  return c.db.transaction().execute(async (trx) => {
    await spendNonce(trx, desk.id, desk.nonce, c.now());
    const at = c.now().toISOString();
    const entries = parsed.data.entries;
    const accepted = await appendAuditEntries(
      trx,
      entries.map((e) => ({
        site_id: desk.site_id,
        desk_id: desk.id,
        id: e.id,
        at: e.at,
        actor_id: e.actorId,
        action: e.action,
        target: e.target,
        detail: e.detail,
        received_at: at,
      })),
    );
    return { accepted, duplicates: entries.length - accepted };
  });
}
