import { appendAudit } from '../../db/queries/audit.ts';
import { departmentExists, insertDepartment, listDepartments } from '../../db/queries/departments.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

type DepartmentHandlers = Pick<Handlers, 'departments.list' | 'departments.create'>;

export function departmentHandlers(ctx: DeskContext): DepartmentHandlers {
  const { db } = ctx.store;
  return {
    'departments.list': async () => {
      const rows = await listDepartments(db);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id })) };
    },
    'departments.create': async (input, call) => {
      if (!call.session.user.roles.includes('admin')) throw new DeskError('forbidden', { key: 'forbidden' });
      if (input.parentId && !(await departmentExists(db, input.parentId))) throw invalidField('parentId', 'field.unknownDepartment');
      const id = ctx.newId();
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await insertDepartment(trx, { id, name: input.name, parent_id: input.parentId ?? null, disabled: 0, created_at: at, version: 1 });
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'departments.create',
          target: id,
          detail: JSON.stringify(input),
        });
      });
      return { id };
    },
  };
}
