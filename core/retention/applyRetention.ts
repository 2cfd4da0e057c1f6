import path from 'node:path';
import type { Kysely } from 'kysely';
import { removeUpgradeCopies } from '../../db/connection.ts';
import { caseRange, hashesOf } from '../../db/eventCodec.ts';
import { type CaseEventRow, listCaseLog } from '../../db/queries/caseEvents.ts';
import { type CaseRow, findCase, updateCase } from '../../db/queries/cases.ts';
import {
  countDueCases,
  dueCasesPage,
  filesNamedBy,
  fileUsedElsewhere,
  forgetFilesOf,
  insertRemoval,
  type RetentionCandidate,
  redactStoredEvent,
  retentionCandidatesBetween,
} from '../../db/queries/retention.ts';
import { indexCase } from '../../db/queries/search.ts';
import type { Database } from '../../db/schema.ts';
import type { RetentionDue, RetentionPreview, RetentionResult } from '../../domain/api/retentionViews.ts';
import { causalOrder } from '../../domain/cases/eventDag.ts';
import { projectCase } from '../../domain/cases/projection.ts';
import type { RecordType } from '../../domain/cases/vocabulary.ts';
import { redactPayload } from '../../domain/retention/redactPayload.ts';
import { dueBounds, dueRemovals, type RemovalKind, type RetentionPeriods } from '../../domain/retention/retentionRules.ts';
import { finishedStatuses } from '../../domain/seals/yearManifest.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { createBlobStore } from '../attachments/blobStore.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadBackupConfig } from '../backup/backupConfig.ts';
import { caseEventOf } from '../cases/caseViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { breather } from '../jobs/breather.ts';
import type { JobProgress } from '../jobs/jobRegistry.ts';
import { addToLedger, type LedgerEntry } from './removalLedger.ts';
import { loadRetention } from './retentionSettings.ts';

/**
 * How long one removal transaction may run before it commits and lets the desk answer its users:
 * a transaction holds the desk's one thread from start to commit, whatever its size, and its
 * commit (written and synced) adds to that.
 */
const batchMs = 30;
const shownInPreview = 200;
/** Rows read at a time while filling the dry run's page: a few are read and found not yet due. */
const readAhead = 250;

const removedKinds = (removed: readonly string[]) => removed.filter((k): k is RemovalKind => k === 'evidence' || k === 'personalData');

const bitOf: Record<RemovalKind, number> = { evidence: 1, personalData: 2 };
const kindsOfBits = (bits: number) => (['evidence', 'personalData'] as const).filter((k) => (bits & bitOf[k]) !== 0);

/** What is due of a case the retention index found, as `dueRemovals` decides it. */
const dueOf = (c: RetentionCandidate, periods: RetentionPeriods, now: string) =>
  dueRemovals({ type: c.type as RecordType, finishedAt: c.updated_at, removed: kindsOfBits(c.removed_kinds) }, periods, now);

/**
 * The dry run: what the end of retention removes now, nothing written. Read from the retention
 * index (migration 21): the cases surely due are counted from a range of it; those finished in
 * the few days where the calendar decides (a month's end) are read and decided one by one; the
 * page shown is the cases longest finished.
 */
export async function previewRetention(ctx: DeskContext): Promise<RetentionPreview> {
  const { db } = ctx.store;
  const { periods } = await loadRetention(db);
  const asOf = ctx.now().toISOString();
  const bounds = dueBounds(periods, asOf);
  const surely = bounds.map((b) => ({ type: b.type, personalData: b.personalData.surely, evidence: b.evidence.surely }));
  const maybe = bounds.map((b) => ({ type: b.type, personalData: b.personalData.maybe, evidence: b.evidence.maybe }));
  let total = await countDueCases(db, finishedStatuses, surely, breather);
  const between = new Map<number, RetentionCandidate>();
  for (const b of bounds) {
    for (const [kind, bit] of [
      ['personalData', 2],
      ['evidence', 1],
    ] as const) {
      for (const c of await retentionCandidatesBetween(db, finishedStatuses, b.type, bit, b[kind].surely, b[kind].maybe))
        between.set(c.seqno, c);
    }
  }
  const surelyDue = (c: RetentionCandidate) => {
    const cut = surely.find((s) => s.type === c.type);
    return (
      cut !== undefined &&
      ((c.updated_at <= cut.personalData && (c.removed_kinds & 2) === 0) || (c.updated_at <= cut.evidence && (c.removed_kinds & 1) === 0))
    );
  };
  for (const c of between.values()) if (!surelyDue(c) && dueOf(c, periods, asOf).length > 0) total += 1;

  const cases: RetentionDue[] = [];
  let after: { updatedAt: string; seqno: number } | null = null;
  while (cases.length < shownInPreview) {
    const rows = await dueCasesPage(db, finishedStatuses, maybe, after, readAhead);
    for (const c of rows) {
      const kinds = dueOf(c, periods, asOf);
      if (kinds.length === 0 || cases.length >= shownInPreview) continue;
      cases.push({
        id: c.id,
        number: c.number,
        type: c.type as RecordType,
        finishedAt: c.updated_at,
        kinds,
        files: (await filesNamedBy(db, c.seqno)).length,
      });
    }
    const last = rows.at(-1);
    if (!last || rows.length < readAhead) break;
    after = { updatedAt: last.updated_at, seqno: last.seqno };
  }
  return { asOf, total, cases };
}

/**
 * Takes the due kinds of data out of one case: its events' payloads (each event keeps the hash
 * it had, so the history verifies), its projection and search entry; records the tombstone and
 * audits it. Answers the evidence files no other case refers to, deleted once the batch commits.
 */
