import { appendAudit } from '../../db/queries/audit.ts';
import { findCase } from '../../db/queries/cases.ts';
import {
  findCorrectiveAction,
  insertCorrectiveAction,
  listCorrectiveActions,
  updateCorrectiveAction,
} from '../../db/queries/correctiveActions.ts';
import { departmentExists } from '../../db/queries/departments.ts';
import { localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { correctiveActionOf } from './correctiveActionViews.ts';

type CorrectiveActionHandlers = Pick<
  Handlers,
  'correctiveActions.create' | 'correctiveActions.list' | 'correctiveActions.implement' | 'correctiveActions.verify'
>;

/**
 * 整改措施 (三不放过): a cause found, people taught, a measure in place, and its effect verified
 * before the action is closed. open → implemented → closed; a verification that finds no effect
 * sends it back to open. Every change is audited.
 */
export function correctiveActionHandlers(ctx: DeskContext): CorrectiveActionHandlers {
  const { db } = ctx.store;
  const today = async () => localDateOf(ctx.now(), (await loadSettings(db)).utcOffsetMinutes);

  async function load(id: string) {
    const row = await findCorrectiveAction(db, id);
    if (!row) throw new DeskError('not_found', { key: 'reports:errors.actionNotFound' });
    return correctiveActionOf(row, await today());
  }

  async function audit(trx: typeof db, actorId: string, action: string, target: string, detail: unknown) {
    await appendAudit(trx, {
      id: ctx.newId(),
      at: ctx.now().toISOString(),
      actor_id: actorId,
      action,
      target,
      detail: JSON.stringify(detail),
    });
  }

  return {
    'correctiveActions.create': async (input, call) => {
      if (!input.caseId && !input.period) throw invalidField('caseId', 'reports:errors.sourceRequired');
      if (input.caseId && !(await findCase(db, { id: input.caseId }))) throw invalidField('caseId', 'reports:errors.caseNotFound');
      if (input.departmentId && !(await departmentExists(db, input.departmentId)))
        throw invalidField('departmentId', 'field.unknownDepartment');
      if (input.dueDate < (await today())) throw invalidField('dueDate', 'reports:errors.dueDatePast');
      const id = ctx.newId();
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await insertCorrectiveAction(trx, {
          id,
          source: input.caseId ? 'case' : 'analysis',
          case_id: input.caseId ?? null,
          period: input.period ?? null,
          department_id: input.departmentId ?? null,
          cause: input.cause,
          measure: input.measure,
          training: input.training ?? null,
          owner: input.owner,
          due_date: input.dueDate,
          status: 'open',
          implemented_at: null,
          implementation: null,
          verified_at: null,
          verified_by: null,
          verification: null,
          created_at: at,
          created_by: call.session.user.id,
          updated_at: at,
          version: 1,
        });
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'correctiveActions.create',
          target: id,
          detail: JSON.stringify(input),
        });
      });
      return { id };
    },

    'correctiveActions.list': async (input) => {
      const day = await today();
      const rows = await listCorrectiveActions(db, {
        status: input.status === 'overdue' ? undefined : input.status,
        dueBefore: input.status === 'overdue' ? day : undefined,
        caseId: input.caseId,
        departmentId: input.departmentId,
      });
      return { items: rows.map((r) => correctiveActionOf(r, day)) };
    },

    'correctiveActions.implement': async (input, call) => {
      const row = await findCorrectiveAction(db, input.id);
      if (!row) throw new DeskError('not_found', { key: 'reports:errors.actionNotFound' });
      if (row.status !== 'open') throw new DeskError('invalid_transition', { key: 'reports:errors.notOpen' });
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const ok = await updateCorrectiveAction(trx, row.id, row.version, {
          status: 'implemented',
          implemented_at: at,
          implementation: input.implementation,
          updated_at: at,
        });
        if (!ok) throw new DeskError('conflict', { key: 'concurrentChange' });
        await audit(trx, call.session.user.id, 'correctiveActions.implement', row.id, input);
      });
      return load(row.id);
    },

    'correctiveActions.verify': async (input, call) => {
      const row = await findCorrectiveAction(db, input.id);
      if (!row) throw new DeskError('not_found', { key: 'reports:errors.actionNotFound' });
      if (row.status !== 'implemented') throw new DeskError('invalid_transition', { key: 'reports:errors.notImplemented' });
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const ok = await updateCorrectiveAction(trx, row.id, row.version, {
          status: input.effective ? 'closed' : 'open',
          verified_at: at,
          verified_by: call.session.user.id,
          verification: input.verification,
          updated_at: at,
        });
        if (!ok) throw new DeskError('conflict', { key: 'concurrentChange' });
        await audit(trx, call.session.user.id, 'correctiveActions.verify', row.id, input);
      });
      return load(row.id);
    },
  };
}
