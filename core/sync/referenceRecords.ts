import type { Kysely } from 'kysely';
import {
  addAlias,
  dropRefOutbox,
  isAliased,
  knownVersion,
  readReferenceRow,
  refOutboxEntry,
  setRefCursor,
  setVersion,
  writeReferenceRow,
} from '../../db/queries/referenceSync.ts';
import { updateSyncConfig } from '../../db/queries/sync.ts';
import type { Database } from '../../db/schema.ts';
import { maxBatch } from '../../domain/sync/protocol.ts';
import {
  type ReferenceKind,
  type ReferenceRow,
  referenceKey,
  referenceRowSchemas,
  sameName,
  samePerson,
  siteSettingKeys,
  stampOf,
  type UserRow,
} from '../../domain/sync/referenceRecords.ts';
import type { PulledReference, WireReference } from '../../domain/sync/referenceWire.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { reloadCalendar } from '../deadlines/deskTime.ts';
import { recomputeProvisionalDeadlines } from '../deadlines/sweep.ts';
import type { DeskContext } from '../deskContext.ts';
import { noteClash } from './accountClashes.ts';
import { followUser, mergeTreeRecord, mergeUserRecord } from './referenceMerge.ts';
import { ensureStandIns } from './standIns.ts';
import type { SigningIdentity, SyncClient } from './syncClient.ts';

type Db = Kysely<Database>;

const isClashed = async (db: Db, userId: string) =>
  (await db.selectFrom('account_clashes').select('username').where('local_id', '=', userId).executeTakeFirst()) !== undefined;

/**
 * Sends the reference records changed here, each stamped with its clock, and notes the
 * version sent once the server acknowledged it. A record merged into the site's is not sent (the
 * site holds it under its own id); an account whose name clashes waits until it is settled.
 */
export async function pushReferences(ctx: DeskContext, client: SyncClient, identity: SigningIdentity): Promise<number> {
  const { db } = ctx.store;
  const entries = await db.selectFrom('sync_ref_outbox').selectAll().orderBy('changed_ms').orderBy('kind').orderBy('key').execute();
  let pushed = 0;
  for (let i = 0; i < entries.length; i += maxBatch) {
    const page = entries.slice(i, i + maxBatch);
    const records: (WireReference & { changed_ms: number })[] = [];
    const dropped: typeof page = [];
    for (const e of page) {
      const kind = e.kind as ReferenceKind;
      if (await isAliased(db, kind, e.key)) {
        dropped.push(e);
        continue;
      }
      if (kind === 'user' && (await isClashed(db, e.key))) continue;
      const row = await readReferenceRow(db, kind, e.key);
      const hlc = stampOf(e.changed_ms, await knownVersion(db, kind, e.key), ctx.deviceId);
      records.push({ kind, key: e.key, hlc, row: row ? JSON.stringify(row) : null, changed_ms: e.changed_ms });
    }
    if (records.length > 0) {
      const answer = await client.pushReferences(
        identity,
        records.map(({ changed_ms: _, ...r }) => r),
      );
      pushed += answer.accepted;
    }
    await db.transaction().execute(async (trx) => {
      for (const r of records) await setVersion(trx, r.kind, r.key, r.hlc);
      await dropRefOutbox(trx, [...dropped, ...records]);
    });
  }
  return pushed;
}

/** Departments and categories above those under them, so a parent is merged before its children are compared. */
function parentsFirst(records: readonly PulledReference[], rows: Map<PulledReference, Record<string, unknown> | null>) {
  const parentOf = new Map<string, string | null>();
  for (const r of records) {
    const row = rows.get(r);
    if (row && (r.kind === 'department' || r.kind === 'category'))
      parentOf.set(`${r.kind}:${r.key}`, (row.parent_id as string | null) ?? null);
  }
  const depths = new Map<PulledReference, number>();
  for (const r of records) {
    let depth = 0;
    let parent = parentOf.get(`${r.kind}:${r.key}`) ?? null;
    // A tree is shallow; the bound only keeps a cycle someone sent from running forever.
    while (parent && depth < 50) {
      depth++;
      parent = parentOf.get(`${r.kind}:${parent}`) ?? null;
    }
    depths.set(r, depth);
  }
  return [...records].sort((a, b) => (depths.get(a) ?? 0) - (depths.get(b) ?? 0));
}

