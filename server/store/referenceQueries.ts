import type { Insertable, Kysely } from 'kysely';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/** The site's last reference sequence number (the caller holds the site's lock). */
export async function lastReferenceSeq(db: Db, siteId: number): Promise<number> {
  const row = await db
    .selectFrom('reference_records')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export const heldReference = (db: Db, siteId: number, kind: string, key: string) =>
  db
    .selectFrom('reference_records')
    .select(['hlc', 'row', 'group_owned'])
    .where('site_id', '=', siteId)
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirst();

/** Writes a record's newest version; `group_owned` 1 when the group wrote it (a desk's version is 0). */
export const putReference = (db: Db, row: Insertable<ServerDatabase['reference_records']>) =>
  db
    .insertInto('reference_records')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['site_id', 'kind', 'key']).doUpdateSet({
        hlc: row.hlc,
        row: row.row,
        desk_id: row.desk_id,
        seq: row.seq,
        received_at: row.received_at,
        group_owned: row.group_owned ?? 0,
      }),
    )
    .execute();

export const referencesAfter = (db: Db, siteId: number, after: number, limit: number) =>
  db
    .selectFrom('reference_records')
    .select(['seq', 'kind', 'key', 'hlc', 'row', 'group_owned'])
    .where('site_id', '=', siteId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();

/** Appends audit entries, skipping those the desk sent before: the number actually added. */
export async function appendAuditEntries(db: Db, rows: ServerDatabase['audit_entries'][]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('audit_entries')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['desk_id', 'id']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}
