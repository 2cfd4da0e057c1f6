import type { Kysely } from 'kysely';
import { z } from 'zod';
import { causalOrder } from '../../domain/cases/eventDag.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import type { RouteContext } from '../routes/context.ts';
import { foldWireEvents } from '../store/caseProjection.ts';
import { evidenceFiles, insertEvidence } from '../store/evidenceFiles.ts';
import { advanceSequence, lockSequence } from '../store/queries.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { eventsOfCase, evidenceRowsOf, insertRelays, insertTransfers, moveCaseTo, relayedOfCase } from '../store/transferQueries.ts';

type Db = Kysely<ServerDatabase>;

const siteRef = z.object({ id: z.string().regex(/^\d{1,12}$/), name: z.string().min(1).max(200) });

/** What the server checks of a transfer's payload before it moves a case on it. */
export const transferredPayloadSchema = z.object({ from: siteRef, to: siteRef, reason: z.string().min(1).max(2000) });

/** A transfer event's payload, or null when it is not one the server can act on. */
export function transferOf(e: WireEvent): z.infer<typeof transferredPayloadSchema> | null {
  if (e.type !== 'transferred') return null;
  try {
    const parsed = transferredPayloadSchema.safeParse(JSON.parse(e.payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The files a case's events name: they go where the case goes. */
function filesNamed(events: readonly WireEvent[]): string[] {
  const shas = new Set<string>();
  for (const e of events) {
    if (e.type !== 'registered' && e.type !== 'attachmentsAdded') continue;
    try {
      const payload = JSON.parse(e.payload) as { attachments?: { sha256?: unknown }[]; intake?: { attachments?: { sha256?: unknown }[] } };
      for (const a of (e.type === 'registered' ? payload.intake?.attachments : payload.attachments) ?? []) {
        if (typeof a.sha256 === 'string') shas.add(a.sha256);
      }
    } catch {
      // A payload that is not JSON was refused at the push; nothing to carry.
    }
  }
  return [...shas];
}

/**
 * The site that holds the case by its history folded as every desk folds it (a transfer made
 * without seeing another one, or after a concurrent close, is a conflict and moves nothing);
 * `origin` when no transfer holds.
 */
function holderOf(events: readonly WireEvent[], origin: number): number {
  try {
    const state = foldWireEvents(events);
    return state.heldBy ? Number(state.heldBy.id) : origin;
  } catch {
    // A history the server cannot fold (an event type of a newer desk) stays where it is.
    return Number.NaN;
  }
}

/**
 * Puts every event of the case that `siteId`'s feed lacks into its sequence, in causal order
 * (each after the events it names), so its desks verify the history as they receive it.
 */
async function relayMissing(
  trx: Db,
  c: RouteContext,
  caseId: string,
  siteId: number,
  all: readonly { id: string; site_id: number; wire: WireEvent }[],
) {
  const relayed = await relayedOfCase(trx, caseId, siteId);
  const missing = all.filter((e) => e.site_id !== siteId && !relayed.has(e.id)).map((e) => e.wire);
  if (missing.length === 0) return;
  const first = await lockSequence(trx, siteId, c.dialect === 'postgres');
  const ordered = causalOrder(missing);
  await insertRelays(
    trx,
    ordered.map((e, i) => ({ site_id: siteId, seq: first + i + 1, event_id: e.id, case_id: caseId })),
  );
  await advanceSequence(trx, siteId, first + ordered.length);
}

/** The case's evidence, copied from the site it leaves to the site it reaches (the evidence table is per site). */
async function carryEvidence(trx: Db, c: RouteContext, caseId: string, from: number, to: number, events: readonly WireEvent[]) {
  const files = evidenceFiles(c.evidenceDir);
  for (const row of await evidenceRowsOf(trx, from, filesNamed(events))) {
    if (row.removed_at) {
      // A removal already took the bytes: the receiving site keeps the record that they were removed.
      await insertEvidence(trx, { ...row, site_id: to, case_id: caseId, content: null });
      continue;
    }
    const held = row.content ? null : await files.read(trx, from, row.sha256);
    const bytes = held === 'removed' ? null : held;
    const content = row.content ? Buffer.from(row.content) : bytes ? files.write(to, row.sha256, bytes) : null;
    if (!row.content && !bytes) continue;
    await insertEvidence(trx, { ...row, site_id: to, case_id: caseId, content });
  }
}

/**
 * After a push is stored: records the transfers it brought, moves each case a transfer now
 * hands to another site (with its evidence), and relays to the case's site every event of it
 * that site's desks have not received: the whole history of a case that arrives, and what a
 * desk of the sending site recorded before it knew of the transfer. Runs in the push's transaction.
 */
export async function settleTransfers(
  trx: Db,
  c: RouteContext,
  deskId: string,
  deskSite: number,
  fresh: readonly WireEvent[],
  sites: Map<string, number>,
): Promise<void> {
  const at = c.now().toISOString();
  const transfers = fresh.flatMap((e) => {
    const t = transferOf(e);
    return t
      ? [
          {
            event_id: e.id,
            case_id: e.caseId,
            from_site: Number(t.from.id),
            to_site: Number(t.to.id),
            reason: t.reason,
            actor_id: e.actorId,
            desk_id: deskId,
            at: e.at,
            received_at: at,
          },
        ]
      : [];
  });
  await insertTransfers(trx, transfers);
  const moving = new Set(transfers.map((t) => t.case_id));
  const touched = new Set(fresh.filter((e) => moving.has(e.caseId) || sites.get(e.caseId) !== deskSite).map((e) => e.caseId));
  for (const caseId of touched) {
    const all = (await eventsOfCase(trx, caseId)).map((r) => ({ ...r, wire: JSON.parse(r.body) as WireEvent }));
    const wires = all.map((e) => e.wire);
    const current = sites.get(caseId) ?? deskSite;
    let holder = current;
    if (moving.has(caseId)) {
      const origin = all.find((e) => e.wire.type === 'registered')?.site_id ?? current;
      const folded = holderOf(wires, origin);
      if (Number.isSafeInteger(folded) && folded !== current) {
        holder = folded;
        await moveCaseTo(trx, caseId, holder);
        sites.set(caseId, holder);
        await carryEvidence(trx, c, caseId, current, holder, wires);
        c.log(`case ${caseId} moved from site ${current} to site ${holder}`);
      }
    }
    if (holder !== deskSite) await relayMissing(trx, c, caseId, holder, all);
  }
}
