import type { Kysely } from 'kysely';
import { hashesOf } from '../../db/eventCodec.ts';
import { appendAudit } from '../../db/queries/audit.ts';
import { casesByIds } from '../../db/queries/caseBoard.ts';
import { type CaseEventRow, listEventsOfCases } from '../../db/queries/caseEvents.ts';
import {
  casesReceivedBetween,
  findYearSeal,
  insertSealedCases,
  insertYearSeal,
  type SealedCaseRow,
  sealedCasesOf,
  type YearSealRow,
} from '../../db/queries/seals.ts';
import type { Database } from '../../db/schema.ts';
import type { SealVerification } from '../../domain/api/sealViews.ts';
import { logFault } from '../../domain/cases/eventDag.ts';
import { deskYearOf, deskYearRange, finishedStatuses, manifestText } from '../../domain/seals/yearManifest.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { JobProgress } from '../jobs/jobRegistry.ts';
import { loadSettings } from '../settings.ts';
import { deskSigningKey, signText, verifyText } from './signingKey.ts';

/** The cases of a year and which of them are still open. */
export async function yearCases(db: Kysely<Database>, year: number) {
  const { from, to } = deskYearRange(year);
  const cases = await casesReceivedBetween(db, from, to);
  const open = cases.filter((c) => !finishedStatuses.includes(c.status as (typeof finishedStatuses)[number]));
  return { cases, open };
}

/** A year that may be sealed: a whole desk year already over. */
export function checkSealableYear(year: number, now: Date): void {
  if (year >= deskYearOf(now.toISOString())) throw invalidField('year', 'privacy:seals.field.yearNotOver');
}

const headerOf = (seal: YearSealRow) => ({
  year: seal.year,
  orgName: seal.org_name,
  sealedAt: seal.sealed_at,
  carriedOver: JSON.parse(seal.carried_over) as string[],
});

const entriesOf = (rows: readonly SealedCaseRow[]) => rows.map((r) => ({ number: r.number, lastSeq: r.last_seq, finalHash: r.final_hash }));

/** The entries a year's manifest lists, or the refusal naming the cases still open and not carried over. */
async function sealEntries(db: Kysely<Database>, year: number, carryOver: readonly string[], step: JobProgress['step']) {
  const { cases, open } = await yearCases(db, year);
  const carried = new Set(carryOver);
  const stillOpen = open.filter((c) => !carried.has(c.id));
  if (stillOpen.length > 0) {
    throw invalidField('carryOver', 'privacy:seals.field.openCases', {
      count: stillOpen.length,
      numbers: stillOpen
        .slice(0, 10)
        .map((c) => c.number)
        .join(', '),
    });
  }
  const openIds = new Set(open.map((c) => c.id));
  const sealed = cases.filter((c) => !openIds.has(c.id));
  // The final hash of a case is its heads' hashes (one for a linear log, several after an offline fork).
  const entries: { id: string; number: string; lastSeq: number; finalHash: string }[] = [];
  for (const c of sealed) {
    entries.push({ id: c.id, number: c.number, lastSeq: c.last_seq, finalHash: hashesOf(c.heads).join(',') });
    if (entries.length % 500 === 0) await step('reading', entries.length, sealed.length);
  }
  return { entries, carriedNumbers: open.map((c) => c.number) };
}

const sameEntries = (a: readonly { id: string; lastSeq: number; finalHash: string }[], b: typeof a) =>
  a.length === b.length && a.every((e, i) => e.id === b[i]?.id && e.lastSeq === b[i]?.lastSeq && e.finalHash === b[i]?.finalHash);

/**
 * Seals a year: every finished case received in it is listed with its last event and final
 * hash in a manifest the desk signs (Ed25519); from then on no event can be appended to those
 * cases. Cases still open must be carried over explicitly (they stay workable, outside the
 * manifest); otherwise sealing is refused with them listed, and nothing is written. The cases
 * are read and hashed before the write, with the desk answering other calls meanwhile; the
 * write reads them again and seals what it finds, should a case have moved in between.
 */
