import type { Kysely } from 'kysely';
import {
  categoryCodes,
  countActiveChildren,
  departmentExists,
  findReference,
  insertCategory,
  insertDepartment,
  listReference,
  updateReference,
} from '../../db/queries/departments.ts';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

type ReferenceHandlers = Pick<
  Handlers,
  | 'departments.list'
  | 'departments.create'
  | 'departments.update'
  | 'departments.disable'
  | 'departments.enable'
  | 'categories.list'
  | 'categories.create'
  | 'categories.update'
  | 'categories.disable'
  | 'categories.enable'
>;

type Table = 'departments' | 'categories';
const notFoundKey: Record<Table, string> = { departments: 'access:departmentNotFound', categories: 'access:categoryNotFound' };

/** Departments and categories: administrators create, rename and disable them; everyone reads them. */
export function departmentHandlers(ctx: DeskContext): ReferenceHandlers {
  const { db } = ctx.store;

  const viewOf = (r: { id: string; name: string; parent_id: string | null; disabled: number }) => ({
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    disabled: r.disabled !== 0,
  });

  async function existing(table: Table, id: string) {
    const row = await findReference(db, table, id);
    if (!row) throw new DeskError('not_found', { key: notFoundKey[table] });
    return row;
  }

  /** Two names the same at one level would make the lists ambiguous. */
  async function assertNameFree(trx: Kysely<Database>, table: Table, name: string, parentId: string | null, exceptId?: string) {
    const rows = await listReference(trx, table, false);
    if (rows.some((r) => r.id !== exceptId && r.parent_id === parentId && r.name === name)) throw invalidField('name', 'field.nameTaken');
  }

  function setDisabled(table: Table, disabled: boolean) {
    return async (input: { id: string }, call: { session: { user: { id: string } } }) => {
      const row = await existing(table, input.id);
      if ((row.disabled !== 0) === disabled) return {};
      await db.transaction().execute(async (trx) => {
        if (disabled && (await countActiveChildren(trx, table, row.id)) > 0)
          throw new DeskError('conflict', { key: 'access:hasActiveChildren' });
        if (!disabled && row.parent_id) {
          const parent = await findReference(trx, table, row.parent_id);
          if (parent && parent.disabled !== 0) throw new DeskError('conflict', { key: 'access:parentDisabled' });
        }
        await updateReference(trx, table, row.id, { disabled: disabled ? 1 : 0 });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: `${table}.${disabled ? 'disable' : 'enable'}`,
          target: row.id,
          detail: { name: row.name },
        });
      });
      return {};
    };
  }

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

    'categories.list': async (input) => {
      const [rows, codes] = await Promise.all([listReference(db, 'categories', input.includeDisabled ?? false), categoryCodes(db)]);
      return { items: rows.map((r) => ({ ...viewOf(r), code: codes.get(r.id) ?? null })) };
    },

    'categories.create': async (input, call) => {
      const parentId = input.parentId ?? null;
      if (parentId) {
        const parent = await findReference(db, 'categories', parentId);
        if (parent?.disabled !== 0) throw invalidField('parentId', 'field.unknownCategory');
        // Two levels: a category and its subcategories, no deeper.
        if (parent.parent_id !== null) throw invalidField('parentId', 'field.categoryTooDeep');
      }
      const id = ctx.newId();
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, 'categories', input.name, parentId);
        await insertCategory(trx, { id, name: input.name, parent_id: parentId, disabled: 0, created_at: at, version: 1 });
        await recordAudit(ctx, trx, { actorId: call.session.user.id, action: 'categories.create', target: id, detail: input });
      });
      return { id };
    },

    'categories.update': async (input, call) => {
      const row = await existing('categories', input.id);
      await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, 'categories', input.name, row.parent_id, row.id);
        await updateReference(trx, 'categories', row.id, { name: input.name });
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'categories.update',
          target: row.id,
          detail: { before: { name: row.name }, after: { name: input.name } },
        });
      });
      return {};
    },

    'categories.disable': setDisabled('categories', true),
    'categories.enable': setDisabled('categories', false),
  };
}
