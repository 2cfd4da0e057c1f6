import path from 'node:path';
import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase, updateCase } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import type { Database } from '../../db/schema.ts';
import { attachmentLimits } from '../../domain/api/limits.ts';
import { checkAction } from '../../domain/cases/caseRules.ts';
import type { AttachmentRef, CaseEventData, CaseIntake } from '../../domain/cases/events.ts';
import { applyEvent, projectCase } from '../../domain/cases/projection.ts';
import { canonicalState } from '../../domain/sync/referenceRecords.ts';
import { assertMayActOnCase, assertMayViewCase, assertNotRecused } from '../access/caseGate.ts';
import { actorOf } from '../cases/caseActor.ts';
import { caseDetailFor, ruleContextOf } from '../cases/caseDetailFor.ts';
import { caseEventOf } from '../cases/caseViews.ts';
import { appendCaseEvent, linkOf } from '../cases/eventLog.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField, type MessageRef } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { readEvidence } from '../sync/evidenceSync.ts';
import { createBlobStore } from './blobStore.ts';
import { isAllowedMime, sniffMime } from './fileTypes.ts';
import type { UploadKeeper } from './uploadKeeper.ts';

type AttachmentHandlers = Pick<Handlers, 'attachments.upload' | 'attachments.add' | 'attachments.get'>;

export const blobsOf = (ctx: DeskContext) => createBlobStore(path.dirname(ctx.store.file), ctx.store.key);
const maxMegabytes = attachmentLimits.maxBytes / (1024 * 1024);

/**
 * Each reference must name a stored file of that size whose bytes are of the kind it declares
 * (judged as an upload is: a caller's word for the type is not taken); problems by field. A
 * file that passes starts its wait again, so the sweep of unattached uploads keeps it.
 */
export function checkAttachments(ctx: DeskContext, refs: readonly AttachmentRef[], field: string): Record<string, MessageRef> {
  const fields: Record<string, MessageRef> = {};
  // Most complaints come without files: no store opened (and no key derived) for none.
  if (refs.length === 0) return fields;
  const blobs = blobsOf(ctx);
  const seen = new Set<string>();
  refs.forEach((ref, i) => {
    if (!isAllowedMime(ref.mime)) fields[`${field}.${i}`] = { key: 'field.fileType' };
    else if (blobs.sizeOf(ref.sha256) !== ref.size) fields[`${field}.${i}`] = { key: 'field.attachmentMissing' };
    else if (sniffMime(blobs.read(ref.sha256)) !== ref.mime) fields[`${field}.${i}`] = { key: 'field.fileType' };
    else if (seen.has(ref.sha256)) fields[`${field}.${i}`] = { key: 'field.attachmentTwice' };
    else blobs.touch(ref.sha256, ctx.now());
    seen.add(ref.sha256);
  });
  return fields;
}

async function loadCase(trx: Kysely<Database>, caseId: string) {
  const row = await findCase(trx, { id: caseId });
  if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
  return row;
}

export function attachmentHandlers(ctx: DeskContext, uploads: UploadKeeper): AttachmentHandlers {
  const { db } = ctx.store;
  return {
    'attachments.upload': async (input) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) throw invalidField('dataBase64', 'field.invalid');
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) throw invalidField('dataBase64', 'field.fileEmpty');
      if (bytes.length > attachmentLimits.maxBytes) throw invalidField('dataBase64', 'field.fileTooLarge', { max: maxMegabytes });
      const mime = sniffMime(bytes);
      if (!mime || !isAllowedMime(mime)) throw invalidField('dataBase64', 'field.fileType');
      uploads.admit(bytes.length);
      const sha256 = blobsOf(ctx).put(bytes);
      uploads.stored(sha256, bytes.length);
      return { sha256, name: input.name, mime, size: bytes.length };
    },

    'attachments.add': async (input, call) => {
      const problems = checkAttachments(ctx, input.attachments, 'attachments');
      if (Object.keys(problems).length > 0) throw new DeskError('invalid_input', { key: 'invalidInput' }, problems);
      const actor = await actorOf(db, call.session);
      const rules = await ruleContextOf(ctx, db);
      return db.transaction().execute(async (trx) => {
        const row = await loadCase(trx, input.caseId);
        const history = (await listCaseEvents(trx, row.id)).map(caseEventOf);
        // As this desk sees it: a case another site took over (转办) is read-only here.
        const state = canonicalState(projectCase(history), await readAliases(trx));
        // Evidence may be added wherever a note may be written: same people, same states (not
        // once archived); recusal and department first, as for every case action.
        assertNotRecused(actor, row);
        const refusal = checkAction(state, 'note', actor, rules);
        if (refusal?.key === 'handling:refusal.state') {
          throw new DeskError('invalid_transition', { key: 'registration:evidence.sealed', values: { status: state.status } });
        }
        if (refusal) throw new DeskError(refusal.code, { key: refusal.key, ...(refusal.values ? { values: refusal.values } : {}) });
        assertMayActOnCase(actor, row, 'note');
        const present = new Set((state.intake.attachments ?? []).map((a) => a.sha256));
        const fresh = input.attachments.filter((a) => !present.has(a.sha256));
        if (present.size + fresh.length > attachmentLimits.perCase) {
          throw invalidField('attachments', 'field.tooMany', { max: attachmentLimits.perCase });
        }
        if (fresh.length > 0) {
          const data: CaseEventData = { type: 'attachmentsAdded', payload: { attachments: fresh } };
          const event = await appendCaseEvent(ctx, trx, linkOf(row, actor.id), data);
          const stored = await updateCase(
            trx,
            row.id,
            row.last_seq,
            { at: event.at, lastSeq: event.seq, heads: [event.hash] },
            applyEvent(state, data),
          );
          if (!stored) throw new DeskError('conflict', { key: 'concurrentChange' });
        }
        return caseDetailFor(ctx, trx, { id: row.id }, actor, rules);
      });
    },

    'attachments.get': async (input, call) => {
      const row = await loadCase(db, input.caseId);
      // Evidence is part of the case file: only those who may open the case may see it.
      assertMayViewCase(await actorOf(db, call.session), row);
      const ref = ((JSON.parse(row.intake) as CaseIntake).attachments ?? []).find((a) => a.sha256 === input.sha256);
      if (!ref) throw new DeskError('not_found', { key: 'attachmentNotFound' });
      return { ...ref, dataBase64: (await readEvidence(ctx, ref.sha256)).toString('base64') };
    },
  };
}
