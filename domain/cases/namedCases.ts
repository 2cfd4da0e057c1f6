import { causalOrder, type DagNode } from './eventDag.ts';
import type { CaseEventData, SiteRef } from './events.ts';

/** How a case's history names another case: linked to it, merged into it, or the survivor of its duplicate. */
export type CaseRelation = 'linked' | 'mergedInto' | 'duplicate';

/** Another case a case's history names, with the site whose desk recorded the naming. */
export interface NamedCase {
  id: string;
  number: string;
  relation: CaseRelation;
  /**
   * The site that held this case when the event was recorded, where the named case was (a link
   * and a merge name a case of the same desk); null for a case never transferred.
   */
  site: SiteRef | null;
}

type Named = CaseEventData & DagNode;

function namedBy(e: CaseEventData): Omit<NamedCase, 'site'> | null {
  switch (e.type) {
    case 'linked':
      return { id: e.payload.caseId, number: e.payload.number, relation: 'linked' };
    case 'duplicateMerged':
      return { id: e.payload.caseId, number: e.payload.number, relation: 'duplicate' };
    case 'merged':
      return { id: e.payload.intoId, number: e.payload.intoNumber, relation: 'mergedInto' };
    default:
      return null;
  }
}

/**
 * The other cases a case's history names, each once, with the site that recorded it. A case
 * transferred between sites (转办) carries events its new site's desks did not write: an event
 * was recorded where the case was held as that event saw it, that is at the receiving site of
 * the latest transfer among the events it descends from, or at the site where the case was
 * registered (the first transfer's sender) when it descends from none. An act the sender made
 * without seeing the transfer is its own, though folded after the transfer.
 */
export function namedCases(events: readonly Named[]): NamedCase[] {
  const order = causalOrder(events);
  const origin = order.find((e) => e.type === 'transferred');
  const registeredAt = origin?.type === 'transferred' ? origin.payload.from : null;
  const position = new Map(order.map((e, i) => [e.hash, i]));
  // The latest transfer (by its place in the order) each event saw, itself included.
  const lastTransfer = new Map<string, Named>();
  const named = new Map<string, NamedCase>();
  for (const e of order) {
    let seen: Named | undefined;
    for (const p of e.parents) {
      const t = lastTransfer.get(p);
      if (t && (!seen || (position.get(t.hash) ?? -1) > (position.get(seen.hash) ?? -1))) seen = t;
    }
    const heldAt = seen?.type === 'transferred' ? seen.payload.to : registeredAt;
    const own = e.type === 'transferred' ? e : seen;
    if (own) lastTransfer.set(e.hash, own);
    const other = namedBy(e);
    if (other && !named.has(other.id)) named.set(other.id, { ...other, site: heldAt });
  }
  return [...named.values()];
}
