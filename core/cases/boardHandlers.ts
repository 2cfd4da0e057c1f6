import { appendAudit } from '../../db/queries/audit.ts';
import {
  type BoardFilter,
  type BrowseCursor,
  boardCards,
  browseCases,
  casesInConflict,
  countByStatus,
  countCases,
  escalatedOpen,
  pendingApprovals,
} from '../../db/queries/caseBoard.ts';
import { lastEventOfType } from '../../db/queries/caseEvents.ts';
import { findCase, type listCases } from '../../db/queries/cases.ts';
import { listHandlers } from '../../db/queries/handlerUsers.ts';
import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import { openStatuses } from '../../domain/cases/caseMachine.ts';
import type { CaseActor } from '../../domain/cases/caseRules.ts';
import type { RespondedPayload } from '../../domain/cases/events.ts';
import type { CaseStatus } from '../../domain/cases/vocabulary.ts';
import { planSearch } from '../../domain/text/searchTerms.ts';
import { assertNotRecused, mayViewRow, presentSummary, viewerScopeOf } from '../access/caseGate.ts';
import { dueSoonBefore, withDeadlineAlerts } from '../deadlines/deadlineViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from './caseActor.ts';
import { caseSummaryOf } from './caseViews.ts';
import { verifyChain } from './chainCheck.ts';

type BoardHandlers = Pick<
  Handlers,
  'cases.board' | 'cases.browse' | 'cases.inbox' | 'cases.inquire' | 'cases.verifyChain' | 'cases.handlers'
>;

type FilterInput = DeskParsedInput<'cases.board'>;

const inboxSize = 50;
/** Past this many matching cases a filtered list says "10,000+" instead of counting on. */
const totalCap = 10_000;

function filterOf(input: FilterInput, actor: CaseActor, now: Date, soon: string): BoardFilter {
  const nowIso = now.toISOString();
  // Overdue and due soon together mean "everything due within the due-soon window".
  const dueBy = input.dueSoon ? soon : input.overdue ? nowIso : undefined;
  const dueFrom = input.dueSoon && !input.overdue ? nowIso : undefined;
  return {
    statuses: input.statuses,
    handlerId: input.mine ? actor.id : undefined,
    departmentId: input.departmentId,
    categoryId: input.categoryId,
    severity: input.severity,
    channel: input.channel,
    type: input.type,
    dueBy,
    dueFrom,
    awaitingFollowUp: input.awaitingFollowUp,
    from: input.from,
    to: input.to,
    search: input.q ? planSearch(input.q) : undefined,
    viewer: viewerScopeOf(actor, input.q),
  };
}

function parseCursor(cursor: string | undefined): BrowseCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as BrowseCursor;
    if (Number.isSafeInteger(parsed.seqno)) return parsed;
  } catch {
    // answered below as an invalid field
  }
  throw invalidField('cursor', 'field.invalid');
}

