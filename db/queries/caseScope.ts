import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Who is looking at a list of cases: the rows they may see, decided in SQL so counts and pages agree. */
export interface CaseViewerScope {
  /** Cases naming this user as the person complained about are left out (回避). */
  userId: string;
  /** When set, only cases of these departments (lead or co-) or assigned to `userId`. */
  departmentIds?: readonly string[] | undefined;
  /**
   * Set when the list is searched and part of the complainant is kept from this viewer. The
   * search index holds the complainant's name and full phone, so a match must then also be found
   * in what the viewer may see (the query normalised, see domain/text/searchTerms.ts
   * searchNeedle): by number, subject or content always; by the complainant's name unless the
   * case is confidential and `confidentialHidden`; never by a phone when `phoneMasked` (searching
   * digits would tell the hidden ones).
   */
  searchLimits?: { needle: string; confidentialHidden: boolean; phoneMasked: boolean } | undefined;
}

/** A column with whitespace removed and ASCII lower-cased, as the search documents hold it. */
const squeezed = (column: 'cases.number' | 'cases.subject' | 'cases.content' | 'cases.complainant_name') =>
  sql`lower(replace(replace(replace(replace(${sql.ref(column)}, ' ', ''), char(9), ''), char(10), ''), char(13), ''))`;

export function scopeToViewer<O>(
  query: SelectQueryBuilder<Database, 'cases', O>,
  viewer: CaseViewerScope,
): SelectQueryBuilder<Database, 'cases', O> {
  let q = query.where(sql<boolean>`coalesce(json_extract(cases.respondent, '$.userId'), '') != ${viewer.userId}`);
  const limits = viewer.searchLimits;
  if (limits) {
    const found = (column: Parameters<typeof squeezed>[0]) => sql<boolean>`instr(${squeezed(column)}, ${limits.needle}) > 0`;
    const outsideComplainant = sql<boolean>`(${found('cases.number')} OR ${found('cases.subject')} OR ${found('cases.content')})`;
    const nameShown = limits.confidentialHidden ? sql<boolean>`cases.confidential = 0` : sql<boolean>`1`;
    // Unmasked phones: only a hidden confidential complainant limits the match; masked: every case's phone does.
    q = limits.phoneMasked
      ? q.where(sql<boolean>`(${outsideComplainant} OR (${nameShown} AND ${found('cases.complainant_name')}))`)
      : q.where(sql<boolean>`(cases.confidential = 0 OR ${outsideComplainant})`);
  }
  const deps = viewer.departmentIds;
  if (deps) {
    q = q.where((eb) =>
      eb.or([
        eb('cases.handler_id', '=', viewer.userId),
        ...(deps.length > 0
          ? [
              eb('cases.department_id', 'in', deps),
              eb.exists(
                eb
                  .selectFrom(sql<{ value: string }>`json_each(cases.co_department_ids)`.as('co'))
                  .select('co.value')
                  .where('co.value', 'in', deps),
              ),
            ]
          : []),
      ]),
    );
  }
  return q;
}
