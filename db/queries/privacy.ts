import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface PersonCandidate {
  seqno: number;
  id: string;
  complainant: string;
  intake: string;
}

/**
 * The cases that may hold a person, a page at a time after `afterSeqno`: the complainant's phone
 * or ID number, and any case whose other complainants or witnesses carry a number at all (the
 * caller checks those one by one: a number may be written in many ways). A scan of the store,
 * for a request that comes rarely.
 */
export function casesNamingPerson(
  db: Kysely<Database>,
  key: { phone: string | null; idNumber: string | null },
  afterSeqno: number,
  limit: number,
): Promise<PersonCandidate[]> {
  return db
    .selectFrom('cases')
    .select(['seqno', 'id', 'complainant', 'intake'])
    .where('seqno', '>', afterSeqno)
    .where((eb) =>
      eb.or([
        ...(key.phone ? [eb('complainant_phone_key', '=', key.phone)] : []),
        ...(key.idNumber ? [eb(sql<string>`upper(replace(json_extract(complainant, '$.idNumber'), ' ', ''))`, '=', key.idNumber)] : []),
        eb('intake', 'like', '%"coComplainants"%'),
        eb('intake', 'like', '%"witnesses"%'),
      ]),
    )
    .orderBy('seqno')
    .limit(limit)
    .execute();
}

/** The kinds of data removed of each case, by case id. */
export async function removalsByCase(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (caseIds.length === 0) return out;
  const rows = await db.selectFrom('case_removals').select(['case_id', 'kind']).where('case_id', 'in', caseIds).execute();
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.kind]);
  return out;
}
