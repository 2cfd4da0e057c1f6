import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase, listCases, updateCase } from '../../db/queries/cases.ts';
import { departmentExists } from '../../db/queries/departments.ts';
import { displayNamesOf, findUserById } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import { canApply } from '../../domain/cases/caseMachine.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { applyEvent, projectCase } from '../../domain/cases/projection.ts';
import type { CaseStatus } from '../../domain/cases/vocabulary.ts';
import { planSearch } from '../../domain/text/searchTerms.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { caseDetailOf, caseEventOf, caseSummaryOf } from './caseViews.ts';
import { appendCaseEvent } from './eventLog.ts';
import { registerCase } from './registerCase.ts';

type CaseHandlers = Pick<Handlers, 'cases.register' | 'cases.get' | 'cases.list' | 'cases.act'>;

const defaultPageSize = 50;

export function caseHandlers(ctx: DeskContext): CaseHandlers {
  const { db } = ctx.store;

  async function loadDetail(trx: Kysely<Database>, by: { id: string } | { number: string }) {
    const row = await findCase(trx, by);
    if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
    const events = await listCaseEvents(trx, row.id);
    const names = await displayNamesOf(
      trx,
      events.map((e) => e.actor_id),
    );
    return caseDetailOf(row, events, names);
  }

  return {
    'cases.register': (input, call) => registerCase(ctx, input, call.session),

    'cases.get': (input) => loadDetail(db, input),

    'cases.list': async (input) => {
      const limit = input.limit ?? defaultPageSize;
      const beforeSeqno = input.cursor === undefined ? undefined : Number(input.cursor);
      if (beforeSeqno !== undefined && !Number.isSafeInteger(beforeSeqno)) throw invalidField('cursor', 'field.invalid');
      const rows = await listCases(db, {
        status: input.status,
        departmentId: input.departmentId,
        handlerId: input.handlerId,
        categoryId: input.categoryId,
        severity: input.severity,
        from: input.from,
        to: input.to,
        search: input.q ? planSearch(input.q) : undefined,
        beforeSeqno,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? String(page.at(-1)?.seqno) : null;
      return { items: page.map(caseSummaryOf), next };
    },

    'cases.act': async (input, call) => {
      const { action } = input;
      if (action.type === 'accept') {
        if (!(await departmentExists(db, action.departmentId))) throw invalidField('action.departmentId', 'field.unknownDepartment');
        for (const [i, dep] of (action.coDepartmentIds ?? []).entries()) {
          if (!(await departmentExists(db, dep))) throw invalidField(`action.coDepartmentIds.${i}`, 'field.unknownDepartment');
        }
        if (action.handlerId && !(await findUserById(db, action.handlerId))) throw invalidField('action.handlerId', 'field.unknownUser');
      }
      return db.transaction().execute(async (trx) => {
        const row = await findCase(trx, { id: input.id });
        if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
        const status = row.status as CaseStatus;
        if (!canApply(status, action.type)) {
          throw new DeskError('invalid_transition', { key: 'actionNotAllowed', values: { action: action.type, status } });
        }
        const data: CaseEventData =
          action.type === 'accept'
            ? {
                type: 'accepted',
                payload: { departmentId: action.departmentId, handlerId: action.handlerId, coDepartmentIds: action.coDepartmentIds ?? [] },
              }
            : { type: 'declined', payload: { reason: action.reason } };
        const history = (await listCaseEvents(trx, row.id)).map(caseEventOf);
        const state = applyEvent(projectCase(history), data);
        const event = await appendCaseEvent(
          ctx,
          trx,
          { caseId: row.id, prevSeq: row.last_seq, prevHash: row.last_hash, actorId: call.session.user.id },
          data,
        );
        const stored = await updateCase(trx, row.id, row.last_seq, { at: event.at, lastSeq: event.seq, lastHash: event.hash }, state);
        if (!stored) throw new DeskError('conflict', { key: 'concurrentChange' });
        return loadDetail(trx, { id: row.id });
      });
    },
  };
}
