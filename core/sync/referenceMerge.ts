import { type Kysely, sql } from 'kysely';
import { addAlias } from '../../db/queries/referenceSync.ts';
import { refreshReportRollup } from '../../db/queries/reportRollups.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Folding a record this desk made before it joined into the site's record of the same meaning.
 * The signed case events keep naming the old id (their hashes cover it); `ref_aliases` maps it
 * to the site's id, and every row of the read model that names it is moved over now, so lists,
 * filters and reports see one department, not two. Runs while the desk is receiving: nothing
 * here goes back to the server as a change of its own.
 */

const quoted = (id: string) => JSON.stringify(id);

/** Replaces an id inside a JSON array of ids held as text. */
const replaceInJson = (column: string, from: string, to: string) =>
  sql`${sql.ref(column)} = replace(${sql.ref(column)}, ${quoted(from)}, ${quoted(to)})`;

async function refreshCases(trx: Kysely<Database>, ids: readonly string[]) {
  for (const id of ids) await refreshReportRollup(trx, id);
}

/** A department or category of this desk merged into the site's; the site's row is already written. */
export async function mergeTreeRecord(
  trx: Kysely<Database>,
  kind: 'department' | 'category',
  localId: string,
  siteId: string,
  at: string,
  send = true,
): Promise<void> {
  await addAlias(trx, kind, localId, siteId, at, send);
  if (kind === 'department') {
    await trx.updateTable('departments').set({ parent_id: siteId }).where('parent_id', '=', localId).execute();
    const touched = await sql<{ id: string }>`SELECT id FROM cases
      WHERE department_id = ${localId} OR co_department_ids LIKE ${`%${quoted(localId)}%`}`.execute(trx);
    await sql`UPDATE cases SET department_id = CASE WHEN department_id = ${localId} THEN ${siteId} ELSE department_id END,
      ${replaceInJson('co_department_ids', localId, siteId)}
      WHERE department_id = ${localId} OR co_department_ids LIKE ${`%${quoted(localId)}%`}`.execute(trx);
    await sql`UPDATE users SET ${replaceInJson('department_ids', localId, siteId)} WHERE department_ids LIKE ${`%${quoted(localId)}%`}`.execute(
      trx,
    );
    await trx.updateTable('corrective_actions').set({ department_id: siteId }).where('department_id', '=', localId).execute();
    await sql`UPDATE cases SET respondent = replace(respondent, ${quoted(localId)}, ${quoted(siteId)})
      WHERE respondent LIKE ${`%${quoted(localId)}%`}`.execute(trx);
    await refreshCases(
      trx,
      touched.rows.map((r) => r.id),
    );
    await trx.deleteFrom('departments').where('id', '=', localId).execute();
  } else {
    await trx.updateTable('categories').set({ parent_id: siteId }).where('parent_id', '=', localId).execute();
    const touched = await trx.selectFrom('cases').select('id').where('category_id', '=', localId).execute();
    await trx.updateTable('cases').set({ category_id: siteId }).where('category_id', '=', localId).execute();
    await refreshCases(
      trx,
      touched.map((r) => r.id),
    );
    await trx.deleteFrom('categories').where('id', '=', localId).execute();
  }
}

/**
 * This desk's account taken over by the site's account of the same person (or the one the
 * administrator chose to keep): the local row stays for what it signed (prints, seals, audit),
 * under a name nobody signs in with, disabled; cases it handles follow the site's account.
 */
export async function mergeUserRecord(trx: Kysely<Database>, localId: string, siteId: string, at: string): Promise<void> {
  await addAlias(trx, 'user', localId, siteId, at, true);
  await trx
    .updateTable('users')
    .set({ username: `merged-${localId}`, disabled: 1, password_hash: '' })
    .where('id', '=', localId)
    .execute();
}

/** Moves the read model of cases from the merged account to the site's, once the site's row exists. */
export async function followUser(trx: Kysely<Database>, localId: string, siteId: string): Promise<void> {
  await trx.updateTable('cases').set({ handler_id: siteId }).where('handler_id', '=', localId).execute();
  await trx.updateTable('cases').set({ proposed_by: siteId }).where('proposed_by', '=', localId).execute();
  await sql`UPDATE cases SET respondent = replace(respondent, ${quoted(localId)}, ${quoted(siteId)})
    WHERE respondent LIKE ${`%${quoted(localId)}%`}`.execute(trx);
}