export async function removeCaseData(
  ctx: DeskContext,
  trx: Kysely<Database>,
  row: CaseRow,
  kinds: readonly RemovalKind[],
  actorId: string,
  reason: string,
): Promise<string[]> {
  const evidence = kinds.includes('evidence');
  const files = evidence ? await filesNamedBy(trx, row.seqno) : [];
  const { from } = caseRange(row.seqno);
  // The log is read once: the redacted events are folded again as they now stand, not read back.
  const log: CaseEventRow[] = [];
  for (const e of await listCaseLog(trx, row.id)) {
    const redacted = redactPayload(e.type, e.payload as unknown as Record<string, unknown>, kinds);
    if (!redacted) {
      log.push(e);
      continue;
    }
    await redactStoredEvent(trx, from + e.seq, e.hash, JSON.stringify(redacted));
    log.push({ ...e, payload: redacted } as CaseEventRow);
  }
  const state = projectCase(causalOrder(log).map(caseEventOf));
  await updateCase(trx, row.id, row.last_seq, { at: row.updated_at, lastSeq: row.last_seq, heads: hashesOf(row.heads) }, state);
  const texts = [state.number, state.complainant.name, state.complainant.phone, state.subject, state.content];
  await indexCase(trx, row.seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
  if (evidence) await forgetFilesOf(trx, row.seqno);
  const orphaned: string[] = [];
  for (const sha of new Set(files)) if (!(await fileUsedElsewhere(trx, sha, row.seqno))) orphaned.push(sha);
  const at = ctx.now().toISOString();
  for (const kind of kinds) {
    await insertRemoval(trx, {
      case_id: row.id,
      kind,
      removed_at: at,
      removed_by: actorId,
      reason,
      files: kind === 'evidence' ? orphaned.length : 0,
    });
  }
  await recordAudit(ctx, trx, {
    actorId,
    action: 'retention.remove',
    target: row.id,
    detail: { number: row.number, kinds, files: orphaned.length, reason },
  });
  return orphaned;
}

/** Adds removals to the ledger of the desk's backup folder; a folder out of reach gets them with the next backup. */
async function noteInLedger(ctx: DeskContext, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    const { config } = await loadBackupConfig(ctx.store.db, path.dirname(ctx.store.file));
    addToLedger(config.folder, ctx.deviceId, ctx.store.key, entries);
  } catch {
    // The next backup writes the store's whole list of removals into the ledger.
  }
}

/**
 * Removes from each of `caseIds` the kinds of data `kindsOf` answers for it (none: left as it is),
 * in short transactions, then deletes the evidence files no other case refers to. Retention and
 * a person's request for removal both come through here, so both leave the same tombstone.
 */
export async function removeInBatches(
  ctx: DeskContext,
  caseIds: readonly string[],
  actorId: string,
  reason: string,
  kindsOf: (row: CaseRow, removed: readonly RemovalKind[]) => RemovalKind[],
  progress?: JobProgress,
): Promise<RetentionResult> {
  const { db } = ctx.store;
  const blobs = createBlobStore(path.dirname(ctx.store.file), ctx.store.key);
  let cases = 0;
  let files = 0;
  const noted: LedgerEntry[] = [];
  for (let i = 0; i < caseIds.length; ) {
    const started = performance.now();
    const gone = await db.transaction().execute(async (trx) => {
      const files: string[] = [];
      const entries: LedgerEntry[] = [];
      // At least one case per transaction, more while the time allows.
      for (let tried = 0; i < caseIds.length && (tried === 0 || performance.now() - started < batchMs); i++, tried++) {
        const id = caseIds[i] as string;
        const row = await findCase(trx, { id });
        if (!row) continue;
        const removed = (await trx.selectFrom('case_removals').select('kind').where('case_id', '=', id).execute()).map((r) => r.kind);
        const kinds = kindsOf(row, removedKinds(removed));
        if (kinds.length === 0) continue;
        files.push(...(await removeCaseData(ctx, trx, row, kinds, actorId, reason)));
        entries.push({ caseId: row.id, kinds, at: ctx.now().toISOString(), by: actorId, reason });
        cases += 1;
      }
      return { files, entries };
    });
    noted.push(...gone.entries);
    // Files go once their removal is committed: a crash before leaves a file no case names, never the reverse.
    for (const sha of gone.files) {
      if (blobs.sizeOf(sha) !== null) files += 1;
      blobs.remove(sha);
    }
    await progress?.step('removing', i, caseIds.length);
    // Every batch, not only when the job's slice is over: the commit itself took the desk's thread.
    await breather();
  }
  // The backup folder's ledger learns of them, so an older generation restored later does not bring them back.
  await noteInLedger(ctx, noted);
  if (cases > 0) {
    // The old pages leave the write-ahead log too, not only the store.
    ctx.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const copies = removeUpgradeCopies(path.dirname(ctx.store.file));
    if (copies.length > 0) await recordAudit(ctx, db, { actorId, action: 'retention.upgradeCopiesRemoved', detail: { files: copies } });
  }
  return { cases, files };
}

/**
 * Removes what is due of the cases the supervisor confirmed after the dry run; a case no longer
 * due (reopened, periods changed) is left as it is.
 */
export async function applyRetention(
  ctx: DeskContext,
  caseIds: readonly string[],
  actorId: string,
  progress?: JobProgress,
): Promise<RetentionResult> {
  const { periods } = await loadRetention(ctx.store.db);
  const now = ctx.now().toISOString();
  return removeInBatches(
    ctx,
    caseIds,
    actorId,
    'retention',
    (row, removed) =>
      finishedStatuses.includes(row.status as (typeof finishedStatuses)[number])
        ? dueRemovals({ type: row.type as RecordType, finishedAt: row.updated_at, removed }, periods, now)
        : [],
    progress,
  );
}
