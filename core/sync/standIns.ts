import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import { systemActorId } from '../deadlines/sweep.ts';

/**
 * Records a case from another desk names that this desk does not hold yet (a department, a
 * category, a member of staff created there): a disabled stand-in under the same id keeps the
 * store's references whole, so folding the case never fails. It names the record by the end of
 * its id; nobody signs in as a stand-in user (no password) and no list offers a stand-in.
 */
export interface ForeignRefs {
  users: string[];
  departments: string[];
  categories: string[];
}

/**
 * The references of a case's projection and its registration the store holds by foreign key,
 * and the people who acted on it (`actors`), so its history names them by a stand-in rather than a bare id.
 */
export function refsOf(state: CaseState, registeredBy: string, actors: readonly string[] = []): ForeignRefs {
  return {
    users: [registeredBy, ...(state.handlerId ? [state.handlerId] : []), ...actors.filter((a) => a !== systemActorId)],
    departments: [...(state.departmentId ? [state.departmentId] : []), ...state.coDepartmentIds],
    categories: state.categoryId ? [state.categoryId] : [],
  };
}

const shortName = (id: string) => `#${id.replaceAll('-', '').slice(-8)}`;

/**
 * Adds a stand-in for each record of `refs` the store lacks. `held`: the records (`table:id`)
 * known to be in the store already in this transaction, kept up to date here, so that the cases
 * of one page do not look the same people up again (no record is deleted while a page is stored).
 */
export async function ensureStandIns(trx: Kysely<Database>, refs: ForeignRefs, at: string, held?: Set<string>): Promise<void> {
  for (const id of new Set(refs.users)) {
    if (held?.has(`users:${id}`)) continue;
    held?.add(`users:${id}`);
    if (await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) continue;
    await trx
      .insertInto('users')
      .values({
        id,
        username: `remote-${id}`,
        display_name: shortName(id),
        password_hash: '',
        roles: '[]',
        department_ids: '[]',
        disabled: 1,
        created_at: at,
        version: 0,
        locked_until: null,
        password_changed_at: null,
      })
      .execute();
  }
  for (const table of ['departments', 'categories'] as const) {
    for (const id of new Set(table === 'departments' ? refs.departments : refs.categories)) {
      if (held?.has(`${table}:${id}`)) continue;
      held?.add(`${table}:${id}`);
      if (await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) continue;
      await trx
        .insertInto(table)
        .values({ id, name: shortName(id), parent_id: null, disabled: 1, created_at: at, version: 0 })
        .execute();
    }
  }
}

/**
 * Names the stand-ins of people of another site (or of the group's console) by the names the
 * server sent with their events; a name arrives with every page that carries one, so a renamed
 * person is named anew. Only stand-ins: an account of this site keeps the name its records give.
 */
export async function nameStandIns(trx: Kysely<Database>, names: ReadonlyMap<string, string>): Promise<void> {
  for (const [id, name] of names) {
    await trx
      .updateTable('users')
      .set({ display_name: name })
      .where('id', '=', id)
      .where('username', '=', `remote-${id}`)
      .where('display_name', '<>', name)
      .execute();
  }
}
