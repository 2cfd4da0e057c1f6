import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';
import { departmentIdsOf, rolesOf } from './users.ts';

/** Reference data the registration screen offers. */
export function listCategories(db: Kysely<Database>) {
  return db.selectFrom('categories').select(['id', 'name', 'code']).where('disabled', '=', 0).orderBy('created_at').orderBy('id').execute();
}

const enabledCategory = compiledOnce((db, v: { id: string }) =>
  db.selectFrom('categories').select('id').where('id', '=', v.id).where('disabled', '=', 0),
);

export async function categoryExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await enabledCategory(db, { id })).length > 0;
}

export async function listActiveUsers(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles', 'department_ids'])
    .where('disabled', '=', 0)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ ...r, roles: rolesOf(r.roles), department_ids: departmentIdsOf(r.department_ids) }));
}

/** The end of a prefix range: every string starting with `prefix` sorts below it (BINARY collation). */
const prefixEnd = (prefix: string) => `${prefix}\uffff`;

export interface HistoryRow {
  id: string;
  number: string;
  status: string;
  subject: string;
  complainant_name: string;
  received_at: string;
  proposal_state: string | null;
}

/**
 * Earlier cases whose complainant's phone starts with `phonePrefix` (lookup form, see
 * domain/cases/phone.ts) or whose name starts with `namePrefix`, newest first. Both are range
 * scans of an index, so the time does not grow with the number of cases.
 */
export async function findComplainantHistory(
  db: Kysely<Database>,
  by: { phonePrefix?: string | undefined; namePrefix?: string | undefined },
  limit: number,
): Promise<{ rows: (HistoryRow & { matched_by: 'phone' | 'name' })[]; total: number }> {
  const columns = ['id', 'number', 'status', 'proposal_state', 'subject', 'complainant_name', 'received_at'] as const;
  const countCap = 1000;
  const found: (HistoryRow & { matched_by: 'phone' | 'name' })[] = [];
  const seen = new Set<string>();
  let total = 0;
  // Counts are capped: "more than 1000 earlier cases" is all the desk needs to know.
  const lookups = [
    { column: 'complainant_phone_key', prefix: by.phonePrefix, matchedBy: 'phone' },
    { column: 'complainant_name', prefix: by.namePrefix, matchedBy: 'name' },
  ] as const;
  for (const { column, prefix: p, matchedBy } of lookups) {
    if (!p) continue;
    const rows = await db
      .selectFrom('cases')
      .select(columns)
      .where(column, '>=', p)
      .where(column, '<', prefixEnd(p))
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute();
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      found.push({ ...r, matched_by: matchedBy });
    }
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM cases
      WHERE ${sql.ref(column)} >= ${p} AND ${sql.ref(column)} < ${prefixEnd(p)} LIMIT ${countCap})`.execute(db);
    total = Math.max(total, Number(n.rows[0]?.n ?? 0));
  }
  // Same phone first (the same person), then the same full name, then names that only start alike; newest first within each.
  const rank = (r: (typeof found)[number]) => (r.matched_by === 'phone' ? 0 : r.complainant_name === by.namePrefix ? 1 : 2);
  found.sort((a, b) => rank(a) - rank(b) || (a.received_at < b.received_at ? 1 : a.received_at > b.received_at ? -1 : 0));
  return { rows: found.slice(0, limit), total: Math.max(total, found.length) };
}

/** The copies of a document printed so far for a case. */
/** Copies of a document printed so far (`document`: a case's id or an analysis period). */
export async function countPrints(db: Kysely<Database>, document: string, template: string): Promise<number> {
  const row = await db
    .selectFrom('prints')
    .select((eb) => eb.fn.max('copy').as('n'))
    .where('document', '=', document)
    .where('template', '=', template)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertPrint(
  db: Kysely<Database>,
  row: { id: string; document: string; case_id: string | null; template: string; copy: number; at: string; actor_id: string },
): Promise<void> {
  await db.insertInto('prints').values(row).execute();
}
