import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Who is looking at a list of cases: the rows they may see, decided in SQL so counts and pages agree. */
export interface CaseViewerScope {
  /** Cases naming this user as the person complained about are left out (回避). */
  userId: string;
  /** When set, only cases of these departments (lead or co-) or assigned to `userId`. */
  departmentIds?: readonly string[] | undefined;
  /**
   * Set when confidential complainants are hidden from this viewer and the list is searched:
   * a confidential case then matches only by its number, subject or content (normalised, see
   * domain/text/searchTerms.ts searchNeedle), never by the complainant's name or phone.
   */
  confidentialNeedle?: string | undefined;
}

/** A column with whitespace removed and ASCII lower-cased, as the search documents hold it. */
const squeezed = (column: 'cases.number' | 'cases.subject' | 'cases.content') =>
  sql`lower(replace(replace(replace(replace(${sql.ref(column)}, ' ', ''), char(9), ''), char(10), ''), char(13), ''))`;

export function scopeToViewer<O>(
  query: SelectQueryBuilder<Database, 'cases', O>,
  viewer: CaseViewerScope,
): SelectQueryBuilder<Database, 'cases', O> {
  let q = query.where(sql<boolean>`coalesce(json_extract(cases.respondent, '$.userId'), '') != ${viewer.userId}`);
  const needle = viewer.confidentialNeedle;
  if (needle !== undefined) {
    q = q.where(
      sql<boolean>`(cases.confidential = 0 OR instr(${squeezed('cases.number')}, ${needle}) > 0 OR instr(${squeezed('cases.subject')}, ${needle}) > 0 OR instr(${squeezed('cases.content')}, ${needle}) > 0)`,
    );
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