const encodeCursor = (c: BrowseCursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
const isDesk = (actor: CaseActor) => actor.roles.some((r) => r === 'receptionist' || r === 'supervisor' || r === 'director');
const isOverseer = (actor: CaseActor) => actor.roles.some((r) => r === 'supervisor' || r === 'director' || r === 'admin');

export function boardHandlers(ctx: DeskContext): BoardHandlers {
  const { db } = ctx.store;
  return {
    'cases.board': async (input, call) => {
      const actor = await actorOf(db, call.session);
      const now = ctx.now();
      const soon = await dueSoonBefore(ctx, db, now.toISOString());
      const filter = filterOf(input, actor, now, soon);
      const statuses = (input.statuses ?? openStatuses).filter((s): s is (typeof openStatuses)[number] =>
        (openStatuses as readonly CaseStatus[]).includes(s),
      );
      const counts = await countByStatus(db, { ...filter, statuses });
      const cards = [];
      for (const status of statuses) {
        const rows = await boardCards(db, status, filter, input.perColumn ?? 30);
        cards.push(rows.map((r) => presentSummary(actor, r, caseSummaryOf(r, now, soon))));
      }
      const alerted = await withDeadlineAlerts(ctx, db, cards, soon);
      return { columns: statuses.map((status, i) => ({ status, count: counts.get(status) ?? 0, cards: alerted[i] ?? [] })) };
    },

    'cases.browse': async (input, call) => {
      const actor = await actorOf(db, call.session);
      const now = ctx.now();
      const soon = await dueSoonBefore(ctx, db, now.toISOString());
      const filter = filterOf(input, actor, now, soon);
      const sort = input.sort ?? 'newest';
      const limit = input.limit ?? 100;
      const rows = await browseCases(db, filter, sort, parseCursor(input.cursor), limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const next = rows.length > limit && last ? encodeCursor({ seqno: last.seqno, due: last.due_at }) : null;
      // The total is counted only for the first page: the list shows it, later pages do not need it.
      const total = input.cursor === undefined ? await countCases(db, filter, totalCap) : { n: -1, atLeast: false };
      const [items = []] = await withDeadlineAlerts(
        ctx,
        db,
        [page.map((r) => presentSummary(actor, r, caseSummaryOf(r, now, soon)))],
        soon,
      );
      return {
        items,
        next,
        total: total.n,
        totalAtLeast: total.atLeast,
      };
    },

    'cases.inbox': async (_input, call) => {
      const actor = await actorOf(db, call.session);
      const now = ctx.now();
      const soon = await dueSoonBefore(ctx, db, now.toISOString());
      // Recusal and department scope apply to the inbox as to every list.
      const summary = (rows: Awaited<ReturnType<typeof listCases>>) =>
        rows.filter((r) => mayViewRow(actor, r)).map((r) => presentSummary(actor, r, caseSummaryOf(r, now, soon)));
      const approvable = [
        ...(actor.roles.includes('supervisor') || actor.roles.includes('director') ? ['general', 'urgent'] : []),
        ...(actor.roles.includes('director') ? ['major'] : []),
      ];
      const [assigned, approvals, overdue, escalated, conflicts] = await Promise.all([
        // The handler's work until the reply: to start, to investigate and propose, to reply once approved.
        browseCases(
          db,
          { handlerId: actor.id, statuses: ['accepted', 'investigating', 'awaiting_approval'] },
          'due',
          undefined,
          inboxSize,
        ).then((rows) => rows.filter((r) => r.status !== 'awaiting_approval' || r.proposal_state === 'approved')),
        pendingApprovals(db, approvable, actor.id, inboxSize),
        browseCases(db, { handlerId: actor.id, statuses: openStatuses, dueBy: now.toISOString() }, 'due', undefined, inboxSize),
        actor.roles.includes('director') ? escalatedOpen(db, openStatuses, inboxSize) : Promise.resolve([]),
        actor.roles.includes('supervisor') ? casesInConflict(db, inboxSize) : Promise.resolve([]),
      ]);
      const lists = await withDeadlineAlerts(ctx, db, [assigned, approvals, overdue, escalated, conflicts].map(summary), soon);
      const [assignedCases = [], approvalCases = [], overdueCases = [], escalatedCases = [], conflictCases = []] = lists;
      return {
        assigned: assignedCases,
        approvals: approvalCases,
        overdue: overdueCases,
        escalated: escalatedCases,
        conflicts: conflictCases,
      };
    },

    'cases.inquire': async (input, call) => {
      const actor = await actorOf(db, call.session);
      if (!isDesk(actor)) throw new DeskError('forbidden', { key: 'forbidden' });
      const row = await findCase(db, { number: input.number });
      const matched = row !== undefined && row.query_code === input.queryCode;
      // Every inquiry is audited, the failed ones too: guessing query codes must leave a trace.
      await appendAudit(db, {
        id: ctx.newId(),
        at: ctx.now().toISOString(),
        actor_id: actor.id,
        action: 'cases.inquire',
        target: matched ? row.id : null,
        detail: JSON.stringify({ number: input.number, matched }),
      });
      if (!matched) throw new DeskError('not_found', { key: 'handling:refusal.inquiryNoMatch' });
      // The person complained about answers no caller about it (回避): a colleague takes the call.
      assertNotRecused(actor, row);
      const reply = await lastEventOfType(db, row.id, 'responded');
      const status = row.status as CaseStatus;
      return {
        number: row.number,
        status,
        promisedBy: row.first_responded_at ? row.deadline_resolve : row.deadline_feedback,
        lastReply: reply ? { at: reply.at, content: (reply.payload as RespondedPayload).content } : null,
        mergedIntoNumber: row.merged_into_number,
      };
    },

    'cases.verifyChain': async (input, call) => {
      const actor = await actorOf(db, call.session);
      if (!isOverseer(actor)) throw new DeskError('forbidden', { key: 'forbidden' });
      let only: Awaited<ReturnType<typeof findCase>>;
      if (input.id) {
        only = await findCase(db, { id: input.id });
        if (!only) throw new DeskError('not_found', { key: 'caseNotFound' });
      }
      const result = await verifyChain(db, only);
      await appendAudit(db, {
        id: ctx.newId(),
        at: ctx.now().toISOString(),
        actor_id: actor.id,
        action: 'cases.verifyChain',
        target: input.id ?? null,
        detail: JSON.stringify(result),
      });
      return result;
    },

    'cases.handlers': async (input) => {
      const rows = await listHandlers(db, input.departmentId);
      return {
        items: rows.map((r) => ({ id: r.id, displayName: r.display_name, departmentIds: r.department_ids })),
      };
    },
  };
}
