import path from 'node:path';
import type { Kysely } from 'kysely';
import { hashesOf } from '../../db/eventCodec.ts';
import { listCaseEvents, listCaseLog } from '../../db/queries/caseEvents.ts';
import { type CaseRow, findCase, updateCase } from '../../db/queries/cases.ts';
import { fileUsedElsewhere, finishedCasesAfter, insertRemoval, redactStoredEvent, storedPayloadsOf } from '../../db/queries/retention.ts';
import { indexCase } from '../../db/queries/search.ts';
import type { Database } from '../../db/schema.ts';
import type { RetentionDue, RetentionPreview, RetentionResult } from '../../domain/api/retentionViews.ts';
import { projectCase } from '../../domain/cases/projection.ts';
import type { RecordType } from '../../domain/cases/vocabulary.ts';
import { attachmentsOf, redactPayload } from '../../domain/retention/redactPayload.ts';
import { dueRemovals, type RemovalKind, type RetentionPeriods } from '../../domain/retention/retentionRules.ts';
import { finishedStatuses } from '../../domain/seals/yearManifest.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { createBlobStore } from '../attachments/blobStore.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadBackupConfig } from '../backup/backupConfig.ts';
import { caseEventOf } from '../cases/caseViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { addToLedger, type LedgerEntry } from './removalLedger.ts';
import { loadRetention } from './retentionSettings.ts';

const page = 500;
/**
 * How long one removal transaction may run before it commits and lets the desk answer its users:
 * a transaction holds the desk's one thread from start to commit, whatever its size.
 */
const batchMs = 40;
const shownInPreview = 200;

const removedKinds = (removed: readonly string[]) => removed.filter((k): k is RemovalKind => k === 'evidence' || k === 'personalData');

/** Every finished case with something due at `now`, page by page (the store is read in seqno order). */
async function* dueCases(db: Kysely<Database>, periods: RetentionPeriods, now: string) {
  let after = 0;
  for (;;) {
    const rows = await finishedCasesAfter(db, finishedStatuses, after, page);
    if (rows.length === 0) return;
    for (const r of rows) {
      const kinds = dueRemovals({ type: r.type as RecordType, finishedAt: r.updated_at, removed: removedKinds(r.removed) }, periods, now);
      if (kinds.length > 0) yield { ...r, kinds };
    }
    after = rows.at(-1)?.seqno ?? after;
    // Let the desk answer its users between pages of a large store.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The evidence files a case's events refer to. */
async function filesOf(db: Kysely<Database>, seqno: number): Promise<string[]> {
  const stored = await storedPayloadsOf(db, seqno);
  return [...new Set(stored.flatMap((e) => attachmentsOf(JSON.parse(e.payload) as Record<string, unknown>)))];
}

/** The dry run: what the end of retention removes now, nothing written. */
export async function previewRetention(ctx: DeskContext): Promise<RetentionPreview> {
  const { db } = ctx.store;
  const { periods } = await loadRetention(db);
  const asOf = ctx.now().toISOString();
  const cases: RetentionDue[] = [];
  let total = 0;
  for await (const c of dueCases(db, periods, asOf)) {
    total += 1;
    if (cases.length < shownInPreview) {
      cases.push({
        id: c.id,
        number: c.number,
        type: c.type as RecordType,
        finishedAt: c.updated_at,
        kinds: c.kinds,
        files: (await filesOf(db, c.seqno)).length,
      });
    }
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
  const hashOf = new Map((await listCaseLog(trx, row.id)).map((e) => [e.seq, e.hash]));
  const files = kinds.includes('evidence') ? await filesOf(trx, row.seqno) : [];
  for (const stored of await storedPayloadsOf(trx, row.seqno)) {
    const redacted = redactPayload(stored.type, JSON.parse(stored.payload) as Record<string, unknown>, kinds);
    const hash = hashOf.get(stored.pos % 2 ** 20);
    if (redacted && hash) await redactStoredEvent(trx, stored.pos, hash, JSON.stringify(redacted));
  }
  const state = projectCase((await listCaseEvents(trx, row.id)).map(caseEventOf));
  await updateCase(trx, row.id, row.last_seq, { at: row.updated_at, lastSeq: row.last_seq, heads: hashesOf(row.heads) }, state);
  const texts = [state.number, state.complainant.name, state.complainant.phone, state.subject, state.content];
  await indexCase(trx, row.seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
  const orphaned: string[] = [];
  for (const sha of files) if (!(await fileUsedElsewhere(trx, sha, row.seqno))) orphaned.push(sha);
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
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The backup folder's ledger learns of them, so an older generation restored later does not bring them back.
  await noteInLedger(ctx, noted);
  // The old pages leave the write-ahead log too, not only the store.
  if (cases > 0) ctx.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { cases, files };
}

/**
 * Removes what is due of the cases the supervisor confirmed after the dry run; a case no longer
 * due (reopened, periods changed) is left as it is.
 */
export async function applyRetention(ctx: DeskContext, caseIds: readonly string[], actorId: string): Promise<RetentionResult> {
  const { periods } = await loadRetention(ctx.store.db);
  const now = ctx.now().toISOString();
  return removeInBatches(ctx, caseIds, actorId, 'retention', (row, removed) =>
    finishedStatuses.includes(row.status as (typeof finishedStatuses)[number])
      ? dueRemovals({ type: row.type as RecordType, finishedAt: row.updated_at, removed }, periods, now)
      : [],
  );
}
