import type { Kysely } from 'kysely';
import { setVersion, writeReferenceRow } from '../../db/queries/referenceSync.ts';
import { updateSyncConfig } from '../../db/queries/sync.ts';
import type { Database } from '../../db/schema.ts';
import type { DeskParsedInput } from '../../domain/api/deskApi.ts';
import type { AccountClash } from '../../domain/api/syncViews.ts';
import { sameName, type UserRow, userRowSchema } from '../../domain/sync/referenceRecords.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import { followUser, mergeUserRecord } from './referenceMerge.ts';

/**
 * An account name this desk gives to one person and the site to another: never merged by
 * itself. The site's account waits here; the local one keeps working on this desk (and is not
 * sent) until an administrator keeps the site's account or renames the local one.
 */
export async function noteClash(
  trx: Kysely<Database>,
  clash: { username: string; localId: string; remote: UserRow; hlc: string; at: string },
): Promise<void> {
  const record = JSON.stringify(clash.remote);
  await trx
    .insertInto('account_clashes')
    .values({
      username: clash.username,
      local_id: clash.localId,
      remote_id: clash.remote.id,
      remote_record: record,
      remote_hlc: clash.hlc,
      found_at: clash.at,
    })
    .onConflict((oc) => oc.column('username').doUpdateSet({ remote_id: clash.remote.id, remote_record: record, remote_hlc: clash.hlc }))
    .execute();
}

export async function listClashes(db: Kysely<Database>): Promise<{ items: AccountClash[] }> {
  const rows = await db
    .selectFrom('account_clashes')
    .innerJoin('users', 'users.id', 'account_clashes.local_id')
    .select(['account_clashes.username', 'local_id', 'remote_record', 'found_at', 'users.display_name'])
    .orderBy('account_clashes.username')
    .execute();
  return {
    items: rows.map((r) => {
      const remote = userRowSchema.parse(JSON.parse(r.remote_record));
      return {
        username: r.username,
        local: { id: r.local_id, displayName: r.display_name },
        site: { id: remote.id, displayName: remote.display_name },
        why: sameName(r.display_name, remote.display_name) ? ('password' as const) : ('person' as const),
        foundAt: r.found_at,
      };
    }),
  };
}

/**
 * Settles a clash: `useSite` hands the name to the site's account (this desk's account is
 * retired and its cases follow the site's); `renameLocal` gives this desk's account a new name,
 * which then goes to the site like any change, and takes in the site's account beside it.
 */
export async function settleClash(ctx: DeskContext, input: DeskParsedInput<'sync.settleClash'>, actorId: string): Promise<void> {
  const { db } = ctx.store;
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('account_clashes').selectAll().where('username', '=', input.username).executeTakeFirst();
    if (!clash) throw invalidField('username', 'sync:field.noClash');
    const remote = userRowSchema.parse(JSON.parse(clash.remote_record));
    if (input.settle === 'renameLocal') {
      const taken = await trx.selectFrom('users').select('id').where('username', '=', input.newUsername).executeTakeFirst();
      if (taken || input.newUsername.toLowerCase() === remote.username.toLowerCase())
        throw invalidField('newUsername', 'field.usernameTaken');
      await trx
        .updateTable('users')
        .set((eb) => ({ username: input.newUsername, version: eb('version', '+', 1) }))
        .where('id', '=', clash.local_id)
        .execute();
    } else if (actorId === clash.local_id) {
      // Retiring the account of the administrator at the desk would sign them out of the settling itself.
      throw new DeskError('conflict', { key: 'sync:error.clashSelf' });
    }
    await updateSyncConfig(trx, { receiving: 1 });
    if (input.settle === 'useSite') await mergeUserRecord(trx, clash.local_id, remote.id, at);
    await writeReferenceRow(trx, 'user', remote.id, remote);
    if (input.settle === 'useSite') await followUser(trx, clash.local_id, remote.id);
    await setVersion(trx, 'user', remote.id, clash.remote_hlc);
    await trx.deleteFrom('account_clashes').where('username', '=', clash.username).execute();
    await updateSyncConfig(trx, { receiving: 0 });
    await recordAudit(ctx, trx, {
      actorId,
      action: 'sync.settleClash',
      target: clash.username,
      detail: {
        settle: input.settle,
        localId: clash.local_id,
        siteId: remote.id,
        ...(input.settle === 'renameLocal' ? { newUsername: input.newUsername } : {}),
      },
    });
  });
}
