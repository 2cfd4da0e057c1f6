import { createHash } from 'node:crypto';
import { hashInput } from '../../domain/cases/hashChain.ts';
import type { RemovalKind } from '../../domain/retention/retentionRules.ts';
import { type PushResponse, pushRequestSchema, type WireEvent } from '../../domain/sync/protocol.ts';
import { redactionHolds, redactWireEvent, removalCovers } from '../../domain/sync/redactedEvents.ts';
import { spendNonce } from '../auth.ts';
import type { ServerMessageKey } from '../messages.ts';
import { Refused } from '../refusal.ts';
import { projectCases, siteFoldingOf } from '../store/caseProjection.ts';
import {
  advanceSequence,
  eventsById,
  insertCaseSites,
  insertEvents,
  knownParents,
  lockSequence,
  parentKey,
  siteOfCases,
} from '../store/queries.ts';
import { removedKindsOf } from '../store/removalQueries.ts';
import type { DesksTable } from '../store/schema.ts';
import { casesHandedOnBy, listSites } from '../store/transferQueries.ts';
import { settleTransfers, transferOf } from '../transfers/caseTransfers.ts';
import type { RouteContext } from './context.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whether the event's hash is the hash of its fields (domain/cases/hashChain.ts). */
export const hashHolds = (e: WireEvent) => sha256(hashInput(e)) === e.hash;

type TamperedWhy = ServerMessageKey & `tampered.${string}`;

function tampered(e: WireEvent, why: TamperedWhy): Refused {
  return new Refused(422, 'tampered', why, { eventId: e.id, caseId: e.caseId }, { caseId: e.caseId });
}

/**
 * POST /v1/push: the desk's new events, verified before any is accepted (hash, parents held by
 * the server or earlier in the batch, the case in the desk's site), then numbered in the site's
 * sequence in one transaction. Idempotent: an event the server holds is counted, not stored again.
 */
