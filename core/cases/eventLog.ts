import type { Kysely } from 'kysely';
import { hashesOf, newDagEvent } from '../../db/eventCodec.ts';
import { insertCaseEvent } from '../../db/queries/caseEvents.ts';
import { type CaseRow, insertCase } from '../../db/queries/cases.ts';
import { refreshReportRollup } from '../../db/queries/reportRollups.ts';
import { sealedYearOf } from '../../db/queries/seals.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseEvent, CaseEventData } from '../../domain/cases/events.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import { syncCaseClocks } from '../deadlines/caseClocksSync.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import { recordReportFacts } from '../reports/reportFacts.ts';

/** Where a new event goes: its case, the place after this desk's last one, the heads it sees. */
export interface EventLink {
  caseId: string;
  caseSeqno: number;
  prevSeq: number;
  heads: string[];
  actorId: string;
}

export const linkOf = (row: CaseRow, actorId: string): EventLink => ({
  caseId: row.id,
  caseSeqno: row.seqno,
  prevSeq: row.last_seq,
  heads: hashesOf(row.heads),
  actorId,
});

/** The link after `event`: it is now the case's one head. */
export const linkAfter = (link: EventLink, event: CaseEvent): EventLink => ({ ...link, prevSeq: event.seq, heads: [event.hash] });

/** A new event naming the heads it sees, stamped with who, when and the desk's clock. */
export function makeCaseEvent(ctx: DeskContext, link: Omit<EventLink, 'caseSeqno'>, data: CaseEventData): CaseEvent {
  return newDagEvent(
    {
      id: ctx.newId(),
      caseId: link.caseId,
      seq: link.prevSeq + 1,
      parents: link.heads,
      actorId: link.actorId,
      device: ctx.deviceId,
      at: ctx.now().toISOString(),
      hlc: ctx.nextHlc(),
    },
    data,
  );
}

/**
 * Stores an event made by makeCaseEvent, with what is folded from the log in the same transaction.
 * `firstOfNewCase`: the event is the whole log of a case whose row this transaction just inserted,
 * so nothing of the case is stored yet to read back: no seal, no clocks, no facts.
 */
export async function storeCaseEvent(
  trx: Kysely<Database>,
  caseSeqno: number,
  event: CaseEvent,
  data: CaseEventData,
  ctx: DeskContext,
  firstOfNewCase = false,
) {
  // A case sealed with its year (年度封存) is read-only for everyone: its log ends at the sealed heads.
  const sealedIn = firstOfNewCase ? undefined : await sealedYearOf(trx, event.caseId);
  if (sealedIn !== undefined) throw new DeskError('conflict', { key: 'privacy:seals.caseSealed', values: { year: sealedIn } });
  await insertCaseEvent(trx, caseSeqno, event, JSON.stringify(data.payload));
  const factEvent = { type: data.type, at: event.at, payload: data.payload };
  await syncCaseClocks(trx, event.caseId, firstOfNewCase ? [factEvent] : undefined, firstOfNewCase);
  await recordReportFacts(ctx, trx, event.caseId, factEvent, firstOfNewCase);
}

/**
 * Appends one event to a case's log, naming the case's heads. Call it inside the transaction
 * that also writes the projection, so log and projection never disagree.
 */
export async function appendCaseEvent(ctx: DeskContext, trx: Kysely<Database>, link: EventLink, data: CaseEventData): Promise<CaseEvent> {
  const event = makeCaseEvent(ctx, link, data);
  await storeCaseEvent(trx, link.caseSeqno, event, data, ctx);
  return event;
}

/**
 * A new case from its first event, in the caller's transaction: the projection row (its seqno
 * keys the event), the event with what is folded from the log, then the case's share of the
 * report roll-ups, counted once from all of them. Later events go through appendCaseEvent and
 * updateCase, which counts the case's change.
 */
export async function storeNewCase(
  ctx: DeskContext,
  trx: Kysely<Database>,
  event: CaseEvent,
  data: CaseEventData,
  state: CaseState,
): Promise<number> {
  const seqno = await insertCase(
    trx,
    { id: event.caseId, registeredBy: event.actorId, at: event.at, lastSeq: event.seq, heads: [event.hash] },
    state,
  );
  await storeCaseEvent(trx, seqno, event, data, ctx, true);
  await refreshReportRollup(trx, event.caseId, undefined, true);
  return seqno;
}
