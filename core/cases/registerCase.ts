import { insertCase } from '../../db/queries/cases.ts';
import { nextCounterValue } from '../../db/queries/counters.ts';
import { indexCase } from '../../db/queries/search.ts';
import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import type { RegisteredCase } from '../../domain/api/views.ts';
import type { RegisteredPayload } from '../../domain/cases/events.ts';
import { genesisHash } from '../../domain/cases/hashChain.ts';
import { formatCaseNumber, makeQueryCode, numberingPeriod } from '../../domain/cases/numbering.ts';
import { applyEvent } from '../../domain/cases/projection.ts';
import { computeDeadlines } from '../../domain/deadlines/deadline.ts';
import { localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import type { Session } from '../auth/sessions.ts';
import { deskTimeOf } from '../deadlines/deskTime.ts';
import { policyFor } from '../deadlines/policies.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import { loadSettings } from '../settings.ts';
import { appendCaseEvent } from './eventLog.ts';

/** A receipt time may run this far ahead of the desk's clock (clocks of two PCs drift). */
const clockSkewMs = 60_000;

/**
 * Registers a case: number, query code, deadlines, the `registered` event, the projection and
 * the search index, all in one transaction. A failure anywhere rolls everything back and
 * returns the number to the counter.
 */
export async function registerCase(ctx: DeskContext, input: DeskParsedInput<'cases.register'>, session: Session): Promise<RegisteredCase> {
  const { db } = ctx.store;
  const now = ctx.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString();
  if (Date.parse(receivedAt) > now.getTime() + clockSkewMs) throw invalidField('receivedAt', 'field.future');
  const settings = await loadSettings(db);
  const severity = input.severity ?? 'general';
  // Beyond the official holiday data a deadline is provisional, flagged, and computed again
  // when the administrator imports the next year (deadline.ts); registration is never refused.
  const departmentCount = input.respondent?.departmentId ? 1 : 0;
  const deadlines = computeDeadlines(
    receivedAt,
    await policyFor(db, settings.profile, input.type, severity),
    await deskTimeOf(ctx),
    departmentCount,
  );
  const localToday = localDateOf(now, settings.utcOffsetMinutes);
  const period = numberingPeriod(Number(localToday.slice(0, 4)), Number(localToday.slice(5, 7)));
  const id = ctx.newId();

  return db.transaction().execute(async (trx) => {
    const sequence = await nextCounterValue(trx, `case:${settings.deskPrefix}${period}`);
    const payload: RegisteredPayload = {
      number: formatCaseNumber(settings.deskPrefix, period, sequence),
      queryCode: makeQueryCode(ctx.randomInts),
      type: input.type,
      channel: input.channel,
      complainant: input.complainant,
      subject: input.subject,
      content: input.content,
      demands: input.demands,
      categoryId: input.categoryId,
      severity,
      respondent: input.respondent,
      receivedAt,
      confidential: input.confidential ?? false,
      anonymous: input.anonymous ?? false,
      deadlines,
    };
    const data = { type: 'registered', payload } as const;
    const event = await appendCaseEvent(ctx, trx, { caseId: id, prevSeq: 0, prevHash: genesisHash, actorId: session.user.id }, data);
    const state = applyEvent(null, data);
    // The projection needs the event's hash; the foreign key from event to case is checked at commit.
    const seqno = await insertCase(
      trx,
      { id, registeredBy: session.user.id, at: event.at, lastSeq: event.seq, lastHash: event.hash },
      state,
    );
    const texts = [payload.number, payload.complainant.name, payload.complainant.phone, payload.subject, payload.content];
    await indexCase(trx, seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
    return { id, number: payload.number, queryCode: payload.queryCode, deadlines };
  });
}
