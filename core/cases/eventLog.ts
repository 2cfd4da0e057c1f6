import type { Kysely } from 'kysely';
import { insertCaseEvent } from '../../db/queries/caseEvents.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseEvent, CaseEventData } from '../../domain/cases/events.ts';
import { hashInput } from '../../domain/cases/hashChain.ts';
import { syncCaseClocks } from '../deadlines/caseClocksSync.ts';
import type { DeskContext } from '../deskContext.ts';
import { recordReportFacts } from '../reports/reportFacts.ts';

/**
 * Appends one event to a case's log, chained to the previous one. Call it inside the
 * transaction that also writes the projection, so log and projection never disagree.
 */
export async function appendCaseEvent(
  ctx: DeskContext,
  trx: Kysely<Database>,
  link: { caseId: string; prevSeq: number; prevHash: string; actorId: string },
  data: CaseEventData,
): Promise<CaseEvent> {
  const fields = {
    id: ctx.newId(),
    caseId: link.caseId,
    seq: link.prevSeq + 1,
    type: data.type,
    payload: JSON.stringify(data.payload),
    actorId: link.actorId,
    device: ctx.deviceId,
    at: ctx.now().toISOString(),
    hlc: ctx.nextHlc(),
    prevHash: link.prevHash,
  };
  const hash = ctx.sha256(hashInput(fields));
  await insertCaseEvent(trx, {
    id: fields.id,
    case_id: fields.caseId,
    seq: fields.seq,
    type: fields.type,
    payload: fields.payload,
    actor_id: fields.actorId,
    device: fields.device,
    at: fields.at,
    hlc: fields.hlc,
    prev_hash: fields.prevHash,
    hash,
  });
  await syncCaseClocks(trx, link.caseId);
  await recordReportFacts(ctx, trx, fields.caseId, { type: data.type, at: fields.at, payload: data.payload });
  return { ...data, ...fields, payload: data.payload, hash } as CaseEvent;
}
