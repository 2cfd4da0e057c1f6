import { nextCounterValue } from '../../db/queries/counters.ts';
import { departmentExists } from '../../db/queries/departments.ts';
import { categoryExists } from '../../db/queries/registration.ts';
import { indexCase } from '../../db/queries/search.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import type { RegisteredCase } from '../../domain/api/views.ts';
import type { CaseIntake, RegisteredPayload } from '../../domain/cases/events.ts';
import { formatCaseNumberAs, makeQueryCode, numberingPeriod } from '../../domain/cases/numbering.ts';
import { applyEvent } from '../../domain/cases/projection.ts';
import { registeredPayload } from '../../domain/cases/registeredPayload.ts';
import { computeDeadlines } from '../../domain/deadlines/deadline.ts';
import { localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { checkAttachments } from '../attachments/attachmentHandlers.ts';
import type { Session } from '../auth/sessions.ts';
import { deskTimeFrom } from '../deadlines/deskTime.ts';
import { policyFor } from '../deadlines/policies.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, type MessageRef } from '../deskError.ts';
import { loadSettings } from '../settings.ts';
import { makeCaseEvent, storeNewCase } from './eventLog.ts';

/** A receipt time may run this far ahead of the desk's clock (clocks of two PCs drift). */
const clockSkewMs = 60_000;

type RegisterInput = DeskParsedInput<'cases.register'>;

/**
 * What the schema cannot know: dates against the desk's clock, references against the store,
 * attachments against the data directory. Every problem is collected, so the receptionist sees
 * them all at once, next to their fields.
 */
async function checkAgainstStore(ctx: DeskContext, input: RegisterInput, now: Date, utcOffsetMinutes: number) {
  const { db } = ctx.store;
  const fields: Record<string, MessageRef> = {};
  const latest = now.getTime() + clockSkewMs;
  if (input.receivedAt && Date.parse(input.receivedAt) > latest) fields.receivedAt = { key: 'field.future' };
  if (input.occurredAt && Date.parse(input.occurredAt) > latest) fields.occurredAt = { key: 'field.futureEvent' };
  if (input.letter?.date && input.letter.date > localDateOf(now, utcOffsetMinutes)) fields['letter.date'] = { key: 'field.futureEvent' };
  if (input.categoryId && !(await categoryExists(db, input.categoryId))) fields.categoryId = { key: 'field.choice' };
  if (input.respondent?.departmentId && !(await departmentExists(db, input.respondent.departmentId))) {
    fields['respondent.departmentId'] = { key: 'field.unknownDepartment' };
  }
  if (input.respondent?.userId && !(await findUserById(db, input.respondent.userId))) {
    fields['respondent.userId'] = { key: 'field.unknownUser' };
  }
  Object.assign(fields, checkAttachments(ctx, input.attachments ?? [], 'attachments'));
  if (Object.keys(fields).length > 0) throw new DeskError('invalid_input', { key: 'invalidInput' }, fields);
}

function intakeOf(input: RegisterInput): CaseIntake | undefined {
  const intake: CaseIntake = {
    letter: input.letter && (input.letter.number || input.letter.date) ? input.letter : undefined,
    transfer: input.transfer,
    coComplainants: input.coComplainants?.length ? input.coComplainants.map((c) => ({ ...c, name: c.name })) : undefined,
    headCount: input.headCount,
    witnesses: input.witnesses?.length ? input.witnesses : undefined,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : undefined,
    occurredPlace: input.occurredPlace,
    attachments: input.attachments?.length ? input.attachments : undefined,
    promptsGiven: input.promptsGiven?.length ? [...new Set(input.promptsGiven)] : undefined,
  };
  const kept = Object.fromEntries(Object.entries(intake).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length > 0 ? (kept as CaseIntake) : undefined;
}

/**
 * Registers a case: number, query code, deadlines, the `registered` event, the projection and
 * the search index, all in one transaction. A failure anywhere rolls everything back and
 * returns the number to the counter.
 */
export async function registerCase(ctx: DeskContext, input: RegisterInput, session: Session): Promise<RegisteredCase> {
  const { db } = ctx.store;
  const now = ctx.now();
  const settings = await loadSettings(db);
  await checkAgainstStore(ctx, input, now, settings.utcOffsetMinutes);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString();
  const severity = input.severity ?? 'general';
  // Beyond the official holiday data a deadline is provisional, flagged, and computed again
  // when the administrator imports the next year (deadline.ts); registration is never refused.
  const departmentCount = input.respondent?.departmentId ? 1 : 0;
  const deadlines = computeDeadlines(
    receivedAt,
    await policyFor(db, settings.profile, input.type, severity),
    deskTimeFrom(ctx, settings),
    departmentCount,
  );
  // Numbered by the month it is registered in (the register's order), not the letter's date.
  const localToday = localDateOf(now, settings.utcOffsetMinutes);
  const year = Number(localToday.slice(0, 4));
  const month = Number(localToday.slice(5, 7));
  const period = numberingPeriod(year, month);
  const id = ctx.newId();
  const intake = intakeOf(input);

  return db.transaction().execute(async (trx) => {
    const sequence = await nextCounterValue(trx, `case:${settings.deskPrefix}${period}`);
    const payload: RegisteredPayload = {
      ...registeredPayload(input, {
        number: formatCaseNumberAs(settings.numberFormat, settings.deskPrefix, year, month, sequence),
        queryCode: makeQueryCode(ctx.randomInts),
        severity,
        receivedAt,
        deadlines,
      }),
      ...(intake ? { intake } : {}),
    };
    const data = { type: 'registered', payload } as const;
    const event = makeCaseEvent(ctx, { caseId: id, prevSeq: 0, heads: [], actorId: session.user.id }, data);
    const seqno = await storeNewCase(ctx, trx, event, data, applyEvent(null, data));
    const texts = [
      payload.number,
      payload.complainant.name,
      payload.complainant.phone,
      ...(intake?.coComplainants ?? []).flatMap((c) => [c.name, c.phone]),
      payload.subject,
      payload.content,
    ];
    await indexCase(trx, seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) }, true);
    return { id, number: payload.number, queryCode: payload.queryCode, deadlines };
  });
}
