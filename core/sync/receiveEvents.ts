import { type Kysely, sql } from 'kysely';
import { clockColumns, hashBytes, sha256 } from '../../db/eventCodec.ts';
import { caseEventWriter, listCaseLog } from '../../db/queries/caseEvents.ts';
import { findCase, insertCase, projectionColumns } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import { saveReportFacts } from '../../db/queries/reportFacts.ts';
import { type DailyChanges, flushDailyChanges, refreshReportRollup } from '../../db/queries/reportRollups.ts';
import { indexCase } from '../../db/queries/search.ts';
import { updateSyncConfig } from '../../db/queries/sync.ts';
import type { Database } from '../../db/schema.ts';
import { causalOrder, headsOf } from '../../domain/cases/eventDag.ts';
import type { CaseEvent, CaseEventData, RegisteredPayload } from '../../domain/cases/events.ts';
import { applyEvent, projectCase } from '../../domain/cases/projection.ts';
import type { PulledEvent } from '../../domain/sync/protocol.ts';
import { numberPlace, type PulledFault, pulledFault } from '../../domain/sync/receiveRules.ts';
import { type Aliases, canonicalState } from '../../domain/sync/referenceRecords.ts';
import { caseSearchTexts, toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { syncCaseClocks } from '../deadlines/caseClocksSync.ts';
import type { DeskContext } from '../deskContext.ts';
import { foldReportFacts } from '../reports/reportFacts.ts';
import { loadSettings } from '../settings.ts';
import { ensureStandIns, refsOf } from './standIns.ts';

export interface Refused {
  caseId: string;
  eventId: string;
  fault: PulledFault | 'place' | 'format';
}

/** A pulled event as the desk stores it: its payload parsed, its place the next in this desk's log. */
function caseEventOf(e: PulledEvent, seq: number): CaseEvent {
  return {
    form: e.form,
    id: e.id,
    caseId: e.caseId,
    seq,
    parents: [...e.parents],
    type: e.type,
    payload: JSON.parse(e.payload),
    actorId: e.actorId,
    device: e.device,
    at: e.at,
    hlc: e.hlc,
    hash: e.hash,
  } as CaseEvent;
}

/**
 * A case number is unique in the store. Two desks that numbered cases before they joined a
 * site (without a prefix) may both hold `2611-0001`: the case that came second is shown with
 * the end of its id beside the number, and its registration keeps the number it was given.
 */
async function shownNumber(trx: Kysely<Database>, caseId: string, number: string): Promise<string> {
  const holder = await trx.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirst();
  return !holder || holder.id === caseId ? number : `${number}~${caseId.replaceAll('-', '').slice(-6)}`;
}

/** Moves this desk's counter past a number it handed out before (and meets again). */
async function passNumber(trx: Kysely<Database>, number: string, prefix: string): Promise<void> {
  const place = numberPlace(number, prefix);
  if (!place) return;
  await sql`INSERT INTO counters (scope, value) VALUES (${`case:${prefix}${place.period}`}, ${place.sequence})
    ON CONFLICT (scope) DO UPDATE SET value = max(value, excluded.value)`.execute(trx);
}

/** What refolding needs of the case's row. */
interface FoldedRow {
  id: string;
  seqno: number;
  registered_by: string;
  updated_at: string;
}

/**
 * Folds the case again from its whole log (causal order) into the projection, clocks, report
 * facts and search. `log` is the case's log in this desk's order as the page holds it: what was
 * read before the page and what the page stored, so nothing is read again; `aliases` are the
 * merged records as the page read them (receiving changes none), `held` the page's stand-in look-ups.
 */
async function refoldCase(
  ctx: DeskContext,
  trx: Kysely<Database>,
  row: FoldedRow,
  log: CaseEvent[],
  utcOffsetMinutes: number,
  aliases: Aliases,
  held: Set<string>,
  daily: DailyChanges,
): Promise<void> {
  const caseId = row.id;
  const state = canonicalState(projectCase(log), aliases);
  await ensureStandIns(trx, refsOf(state, row.registered_by, [...new Set(log.map((e) => e.actorId))]), ctx.now().toISOString(), held);
  const number = await shownNumber(trx, caseId, state.number);
  const latest = log.reduce((a, e) => (e.at > a ? e.at : a), row.updated_at);
  await trx
    .updateTable('cases')
    .set({ ...projectionColumns({ ...state, number }), updated_at: latest, last_seq: log.length, heads: hashBytes(headsOf(log)) })
    .where('id', '=', caseId)
    .execute();
  const ordered = causalOrder(log).map((e) => ({ type: e.type, at: e.at, payload: e.payload as unknown }));
  const { facts, handlingDays } = foldReportFacts({ calendar: ctx.calendar }, state.receivedAt, ordered, utcOffsetMinutes);
  await saveReportFacts(trx, caseId, facts, handlingDays);
  await syncCaseClocks(trx, caseId, ordered);
  await refreshReportRollup(trx, caseId, daily);
  const texts = caseSearchTexts({ ...state, number });
  await indexCase(trx, row.seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
}

/**
 * Stores a page of pulled events and folds every case they touch, in one transaction with the
 * cursor: a page is taken whole or not at all. Each event is verified first (hash, the events it
 * names, its case); one that fails is refused, logged in the audit naming its case, and left out.
 * Events this desk holds already (its own, coming back) are skipped. Stored while `receiving` is
 * set, so the outbox does not send them back.
 */
export async function receivePage(
  ctx: DeskContext,
  events: readonly PulledEvent[],
  cursor: number,
  prefix: string,
): Promise<{ stored: number; refused: Refused[] }> {
  const byCase = new Map<string, PulledEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const refused: Refused[] = [];
  let stored = 0;
  await ctx.store.db.transaction().execute(async (trx) => {
    await updateSyncConfig(trx, { receiving: 1 });
    const { utcOffsetMinutes } = await loadSettings(trx);
    const aliases = await readAliases(trx);
    // The records the page's cases name, known to be held once looked up or added.
    const held = new Set<string>();
    // The roll-ups' day rows, changed by every case of the page, written once at its end.
    const daily: DailyChanges = new Map();
    const writer = await caseEventWriter(
      trx,
      events.flatMap((e) => [e.actorId, e.device]),
    );
    for (const [caseId, group] of byCase) {
      const row = await findCase(trx, { id: caseId });
      const log: CaseEvent[] = row ? await listCaseLog(trx, caseId) : [];
      let folded: FoldedRow | undefined = row;
      const known = new Set(log.map((e) => e.hash));
      let seqno = row?.seqno;
      let place = row?.last_seq ?? 0;
      let changed = false;
      for (const e of group) {
        if (known.has(e.hash)) continue;
        let fault: Refused['fault'] | null = pulledFault(e, known, seqno !== undefined, sha256);
        if (!fault && e.form === 'chain' && e.seq !== place + 1) fault = 'place';
        if (!fault) {
          try {
            clockColumns(e);
          } catch {
            fault = 'format';
          }
        }
        if (fault) {
          refused.push({ caseId, eventId: e.id, fault });
          await recordAudit(ctx, trx, {
            actorId: null,
            action: 'sync.refused',
            target: caseId,
            detail: { eventId: e.id, fault, device: e.device },
          });
          continue;
        }
        place++;
        const event = caseEventOf(e, place);
        if (seqno === undefined) {
          const data = { type: 'registered', payload: event.payload as RegisteredPayload } as const satisfies CaseEventData;
          const state = applyEvent(null, data);
          await ensureStandIns(trx, refsOf(state, e.actorId), ctx.now().toISOString(), held);
          const number = await shownNumber(trx, caseId, state.number);
          seqno = await insertCase(
            trx,
            { id: caseId, registeredBy: e.actorId, at: e.at, lastSeq: 1, heads: [e.hash] },
            { ...state, number },
            aliases,
          );
          folded = { id: caseId, seqno, registered_by: e.actorId, updated_at: e.at };
        }
        await writer.insert(seqno, event, e.payload);
        if (e.type === 'registered') await passNumber(trx, (event.payload as RegisteredPayload).number, prefix);
        ctx.receiveHlc(e.hlc);
        known.add(e.hash);
        log.push(event);
        changed = true;
        stored++;
      }
      if (changed && folded) await refoldCase(ctx, trx, folded, log, utcOffsetMinutes, aliases, held, daily);
    }
    await writer.finish();
    await flushDailyChanges(trx, daily);
    await updateSyncConfig(trx, { receiving: 0, pull_cursor: cursor });
  });
  return { stored, refused };
}