function parseRow(r: PulledReference): Record<string, unknown> | null | 'bad' {
  if (r.row === null) return null;
  try {
    const parsed = referenceRowSchemas[r.kind].safeParse(JSON.parse(r.row));
    if (!parsed.success) return 'bad';
    const row = parsed.data as Record<string, unknown>;
    return referenceKey(r.kind, row) === r.key ? row : 'bad';
  } catch {
    return 'bad';
  }
}

/** A local department or category of the same meaning the site has not seen yet: made here before joining. */
async function twinOf(trx: Db, kind: 'department' | 'category', row: Record<string, unknown>): Promise<string | undefined> {
  const table = kind === 'department' ? 'departments' : 'categories';
  const parent = (row.parent_id as string | null) ?? null;
  let query = trx.selectFrom(table).select(['id', 'name']).where('id', '!=', String(row.id));
  query = parent === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parent);
  for (const candidate of await query.execute()) {
    if (!sameName(candidate.name, String(row.name))) continue;
    if (await knownVersion(trx, kind, candidate.id)) continue;
    return candidate.id;
  }
  return undefined;
}

/**
 * A deletion of a department, category or account another record may still name (a case, a
 * print, an audit entry) is taken as disabling it: the store's references stay whole.
 */
async function removeRecord(trx: Db, kind: ReferenceKind, key: string): Promise<void> {
  if (kind === 'department' || kind === 'category' || kind === 'user') {
    const table = kind === 'department' ? 'departments' : kind === 'category' ? 'categories' : 'users';
    await trx.updateTable(table).set({ disabled: 1 }).where('id', '=', key).execute();
    return;
  }
  await writeReferenceRow(trx, kind, key, null);
}

/**
 * Another desk merged its record into the site's: cases it sent name the old id, so this desk
 * folds that id into the site's too (and retires the stand-in it may hold under the old id).
 */
async function takeAlias(trx: Db, alias: ReferenceRow<'alias'>, at: string): Promise<void> {
  const { kind, local_id: localId, canonical_id: siteId } = alias;
  if (kind === 'user') {
    await ensureStandIns(trx, { users: [siteId], departments: [], categories: [] }, at);
    await addAlias(trx, 'user', localId, siteId, at, false);
    await followUser(trx, localId, siteId);
    return;
  }
  const table = kind === 'department' ? 'departments' : 'categories';
  await ensureStandIns(
    trx,
    { users: [], departments: kind === 'department' ? [siteId] : [], categories: kind === 'category' ? [siteId] : [] },
    at,
  );
  if (await trx.selectFrom(table).select('id').where('id', '=', localId).executeTakeFirst()) {
    await mergeTreeRecord(trx, kind, localId, siteId, at, false);
  } else {
    await addAlias(trx, kind, localId, siteId, at, false);
  }
}

export interface ReferencesTaken {
  stored: number;
  merged: number;
  clashes: number;
}

/**
 * Takes a page of the site's reference records, in one transaction with the cursor. For each:
 * the newer clock wins over what this desk holds (an unsent local change included); a
 * department or category this desk made before it joined, of the same name under the same
 * parent, is merged into the site's; an account of the same name is merged only when it is the
 * same person, and otherwise set aside as a clash for an administrator. Written while
 * `receiving` is set, so nothing goes back up as this desk's change.
 */
