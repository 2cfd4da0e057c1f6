import { type Kysely, sql } from 'kysely';
import { searchDigits } from './caseRollupsMigration.ts';
import type { Dialect } from './migrations.ts';
import { type CaseLineRow, caseLineColumns } from './reportQueries.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

const likeEscaped = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');
const longestDigitRun = (text: string) => (text.match(/[0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
const ftsQuoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Cases of any site holding every term (domain/text/searchTerms.ts termQuery), the substring
 * checked on the case's normalised text: the FTS5 index on SQLite, the GIN index of the terms on
 * PostgreSQL (a fragment of digits by the trigrams of the text's digits). Newest first.
 */
export async function searchCases(
  db: Db,
  dialect: Dialect,
  query: { terms: readonly string[]; needle: string },
  options: { siteId?: number | undefined; limit: number },
): Promise<CaseLineRow[]> {
  let terms = sql`1 = 1`;
  const digits = longestDigitRun(query.needle);
  if (dialect === 'postgres' && digits.length >= 4) {
    // A phone, a case number or a fragment of one: the trigrams of the text's digits (migration
    // 012), not the pairs of digits, which most cases hold. Where the text holds the query, one of
    // its runs of digits holds the query's longest.
    terms = sql`${sql.raw(searchDigits.replace('search_text', 'c.search_text'))} LIKE ${`%${digits}%`}`;
  } else if (query.terms.length > 0 && !(dialect === 'postgres' && digits === query.needle)) {
    // (One to three digits alone are in a case of a hundred or more: the newest cases, read in
    // order until the page is full, find them sooner than any index of what they hold.)
    terms =
      dialect === 'postgres'
        ? sql`string_to_array(c.search_terms, ' ') @> ARRAY[${sql.join([...query.terms])}]::text[]`
        : sql`c.row_no IN (SELECT rowid FROM case_projection_fts WHERE case_projection_fts MATCH ${query.terms.map(ftsQuoted).join(' AND ')})`;
  }
  const site = options.siteId ? sql`AND c.site_id = ${options.siteId}` : sql``;
  const result = await sql<CaseLineRow>`
    SELECT ${sql.join(caseLineColumns.map((col) => sql.ref(col)))}
    FROM case_projection c
    WHERE ${terms} AND c.search_text LIKE ${`%${likeEscaped(query.needle)}%`} ESCAPE '\\' ${site}
    ORDER BY c.received_at DESC, c.case_id
    LIMIT ${options.limit}`.execute(db);
  return result.rows;
}

/** One case's line, by id. */
export const caseLine = async (db: Db, caseId: string) =>
  (
    await sql<CaseLineRow>`SELECT ${sql.join(caseLineColumns.map((col) => sql.ref(col)))} FROM case_projection c WHERE c.case_id = ${caseId}`.execute(
      db,
    )
  ).rows[0];

/** A case's held events, in the site's order of arrival. */
export const eventBodiesOf = (db: Db, caseId: string) =>
  db.selectFrom('events').select(['body', 'desk_id', 'received_at', 'site_id']).where('case_id', '=', caseId).orderBy('seq').execute();

/** The names of group accounts that wrote into cases at the console (a transfer), by id. */
export async function groupAccountNames(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db
    .selectFrom('group_accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Complainants (one phone, as the desk looks phones up) with complaints at `minSites` sites or
 * more in the range, two cases at least, the most first.
 */
export async function repeatsAcrossSites(
  db: Db,
  range: { from: string; to: string },
  minSites: number,
  limit: number,
  /** The analysis counts complaints only, as the desk's does; the repeats page every kind of case. */
  complaintsOnly = false,
) {
  const only = complaintsOnly ? sql`AND c.type = 'complaint'` : sql``;
  const heads = await sql<{ phone_key: string; cases: unknown; sites: unknown }>`
    SELECT c.phone_key, count(*) AS cases, count(DISTINCT c.site_id) AS sites
    FROM case_projection c
    WHERE c.received_at >= ${range.from} AND c.received_at < ${range.to} AND c.merged = 0 AND c.phone_key IS NOT NULL ${only}
    GROUP BY c.phone_key
    HAVING count(DISTINCT c.site_id) >= ${minSites} AND count(*) >= 2
    ORDER BY count(*) DESC, c.phone_key
    LIMIT ${limit}`.execute(db);
  const keys = heads.rows.map((r) => r.phone_key);
  if (keys.length === 0) return [];
  let query = db
    .selectFrom('case_projection')
    .select(['phone_key', 'site_id', 'case_id', 'number', 'received_at', 'complainant_name', 'complainant_phone', 'confidential'])
    .where('phone_key', 'in', keys)
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .where('merged', '=', 0);
  if (complaintsOnly) query = query.where('type', '=', 'complaint');
  const cases = await query.orderBy('received_at', 'desc').execute();
  return heads.rows.map((h) => ({ phoneKey: h.phone_key, cases: cases.filter((c) => c.phone_key === h.phone_key) }));
}
