import { departmentExists, insertDepartment, listReference, updateReference } from '../../db/queries/departments.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { referenceTableTools, referenceViewOf as viewOf } from './referenceTables.ts';

type DepartmentHandlers = Pick<
  Handlers,
  'departments.list' | 'departments.create' | 'departments.update' | 'departments.disable' | 'departments.enable'
>;

/** Departments: administrators create, rename and disable them; everyone reads them. */
export function departmentHandlers(ctx: DeskContext): DepartmentHandlers {
  const { db } = ctx.store;
  const { existing, assertNameFree, setDisabled } = referenceTableTools(ctx);

  return {
    'departments.list': async (input) => ({ items: (await listReference(db, 'departments', input.includeDisabled ?? false)).map(viewOf) }),

    'departments.create': async (input, call) => {
      if (input.parentId && !(await departmentExists(db, input.parentId))) throw invalidField('parentId', 'field.unknownDepartment');
      const id = ctx.newId();
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, 'departments', input.name, input.parentId ?? null);
        await insertDepartment(trx, { id, name: input.name, parent_id: input.parentId ?? null, disabled: 0, created_at: at, version: 1 });
        await recordAudit(ctx, trx, { actorId: call.session.user.id, action: 'departments.create', target: id, detail: input });
      });
      return { id };
    },

    'departments.update': async (input, call) => {
      const row = await existing('departments', input.id);
      const parentId = input.parentId === undefined ? row.parent_id : input.parentId;
      if (parentId === row.id) throw invalidField('parentId', 'field.parentIsSelf');
      if (parentId && !(await departmentExists(db, parentId))) throw invalidField('parentId', 'field.unknownDepartment');
      await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, 'departments', input.name, parentId, row.id);
        await updateReference(trx, 'departments', row.id, { name: input.name, parent_id: parentId });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'departments.update',
          target: row.id,
          detail: { before: { name: row.name, parentId: row.parent_id }, after: { name: input.name, parentId } },
        });
      });
      return {};
    },

    'departments.disable': setDisabled('departments', true),
    'departments.enable': setDisabled('departments', false),
  };
}