export async function push(c: RouteContext, desk: DesksTable & { nonce: string }, body: unknown): Promise<PushResponse> {
  const parsed = pushRequestSchema.safeParse(body);
  if (!parsed.success) throw new Refused(400, 'malformed', 'refusal.pushMalformed');
  const events = parsed.data.events;
  for (const e of events) {
    // A redacted event (its case's data removed on its desk) keeps the hash it had: it must hold
    // nothing its removal takes out, and the site must hold that removal (checked below).
    if (e.redacted ? !redactionHolds(e) : !hashHolds(e)) throw tampered(e, 'tampered.hash');
    if ((e.type === 'registered') !== (e.parents.length === 0)) throw tampered(e, 'tampered.registrationParents');
    try {
      JSON.parse(e.payload);
    } catch {
      throw tampered(e, 'tampered.payload');
    }
  }
  return c.db.transaction().execute(async (trx) => {
    await spendNonce(trx, desk.id, desk.nonce, c.now());
    const folding = events.length > 0 ? await siteFoldingOf(trx, desk.site_id) : undefined;
    const first = await lockSequence(trx, desk.site_id, c.dialect === 'postgres');
    const held = new Map((await eventsById(trx, [...new Set(events.map((e) => e.id))])).map((r) => [r.id, r]));
    const sites = new Map((await siteOfCases(trx, [...new Set(events.map((e) => e.caseId))])).map((r) => [r.id, r.site_id]));
    // Cases this site transferred away: what its desks recorded before they knew still arrives.
    const handedOn = await casesHandedOnBy(
      trx,
      [...sites].filter(([, site]) => site !== desk.site_id).map(([id]) => id),
      desk.site_id,
    );
    const groupSites = events.some((e) => e.type === 'transferred')
      ? new Set((await listSites(trx)).map((s) => String(s.id)))
      : new Set<string>();
    // The parents the batch names, asked of the store at once: the pass below then needs no
    // query, and what it finds in the store is what a query per event would have found, since
    // the batch's own events are written only after the pass. A parent that is a new event of
    // the batch is not asked: the store cannot hold it (its id is not held, and its hash covers its id).
    const brought = new Set(events.filter((e) => !held.has(e.id)).map((e) => parentKey(e.caseId, e.hash)));
    const stored = await knownParents(
      trx,
      events.flatMap((e) => e.parents.map((hash) => ({ caseId: e.caseId, hash }))).filter((p) => !brought.has(parentKey(p.caseId, p.hash))),
    );
    // What the site removed of the batch's cases: their events are held with those data taken out,
    // also an event a desk recorded before it learnt of the removal.
    const removed = await removedKindsOf(
      trx,
      [...new Set(events.map((e) => e.caseId))].map((id) => ({ caseId: id, siteId: sites.get(id) ?? desk.site_id })),
    );
    const fresh: WireEvent[] = [];
    const registered: { id: string; site_id: number }[] = [];
    const seen = new Map<string, Set<string>>();
    let duplicates = 0;
    for (const e of events) {
      const site = sites.get(e.caseId);
      if (site !== undefined && site !== desk.site_id && !handedOn.has(e.caseId)) {
        throw new Refused(403, 'foreign', 'refusal.foreignCase', { caseId: e.caseId }, { caseId: e.caseId });
      }
      const before = held.get(e.id);
      if (before) {
        if (before.hash !== e.hash || before.case_id !== e.caseId) throw tampered(e, 'tampered.idTaken');
        duplicates++;
        continue;
      }
      const batch = seen.get(e.caseId) ?? new Set<string>();
      if (batch.has(e.hash)) {
        duplicates++;
        continue;
      }
      if (site === undefined && e.type !== 'registered' && !batch.size) throw tampered(e, 'tampered.notRegistered');
      if (e.type === 'transferred') {
        // From this desk's site to another site of the group, or nothing is moved on it.
        const t = transferOf(e);
        if (!t || t.from.id !== String(desk.site_id) || t.to.id === t.from.id || !groupSites.has(t.to.id))
          throw tampered(e, 'tampered.transfer');
      }
      // A parent named twice was refused when each event's parents were counted in the store;
      // it still is.
      const missing = e.parents.filter((p) => !batch.has(p));
      if (new Set(missing).size !== missing.length || missing.some((p) => !stored.has(parentKey(e.caseId, p)))) {
        throw tampered(e, 'tampered.unknownParent');
      }
      if (e.type === 'registered') {
        if (site !== undefined) throw tampered(e, 'tampered.registeredAlready');
        registered.push({ id: e.caseId, site_id: desk.site_id });
        sites.set(e.caseId, desk.site_id);
      }
      const kinds: RemovalKind[] = removed.get(e.caseId) ?? [];
      if (!removalCovers(e, kinds)) throw tampered(e, 'tampered.redacted');
      batch.add(e.hash);
      seen.set(e.caseId, batch);
      fresh.push(kinds.length > 0 ? redactWireEvent(e, kinds) : e);
    }
    await insertCaseSites(trx, registered);
    if (fresh.length > 0) await advanceSequence(trx, desk.site_id, first + fresh.length);
    const at = c.now().toISOString();
    await insertEvents(
      trx,
      fresh.map((e, i) => ({
        site_id: desk.site_id,
        seq: first + i + 1,
        id: e.id,
        case_id: e.caseId,
        hash: e.hash,
        desk_id: desk.id,
        body: JSON.stringify(e),
        received_at: at,
      })),
    );
    await settleTransfers(trx, c, desk.id, desk.site_id, fresh, sites);
    // The group's reports and search read the cases as folded now, never behind the log, each
    // under the site that holds it (a case transferred above is read under its new site).
    const bySite = new Map<number, string[]>();
    for (const id of new Set(fresh.map((e) => e.caseId))) {
      const site = sites.get(id) ?? desk.site_id;
      bySite.set(site, [...(bySite.get(site) ?? []), id]);
    }
    for (const [site, ids] of bySite) await projectCases(trx, site, ids, site === desk.site_id ? folding : undefined);
    return { accepted: fresh.length, duplicates, seq: first + fresh.length };
  });
}
