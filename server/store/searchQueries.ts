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
 * How many of the newest cases the search reads first, in date order, before asking an index of
 * what cases hold: a common term (费, 张) fills the page from them at once, where its index's
 * candidates (a share of the whole table) would all be read and sorted by date.
 */
const newestWindowRows = 10_000;

/**
 * Cases of any site holding every term (domain/text/searchTerms.ts termQuery), the substring
 * checked on the case's normalised text: the FTS5 index on SQLite, the GIN index of the terms on
 * PostgreSQL (a fragment of digits by the trigrams of the text's digits). Newest first.
 *
 * Read in two steps, the same rows in the same order as one query: first the newest cases (those
 * received at or after the `windowRows`-th newest's instant, ties included), filtered in date
 * order; only when they do not fill the page, the older ones through the index.
 */
export async function searchCases(
  db: Db,
  dialect: Dialect,
  query: { terms: readonly string[]; needle: string },
  options: { siteId?: number | undefined; limit: number; windowRows?: number },
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
  const like = sql`c.search_text LIKE ${`%${likeEscaped(query.needle)}%`} ESCAPE '\\'`;
  const page = async (from: ReturnType<typeof sql>, range: ReturnType<typeof sql>, limit: number) =>
    (
      await sql<CaseLineRow>`
        SELECT ${sql.join(caseLineColumns.map((col) => sql.ref(col)))}
        FROM ${from}
        WHERE ${terms} AND ${like} ${site} ${range}
        ORDER BY c.received_at DESC, c.case_id
        LIMIT ${limit}`.execute(db)
    ).rows;
  const table = sql`case_projection c`;

  // The instant of the window's oldest case, by the received_at index (the site's, for one site).
  const windowRows = options.windowRows ?? newestWindowRows;
  const edge = (
    await sql<{ received_at: string }>`
      SELECT c.received_at FROM case_projection c WHERE 1 = 1 ${site}
      ORDER BY c.received_at DESC LIMIT 1 OFFSET ${windowRows - 1}`.execute(db)
  ).rows[0]?.received_at;
  // Fewer cases than the window: one query reads them all.
  if (edge === undefined) return page(table, sql``, options.limit);

  // The window's cases filtered in date order, the index of terms kept out of it: OFFSET 0 keeps
  // PostgreSQL from pushing the terms' test down to their GIN, whatever it estimates of the term,
  // and the window comes in the page's order (the received_at index, ties sorted as they come),
  // so the filter above it stops at a full page instead of testing every case of the window.
  const newest = await page(
    dialect === 'postgres'
      ? sql`(SELECT * FROM case_projection c WHERE c.received_at >= ${edge} ${site} ORDER BY c.received_at DESC, c.case_id OFFSET 0) c`
      : table,
    dialect === 'postgres' ? sql`` : sql`AND c.received_at >= ${edge}`,
    options.limit,
  );
  if (newest.length >= options.limit) return newest;
  // Every case of the window that matches is on the page, and every older one comes after them.
  return [...newest, ...(await page(table, sql`AND c.received_at < ${edge}`, options.limit - newest.length))];
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