export async function receiveReferences(ctx: DeskContext, records: readonly PulledReference[], cursor: number): Promise<ReferencesTaken> {
  const taken: ReferencesTaken = { stored: 0, merged: 0, clashes: 0 };
  let calendar = false;
  const at = ctx.now().toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    await updateSyncConfig(trx, { receiving: 1 });
    const rows = new Map(records.map((r) => [r, parseRow(r)] as const));
    for (const r of parentsFirst(records, new Map([...rows].map(([k, v]) => [k, v === 'bad' ? null : v])))) {
      const row = rows.get(r);
      if (row === 'bad' || row === undefined || (r.kind === 'setting' && !siteSettingKeys.has(r.key))) {
        await recordAudit(ctx, trx, { actorId: null, action: 'sync.refused', target: r.key, detail: { kind: r.kind, fault: 'format' } });
        continue;
      }
      const known = await knownVersion(trx, r.kind, r.key);
      if (known && known >= r.hlc) continue;
      const pending = await refOutboxEntry(trx, r.kind, r.key);
      if (pending) {
        // Held since before joining (time zero): the site's version wins. The group's wins whenever it was made.
        if (!r.group && pending.changed_ms > 0 && stampOf(pending.changed_ms, known, ctx.deviceId) > r.hlc) continue;
        await dropRefOutbox(trx, [pending]);
      }
      if (row === null) {
        await removeRecord(trx, r.kind, r.key);
      } else if (r.kind === 'department' || r.kind === 'category') {
        const table = r.kind === 'department' ? 'departments' : 'categories';
        const parent = row.parent_id as string | null;
        if (parent)
          await ensureStandIns(
            trx,
            { users: [], departments: r.kind === 'department' ? [parent] : [], categories: r.kind === 'category' ? [parent] : [] },
            at,
          );
        const here = await trx.selectFrom(table).select('id').where('id', '=', r.key).executeTakeFirst();
        const twin = here ? undefined : await twinOf(trx, r.kind, row);
        await writeReferenceRow(trx, r.kind, r.key, row);
        if (twin) {
          await mergeTreeRecord(trx, r.kind, twin, r.key, at);
          await recordAudit(ctx, trx, {
            actorId: null,
            action: 'sync.merged',
            target: r.key,
            detail: { kind: r.kind, localId: twin, name: row.name },
          });
          taken.merged++;
        }
      } else if (r.kind === 'user') {
        const user = row as UserRow;
        const holder = await trx
          .selectFrom('users')
          .selectAll()
          .where('username', '=', user.username)
          .where('id', '!=', r.key)
          .executeTakeFirst();
        if (holder && !holder.username.startsWith('remote-')) {
          if (!samePerson(holder, user) || (await knownVersion(trx, 'user', holder.id))) {
            await noteClash(trx, { username: user.username, localId: holder.id, remote: user, hlc: r.hlc, at });
            await recordAudit(ctx, trx, {
              actorId: null,
              action: 'sync.clash',
              target: user.username,
              detail: { localId: holder.id, siteId: r.key },
            });
            taken.clashes++;
            continue;
          }
          await mergeUserRecord(trx, holder.id, r.key, at);
          await writeReferenceRow(trx, 'user', r.key, row);
          await followUser(trx, holder.id, r.key);
          await recordAudit(ctx, trx, {
            actorId: null,
            action: 'sync.merged',
            target: r.key,
            detail: { kind: 'user', localId: holder.id, name: user.username },
          });
          taken.merged++;
        } else {
          await writeReferenceRow(trx, 'user', r.key, row);
        }
      } else if (r.kind === 'alias') {
        await takeAlias(trx, row as ReferenceRow<'alias'>, at);
      } else {
        await writeReferenceRow(trx, r.kind, r.key, row);
      }
      if (r.kind === 'calendarDay' || r.kind === 'calendarYear' || r.kind === 'localDay') calendar = true;
      await setVersion(trx, r.kind, r.key, r.hlc, r.group === true);
      taken.stored++;
    }
    if (taken.stored > 0) {
      await recordAudit(ctx, trx, { actorId: null, action: 'sync.references', target: null, detail: { ...taken } });
    }
    await setRefCursor(trx, cursor);
    await updateSyncConfig(trx, { receiving: 0 });
  });
  if (calendar) {
    // As after an import at this desk: deadlines counted Monday to Friday for want of data are counted again.
    await reloadCalendar(ctx);
    await recomputeProvisionalDeadlines(ctx);
  }
  return taken;
}

/** Every page of the site's records after this desk's cursor. */
export async function pullReferences(ctx: DeskContext, client: SyncClient, identity: SigningIdentity, after: () => Promise<number>) {
  let stored = 0;
  for (;;) {
    const from = await after();
    const page = await client.pullReferences(identity, from, maxBatch);
    if (page.records.length > 0 || page.cursor !== from) stored += (await receiveReferences(ctx, page.records, page.cursor)).stored;
    if (!page.more) return stored;
  }
}