export async function sealYear(ctx: DeskContext, year: number, carryOver: readonly string[], actorId: string, progress?: JobProgress) {
  const { db } = ctx.store;
  checkSealableYear(year, ctx.now());
  const step = progress?.step ?? (async () => {});
  await step('reading', 0, 0);
  const first = await sealEntries(db, year, carryOver, step);
  await step('writing', 0, first.entries.length);
  const at = ctx.now().toISOString();
  return db.transaction().execute(async (trx) => {
    if (await findYearSeal(trx, year)) throw new DeskError('conflict', { key: 'privacy:seals.alreadySealed', values: { year } });
    const again = await sealEntries(trx, year, carryOver, async () => {});
    const { entries, carriedNumbers } = sameEntries(first.entries, again.entries) ? first : again;
    const orgName = (await loadSettings(trx)).orgName ?? '';
    const text = manifestText({ year, orgName, sealedAt: at, carriedOver: carriedNumbers }, entries);
    const key = await deskSigningKey(trx, at);
    const manifestSha256 = ctx.sha256(text);
    await insertYearSeal(trx, {
      year,
      sealed_at: at,
      sealed_by: actorId,
      org_name: orgName,
      case_count: entries.length,
      carried_over: JSON.stringify(carriedNumbers),
      manifest_sha256: manifestSha256,
      public_key: key.publicKey,
      signature: signText(key.privateKeyDer, text),
    });
    await insertSealedCases(
      trx,
      entries.map((e) => ({ case_id: e.id, year, number: e.number, last_seq: e.lastSeq, final_hash: e.finalHash })),
    );
    await appendAudit(trx, {
      id: ctx.newId(),
      at,
      actor_id: actorId,
      action: 'seals.seal',
      target: String(year),
      detail: JSON.stringify({ cases: entries.length, carriedOver: carriedNumbers, manifestSha256 }),
    });
    await step('writing', entries.length, entries.length);
    return { year, caseCount: entries.length, carriedOver: carriedNumbers.length, manifestSha256 };
  });
}

/**
 * Checks a sealed year against its manifest: the manifest rebuilt from the sealed cases hashes
 * to what was signed and the signature holds, and every sealed case's history still chains from
 * its first event to the final hash sealed (an event edited, removed or added shows here).
 */
export async function verifySealedYear(ctx: DeskContext, year: number): Promise<SealVerification> {
  const { db } = ctx.store;
  const seal = await findYearSeal(db, year);
  if (!seal) throw new DeskError('not_found', { key: 'privacy:seals.notSealed', values: { year } });
  const rows = await sealedCasesOf(db, year);
  const text = manifestText(headerOf(seal), entriesOf(rows));
  const manifestOk = ctx.sha256(text) === seal.manifest_sha256 && rows.length === seal.case_count;
  const signatureOk = verifyText(seal.public_key, text, seal.signature);
  const problems: SealVerification['problems'] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const page = rows.slice(i, i + 500);
    const cases = await casesByIds(
      db,
      page.map((r) => r.case_id),
    );
    const byCase = new Map<string, CaseEventRow[]>();
    for (const e of await listEventsOfCases(db, cases)) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const row of page) {
      // The log checked against the heads and length sealed: an edited event breaks a hash, an event added since moves the heads.
      const fault = logFault(byCase.get(row.case_id) ?? [], { heads: row.final_hash.split(','), count: row.last_seq });
      if (fault) problems.push({ number: row.number, problem: fault.problem === 'head' ? 'changedSinceSealed' : 'chainBroken' });
    }
  }
  return {
    year,
    ok: manifestOk && signatureOk && problems.length === 0,
    cases: rows.length,
    manifestOk,
    signatureOk,
    problems,
    manifestSha256: seal.manifest_sha256,
  };
}
