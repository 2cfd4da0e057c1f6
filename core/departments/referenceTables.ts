import type { Kysely } from 'kysely';
import { countActiveChildren, findReference, listReference, updateReference } from '../../db/queries/departments.ts';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';

/** The two reference trees administrators keep: departments and categories. */
export type ReferenceTable = 'departments' | 'categories';
const notFoundKey: Record<ReferenceTable, string> = { departments: 'access:departmentNotFound', categories: 'access:categoryNotFound' };

export const referenceViewOf = (r: { id: string; name: string; parent_id: string | null; disabled: number }) => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  disabled: r.disabled !== 0,
});

/** What departments and categories do alike: find a row, keep names unique per level, disable and enable. */
export function referenceTableTools(ctx: DeskContext) {
  const { db } = ctx.store;

  async function existing(table: ReferenceTable, id: string) {
    const row = await findReference(db, table, id);
    if (!row) throw new DeskError('not_found', { key: notFoundKey[table] });
    return row;
  }

  /** Two names the same at one level would make the lists ambiguous. */
  async function assertNameFree(trx: Kysely<Database>, table: ReferenceTable, name: string, parentId: string | null, exceptId?: string) {
    const rows = await listReference(trx, table, false);
    if (rows.some((r) => r.id !== exceptId && r.parent_id === parentId && r.name === name)) throw invalidField('name', 'field.nameTaken');
  }

  function setDisabled(table: ReferenceTable, disabled: boolean) {
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

  return { existing, assertNameFree, setDisabled };
}
