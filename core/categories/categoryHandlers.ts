import { categoryCodes, findReference, insertCategory, listReference, updateReference } from '../../db/queries/departments.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { referenceTableTools, referenceViewOf as viewOf } from '../departments/referenceTables.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';

type CategoryHandlers = Pick<
  Handlers,
  'categories.list' | 'categories.create' | 'categories.update' | 'categories.disable' | 'categories.enable'
>;

/** Complaint categories, two levels deep: administrators create, rename and disable them; everyone reads them. */
export function categoryHandlers(ctx: DeskContext): CategoryHandlers {
  const { db } = ctx.store;
  const { existing, assertNameFree, setDisabled } = referenceTableTools(ctx);

  return {
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
