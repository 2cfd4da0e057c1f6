import type { Kysely } from 'kysely';
import type { ServerDatabase } from './schema.ts';

/** The group's rules (server/rules): its records, and which of them each site holds. */

type Db = Kysely<ServerDatabase>;

/** A row of `group_records` that only moves the revision on (a policy handed back leaves no record to carry it); never sent. */
export const revisionKind = 'revision';

/** The group's records a site of `profile` takes: those for every site and those for its profile. */
export const groupRecordsFor = (db: Db, profile: string | null) =>
  db
    .selectFrom('group_records')
    .select(['kind', 'key', 'row'])
    .where('profile', 'in', profile ? ['', profile] : [''])
    .where('kind', '!=', revisionKind)
    .orderBy('kind')
    .orderBy('key')
    .execute();

export const groupRecordsOfKind = (db: Db, kind: string) =>
  db.selectFrom('group_records').selectAll().where('kind', '=', kind).orderBy('profile').orderBy('key').execute();

export const findGroupRecord = (db: Db, kind: string, profile: string, key: string) =>
  db
    .selectFrom('group_records')
    .selectAll()
    .where('kind', '=', kind)
    .where('profile', '=', profile)
    .where('key', '=', key)
    .executeTakeFirst();

export const putGroupRecord = (db: Db, row: ServerDatabase['group_records']) =>
  db
    .insertInto('group_records')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['kind', 'profile', 'key'])
        .doUpdateSet({ row: row.row, rev: row.rev, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();

export const deleteGroupRecord = (db: Db, kind: string, profile: string, key: string) =>
  db.deleteFrom('group_records').where('kind', '=', kind).where('profile', '=', profile).where('key', '=', key).execute();

/** The group's last change; 0 before its first. */
export async function currentRulesRev(db: Db): Promise<number> {
  const row = await db
    .selectFrom('group_records')
    .select((eb) => eb.fn.max('rev').as('rev'))
    .executeTakeFirst();
  return Number(row?.rev ?? 0);
}

/** The years the group imported: every day of them is the group's. */
export async function groupYears(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('group_records').select('key').where('kind', '=', 'calendarYear').execute();
  return new Set(rows.map((r) => Number(r.key)));
}

export const siteRulesRev = async (db: Db, siteId: number) =>
  Number((await db.selectFrom('sites').select('rules_rev').where('id', '=', siteId).executeTakeFirst())?.rules_rev ?? 0);

export const setSiteRulesRev = (db: Db, siteId: number, rev: number) =>
  db.updateTable('sites').set({ rules_rev: rev }).where('id', '=', siteId).execute();

export const allSiteIds = async (db: Db) => (await db.selectFrom('sites').select('id').orderBy('id').execute()).map((r) => r.id);

/** The profile a site's desks set up with (its shared setting `org.profile`), once a desk sent it. */
export async function siteProfile(db: Db, siteId: number): Promise<string | null> {
  const held = await db
    .selectFrom('reference_records')
    .select('row')
    .where('site_id', '=', siteId)
    .where('kind', '=', 'setting')
    .where('key', '=', 'org.profile')
    .executeTakeFirst();
  if (!held?.row) return null;
  try {
    const value: unknown = JSON.parse(String((JSON.parse(held.row) as { value?: unknown }).value));
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The records of a site's stream the group wrote, the calendar days it holds in the given years, and its categories and aliases. */
export const siteRecordsToCompare = (db: Db, siteId: number, years: readonly number[]) =>
  db
    .selectFrom('reference_records')
    .select(['kind', 'key', 'hlc', 'row', 'group_owned'])
    .where('site_id', '=', siteId)
    .where((eb) =>
      eb.or([
        eb('group_owned', '=', 1),
        ...years.map((y) => eb.and([eb('kind', '=', 'calendarDay'), eb('key', 'like', `${y}-%`)])),
        eb('kind', '=', 'calendarYear'),
        // A site's category may be the group's under another id (a seeded one): it is merged into the group's.
        eb('kind', 'in', ['category', 'alias']),
      ]),
    )
    .execute();
