import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { type CaseRow, findCase, listCases, updateCase } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import { indexCase } from '../../db/queries/search.ts';
import type { Database } from '../../db/schema.ts';
import { type CaseActor, checkAction, type RuleContext } from '../../domain/cases/caseRules.ts';
import type { CaseEventData, Complainant } from '../../domain/cases/events.ts';
import { applyEvent, type CaseState, projectCase } from '../../domain/cases/projection.ts';
import { canonicalState } from '../../domain/sync/referenceRecords.ts';
import { planSearch, toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import {
  assertHandlerNotRecused,
  assertMayActOnCase,
  assertMayReveal,
  assertNotRecused,
  presentSummary,
  viewerScopeOf,
} from '../access/caseGate.ts';
import { recordAudit, recordLook } from '../audit/recordAudit.ts';
import { deadlineActionEvent, deadlineFollowUps } from '../deadlines/deadlineActions.ts';
import { dueSoonBefore, listDueBefore, withDeadlineAlerts } from '../deadlines/deadlineViews.ts';
import { systemActorId } from '../deadlines/sweep.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { checkRouting, planAction } from './caseActions.ts';
import { actorOf, mayHandle } from './caseActor.ts';
import { caseDetailFor, ruleContextOf } from './caseDetailFor.ts';
import { caseEventOf, caseSummaryOf } from './caseViews.ts';
import { appendCaseEvent, linkOf } from './eventLog.ts';
import { registerCase } from './registerCase.ts';

type CaseHandlers = Pick<Handlers, 'cases.register' | 'cases.get' | 'cases.list' | 'cases.act' | 'cases.reveal'>;

const defaultPageSize = 50;
const searchedFields = new Set(['subject', 'content', 'complainant.name', 'complainant.phone']);

async function stateOf(db: Kysely<Database>, caseId: string) {
  const events = await listCaseEvents(db, caseId);
  // Acts are judged on the read model's ids: a department merged into the site's is the site's.
  return { events, state: canonicalState(projectCase(events.map(caseEventOf)), await readAliases(db)) };
}

export function caseHandlers(ctx: DeskContext): CaseHandlers {
  const { db } = ctx.store;

  const ruleContext = () => ruleContextOf(ctx, db);

  /** The case as `actor` may see it; refused (and audited) when they may not open it. */
  const loadDetail = (trx: Kysely<Database>, by: { id: string } | { number: string }, actor: CaseActor, rules: RuleContext) =>
    caseDetailFor(ctx, trx, by, actor, rules);

  /** Appends one event to a case and stores the new projection, guarded against a concurrent writer. */
  async function record(trx: Kysely<Database>, row: CaseRow, state: CaseState, data: CaseEventData, actorId: string) {
    const event = await appendCaseEvent(ctx, trx, linkOf(row, actorId), data);
    const next = applyEvent(state, event);
    const stored = await updateCase(trx, row.id, row.last_seq, { at: event.at, lastSeq: event.seq, heads: [event.hash] }, next);
    if (!stored) throw new DeskError('conflict', { key: 'concurrentChange' });
    if (data.type === 'corrected' && searchedFields.has(data.payload.field)) {
      const texts = [row.number, next.complainant.name, next.complainant.phone, next.subject, next.content];
      await indexCase(trx, row.seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
    }
  }

  /** A new severity or number of departments brings new deadlines, recorded as their own event (issue 5). */
  async function recordDeadlineFollowUps(trx: Kysely<Database>, caseId: string, before: CaseState, actorId: string) {
    const { events, state } = await stateOf(trx, caseId);
    for (const data of await deadlineFollowUps(ctx, trx, before, state, events.map(caseEventOf))) {
      // Each event is chained to the one before it: read the case again for its sequence.
      const row = await findCase(trx, { id: caseId });
      if (!row) return;
      const current = (await stateOf(trx, caseId)).state;
      await record(trx, row, current, data, data.type === 'deadlineBreached' ? systemActorId : actorId);
    }
  }

  return {
    'cases.register': (input, call) => registerCase(ctx, input, call.session),

    'cases.get': async (input, call) => {
      const actor = await actorOf(db, call.session);
      const detail = await loadDetail(db, input, actor, await ruleContext());
      // Every look at a complainant's data leaves a trace.
      await recordLook(ctx, {
        actorId: actor.id,
        action: 'cases.view',
        target: detail.id,
        detail: { number: detail.number, masked: detail.personalData.masked, complainantHidden: detail.complainantHidden },
      });
      return detail;
    },

    'cases.reveal': async (input, call) => {
      const user = call.session.user;
      const row = await findCase(db, { id: input.id });
      if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
      assertMayReveal(user, row);
      const value = (JSON.parse(row.complainant) as Complainant)[input.field];
      if (!value) throw new DeskError('not_found', { key: 'access:nothingToReveal' });
      await recordAudit(ctx, db, {
        actorId: user.id,
        action: 'personalData.reveal',
        target: row.id,
        detail: { number: row.number, field: input.field },
      });
      return { value };
    },

    'cases.list': async (input, call) => {
      const user = call.session.user;
      const limit = input.limit ?? defaultPageSize;
      const beforeSeqno = input.cursor === undefined ? undefined : Number(input.cursor);
      if (beforeSeqno !== undefined && !Number.isSafeInteger(beforeSeqno)) throw invalidField('cursor', 'field.invalid');
      const rows = await listCases(db, {
        statuses: input.status ? [input.status] : undefined,
        departmentId: input.departmentId,
        handlerId: input.handlerId,
        categoryId: input.categoryId,
        severity: input.severity,
        type: input.type,
        channel: input.channel,
        respondentDepartmentId: input.respondentDepartmentId,
        respondentPerson: input.respondentPerson,
        overdueAt: input.overdue ? ctx.now().toISOString() : undefined,
        from: input.from ? new Date(input.from).toISOString() : undefined,
        to: input.to ? new Date(input.to).toISOString() : undefined,
        search: input.q ? planSearch(input.q) : undefined,
        viewer: viewerScopeOf(user, input.q),
        beforeSeqno,
        dueBy: await listDueBefore(ctx, input),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? String(page.at(-1)?.seqno) : null;
      const now = ctx.now();
      // The desk's "warn ahead" setting, as the board and the dashboard count due soon.
      const soon = await dueSoonBefore(ctx, db, now.toISOString());
      const [items = []] = await withDeadlineAlerts(ctx, db, [page.map((r) => presentSummary(user, r, caseSummaryOf(r, now, soon)))], soon);
      return { items, next };
    },

    'cases.act': async (input, call) => {
      const { action } = input;
      const actor = await actorOf(db, call.session);
      const rules = await ruleContext();
      // What the action names is checked first: a wrong department is a field to fix, whatever the case.
      if (action.type === 'accept' || action.type === 'assign') {
        await checkRouting(db, action.departmentId, action.coDepartmentIds ?? [], action.handlerId);
      }
      return db.transaction().execute(async (trx) => {
        const row = await findCase(trx, { id: input.id });
        if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
        const { state } = await stateOf(trx, row.id);
        // Recusal first, then the lifecycle's rules (state, role, part in the case), then the
        // permission matrix and department scope; every forbidden refusal is audited by the dispatcher.
        assertNotRecused(actor, row);
        const refusal = checkAction(state, action.type, actor, rules, action.type === 'close' ? { override: action.override } : {});
        if (refusal) throw new DeskError(refusal.code, { key: refusal.key, ...(refusal.values ? { values: refusal.values } : {}) });
        assertMayActOnCase(actor, row, action.type);
        if (!mayHandle(actor, state)) throw new DeskError('forbidden', { key: 'handling:refusal.notYours' });
        if (action.type === 'accept' || action.type === 'assign') assertHandlerNotRecused(row, action.handlerId, 'action.handlerId');
        const plan =
          action.type === 'extend' || action.type === 'pause' || action.type === 'resume'
            ? {
                data: await deadlineActionEvent(ctx, trx, { action, state, history: (await stateOf(trx, row.id)).events.map(caseEventOf) }),
              }
            : await planAction(trx, row, state, action, actor, rules.now);
        await record(trx, row, state, plan.data, actor.id);
        await recordDeadlineFollowUps(trx, row.id, state, actor.id);
        if (plan.other) {
          const { state: otherState } = await stateOf(trx, plan.other.row.id);
          await record(trx, plan.other.row, otherState, plan.other.data, actor.id);
        }
        return loadDetail(trx, { id: row.id }, actor, rules);
      });
    },
  };
}
