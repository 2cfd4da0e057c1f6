import { type Kysely, sql } from 'kysely';
import { clockColumns, hashBytes, posOf, sha256 } from '../../db/eventCodec.ts';
import { insertNewCaseClocks, storedClockRow } from '../../db/queries/caseClocks.ts';
import { caseEventWriter, listCaseLog } from '../../db/queries/caseEvents.ts';
import { casesByIds, insertCase, numberHolders, projectionColumns } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import { insertNewReportFacts, reportFactsRow, saveReportFacts } from '../../db/queries/reportFacts.ts';
import { countNewCases, type DailyChanges, flushDailyChanges, refreshReportRollup } from '../../db/queries/reportRollups.ts';
import { keepRedactedHashes } from '../../db/queries/retention.ts';
import { indexCase, indexNewCases, type SearchDocuments } from '../../db/queries/search.ts';
import { updateSyncConfig } from '../../db/queries/sync.ts';
import type { CaseClocksTable, CaseReportFactsTable, Database } from '../../db/schema.ts';
import { causalOrder, headsOf } from '../../domain/cases/eventDag.ts';
import type { CaseEvent } from '../../domain/cases/events.ts';
import { type CaseState, projectCase } from '../../domain/cases/projection.ts';
import type { PulledEvent } from '../../domain/sync/protocol.ts';
import { numberPlace, type PulledFault, pulledFault } from '../../domain/sync/receiveRules.ts';
import { type Aliases, canonicalState } from '../../domain/sync/referenceRecords.ts';
import { caseSearchTexts, toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { caseClockRows, syncCaseClocks } from '../deadlines/caseClocksSync.ts';
import type { DeskContext } from '../deskContext.ts';
import { foldReportFacts } from '../reports/reportFacts.ts';
import { loadSettings } from '../settings.ts';
import { ensureStandIns, nameStandIns, refsOf } from './standIns.ts';

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

/** The highest place of each of this desk's counters among the numbers a page met (numbers it handed out before). */
function counterPlaces(numbers: readonly string[], prefix: string): Map<string, number> {
  const places = new Map<string, number>();
  for (const number of numbers) {
    const place = numberPlace(number, prefix);
    if (!place) continue;
    const scope = `case:${prefix}${place.period}`;
    places.set(scope, Math.max(places.get(scope) ?? 0, place.sequence));
  }
  return places;
}

/** Moves this desk's counters past the numbers it handed out before (and meets again). */
async function passNumbers(trx: Kysely<Database>, numbers: readonly string[], prefix: string): Promise<void> {
  for (const [scope, value] of counterPlaces(numbers, prefix)) {
    await sql`INSERT INTO counters (scope, value) VALUES (${scope}, ${value})
      ON CONFLICT (scope) DO UPDATE SET value = max(value, excluded.value)`.execute(trx);
  }
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

/** The number a registration's payload gives (its text verified or refused later). */
function numberOf(payload: string): string {
  try {
    const number = (JSON.parse(payload) as { number?: unknown }).number;
    return typeof number === 'string' ? number : '';
  } catch {
    return '';
  }
}

/** A case the page brings for the first time: stored with its whole projection at once. */
interface NewCase {
  id: string;
  seqno: number;
  state: CaseState;
  number: string;
  log: CaseEvent[];
}

/**
 * The page's new cases folded into their report facts, clocks, search entries and roll-ups,
 * each kind for all of them in a few statements: nothing of theirs is there to replace.
 */
async function foldNewCases(
  ctx: DeskContext,
  trx: Kysely<Database>,
  cases: readonly NewCase[],
  utcOffsetMinutes: number,
  daily: DailyChanges,
) {
  const facts: CaseReportFactsTable[] = [];
  const clocks: CaseClocksTable[] = [];
  const documents: ({ seqno: number } & SearchDocuments)[] = [];
  for (const c of cases) {
    const ordered = causalOrder(c.log).map((e) => ({ type: e.type, at: e.at, payload: e.payload as unknown }));
    const folded = foldReportFacts({ calendar: ctx.calendar }, c.state.receivedAt, ordered, utcOffsetMinutes);
    facts.push(reportFactsRow(c.seqno, folded.facts, folded.handlingDays));
    clocks.push(...caseClockRows(c.id, ordered).map((k) => storedClockRow(c.seqno, k)));
    const texts = caseSearchTexts({ ...c.state, number: c.number });
    documents.push({ seqno: c.seqno, trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
  }
  await insertNewReportFacts(trx, facts);
  await insertNewCaseClocks(trx, clocks);
  await indexNewCases(trx, documents);
  await countNewCases(
    trx,
    cases.map((c) => c.id),
    daily,
  );
}

/**
 * Stores a page of pulled events and folds every case they touch, in one transaction with the
 * cursor: a page is taken whole or not at all. Each event is verified first (hash, the events it
 * names, its case); one that fails is refused, logged in the audit naming its case, and left out.
 * Events this desk holds already (its own, coming back) are skipped. Stored while `receiving` is
 * set, so the outbox does not send them back. A case the page brings for the first time (a new
 * desk's catch-up is nothing else) is stored once with its whole projection, and its facts,
 * clocks, search entry and roll-up row go in with the page's other new cases, a few statements
 * for all of them; a case this desk holds is folded again from its whole log.
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
    const rows = await casesByIds(trx, [...byCase.keys()]);
    // Who holds each number the page's registrations give, kept up to date as its cases are stored.
    const holders = await numberHolders(
      trx,
      events.filter((e) => e.type === 'registered').map((e) => numberOf(e.payload)),
    );
    const registered: string[] = [];
    const shown = (caseId: string, number: string) => {
      const holder = holders.get(number);
      return !holder || holder === caseId ? number : `${number}~${caseId.replaceAll('-', '').slice(-6)}`;
    };
    const refuse = async (caseId: string, e: PulledEvent, fault: Refused['fault']) => {
      refused.push({ caseId, eventId: e.id, fault });
      await recordAudit(ctx, trx, {
        actorId: null,
        action: 'sync.refused',
        target: caseId,
        detail: { eventId: e.id, fault, device: e.device },
      });
    };
    const fresh: NewCase[] = [];
    const refolds: { row: FoldedRow; log: CaseEvent[] }[] = [];
    // Events a removal redacted before they came: the hash each had is kept, as the desk that removed them keeps it.
    const kept: { pos: number; hash: string }[] = [];
    for (const [caseId, group] of byCase) {
      const row = rows.get(caseId);
      const log: CaseEvent[] = row ? await listCaseLog(trx, caseId) : [];
      const known = new Set(log.map((e) => e.hash));
      let place = row?.last_seq ?? 0;
      // The payload text of each event taken, as it travelled (its hash is over that text).
      const taken: { event: CaseEvent; text: string; redacted: boolean }[] = [];
      for (const e of group) {
        if (known.has(e.hash)) continue;
        let fault: Refused['fault'] | null = pulledFault(e, known, row !== undefined || taken.length > 0, sha256);
        if (!fault && e.form === 'chain' && e.seq !== place + 1) fault = 'place';
        if (!fault) {
          try {
            clockColumns(e);
          } catch {
            fault = 'format';
          }
        }
        if (fault) {
          await refuse(caseId, e, fault);
          continue;
        }
        place++;
        const event = caseEventOf(e, place);
        ctx.receiveHlc(e.hlc);
        known.add(e.hash);
        log.push(event);
        taken.push({ event, text: e.payload, redacted: e.redacted !== undefined });
        if (event.type === 'registered') registered.push(event.payload.number);
        stored++;
      }
      if (taken.length === 0) continue;
      const keepHashes = (seqno: number) =>
        kept.push(...taken.filter((t) => t.redacted).map((t) => ({ pos: posOf(seqno, t.event.seq), hash: t.event.hash })));
      if (row) {
        for (const t of taken) await writer.insert(row.seqno, t.event, t.text);
        keepHashes(row.seqno);
        refolds.push({ row, log });
        continue;
      }
      // New here: the page holds the case from its registration on (a pulled page of a case this
      // desk lacks starts there, or its first event was refused and nothing was taken).
      const first = log[0] as CaseEvent;
      const state = canonicalState(projectCase(log), aliases);
      await ensureStandIns(trx, refsOf(state, first.actorId, [...new Set(log.map((e) => e.actorId))]), ctx.now().toISOString(), held);
      const number = shown(caseId, state.number);
      const latest = log.reduce((a, e) => (e.at > a ? e.at : a), first.at);
      const seqno = await insertCase(
        trx,
        { id: caseId, registeredBy: first.actorId, at: first.at, updatedAt: latest, lastSeq: log.length, heads: headsOf(log) },
        { ...state, number },
        aliases,
      );
      holders.set(number, caseId);
      for (const t of taken) await writer.insert(seqno, t.event, t.text);
      keepHashes(seqno);
      fresh.push({ id: caseId, seqno, state, number, log });
    }
    await passNumbers(trx, registered, prefix);
    await foldNewCases(ctx, trx, fresh, utcOffsetMinutes, daily);
    for (const r of refolds) await refoldCase(ctx, trx, r.row, r.log, utcOffsetMinutes, aliases, held, daily);
    await writer.finish();
    await keepRedactedHashes(trx, kept);
    await nameStandIns(trx, new Map(events.flatMap((e) => (e.actorName ? [[e.actorId, e.actorName] as const] : []))));
    await flushDailyChanges(trx, daily);
    await updateSyncConfig(trx, { receiving: 0, pull_cursor: cursor });
  });
  return { stored, refused };
}
