import type { Kysely } from 'kysely';
import type { ServerDatabase } from './schema.ts';

/** The sites and desks page: sites with their desks, enrolment codes, and what each desk last said. */
type Db = Kysely<ServerDatabase>;

export const listSites = (db: Db) => db.selectFrom('sites').selectAll().orderBy('id').execute();

export const updateSite = (db: Db, id: number, changes: { name?: string; volume_per_month?: number | null; volume_unit?: string | null }) =>
  db.updateTable('sites').set(changes).where('id', '=', id).execute();

export const listDesks = (db: Db) =>
  db
    .selectFrom('desks')
    .innerJoin('sites', 'sites.id', 'desks.site_id')
    .selectAll('desks')
    .select('sites.name as site_name')
    .orderBy('sites.id')
    .orderBy('desks.enrolled_at')
    .execute();

export const listEnrolmentCodes = (db: Db, siteId?: number) => {
  let q = db
    .selectFrom('enrolment_codes')
    .innerJoin('sites', 'sites.id', 'enrolment_codes.site_id')
    .selectAll('enrolment_codes')
    .select('sites.name as site_name')
    .orderBy('enrolment_codes.created_at', 'desc');
  if (siteId !== undefined) q = q.where('enrolment_codes.site_id', '=', siteId);
  return q.execute();
};

/** Revokes an unused code by the first letters of its hash (its id on the page). */
export const revokeEnrolmentCode = (db: Db, codeId: string, at: string) =>
  db
    .updateTable('enrolment_codes')
    .set({ revoked_at: at })
    .where('code_hash', 'like', `${codeId}%`)
    .where('used_by', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

/** What a desk's signed request said about the desk, kept for the sites and desks page. */
export const recordDeskSeen = (
  db: Db,
  deskId: string,
  seen: {
    last_seen_at: string;
    clock_drift_ms: number;
    desk_version?: string | undefined;
    events_waiting?: number | undefined;
    last_backup_at?: string | undefined;
  },
) => db.updateTable('desks').set(seen).where('id', '=', deskId).execute();
