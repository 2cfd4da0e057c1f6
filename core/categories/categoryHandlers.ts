import { categoryCodes, findReference, insertCategory, listReference, updateReference } from '../../db/queries/departments.ts';
import { groupOwnedKeys } from '../../db/queries/referenceSync.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { referenceTableTools, referenceViewOf as viewOf } from '../departments/referenceTables.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { refuseGroupRecord } from '../sync/groupRecords.ts';

type CategoryHandlers = Pick<
  Handlers,
  'categories.list' | 'categories.create' | 'categories.update' | 'categories.disable' | 'categories.enable'
>;

/**
 * Complaint categories, two levels deep: administrators create, rename and disable them; everyone
 * reads them. The group's categories (a synced site) are read-only; the site adds its own beside and under them.
 */
export function categoryHandlers(ctx: DeskContext): CategoryHandlers {
  const { db } = ctx.store;
  const { existing, assertNameFree, setDisabled } = referenceTableTools(ctx);

  return {
    'categories.list': async (input) => {
      const [rows, codes, group] = await Promise.all([
        listReference(db, 'categories', input.includeDisabled ?? false),
        categoryCodes(db),
        groupOwnedKeys(db, 'category'),
      ]);
      return { items: rows.map((r) => ({ ...viewOf(r), code: codes.get(r.id) ?? null, group: group.has(r.id) })) };
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
      await refuseGroupRecord(db, 'category', row.id);
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

    // The group's categories are the group's to disable; a site's own one under them is the site's.
    'categories.disable': async (input, call) => {
      await refuseGroupRecord(db, 'category', input.id);
      return setDisabled('categories', true)(input, call);
    },
    'categories.enable': async (input, call) => {
      await refuseGroupRecord(db, 'category', input.id);
      return setDisabled('categories', false)(input, call);
    },
  };
}
