import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

/**
 * The kept counts per complainant phone and local month (migration 22, `report_phone_month`),
 * read by the analysis's repeat complainants (reportLists.ts). Each row is a recount of the
 * complaints `report_counted` holds for its phone and month, so it is whatever `report_counted`
 * says: changed in the same transaction, after the case's counted row (reportRollups.ts).
 */

/** What of a counted row the phone counts depend on. */
export interface PhoneCounted {
  phone: string | null;
  type: string;
  day: string;
  received_at: string;
  confidential: number;
}

/** The phone and month a counted row adds to, or null when it adds to none (no phone, not a complaint). */
export function phoneMonthOf(row: PhoneCounted | undefined): [string, string] | null {
  return row?.phone && row.type === 'complaint' ? [row.phone, row.day.slice(0, 7)] : null;
}

export const samePhoneCount = (a: PhoneCounted | undefined, b: PhoneCounted | undefined) =>
  (a === undefined && b === undefined) ||
  (a !== undefined &&
    b !== undefined &&
    a.phone === b.phone &&
    a.type === b.type &&
    a.day === b.day &&
    a.received_at === b.received_at &&
    a.confidential === b.confidential);

/**
 * Counts again the rows of these phones and months from `report_counted`, then marks every month
 * of each phone repeating or not by its total: a few rows per phone, read from their indexes.
 */
export async function recountPhoneMonths(db: Kysely<Database>, pairs: readonly [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  const unique = [...new Map(pairs.map((p) => [JSON.stringify(p), p])).values()];
  const pairsJson = JSON.stringify(unique);
  await deletePhoneMonths(db, { pairs: pairsJson });
  await countPhoneMonths(db, { pairs: pairsJson });
  await markRepeating(db, { phones: JSON.stringify([...new Set(unique.map(([phone]) => phone))]) });
}

/** `pairs`: a JSON array of [phone, month]. */
const deletePhoneMonths = compiledOnce(
  (_, v: { pairs: string }) => sql`DELETE FROM report_phone_month WHERE (phone, month) IN
    (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${v.pairs}))`,
);
const countPhoneMonths = compiledOnce(
  (_, v: { pairs: string }) => sql`INSERT INTO report_phone_month (phone, month, cases, confidential, latest_at, repeating)
    SELECT b.phone, substr(b.day, 1, 7), count(*), sum(b.confidential), max(b.received_at), 0
    FROM json_each(${v.pairs}) p JOIN report_counted b INDEXED BY report_counted_by_phone
      ON b.phone = json_extract(p.value, '$[0]') AND b.type = 'complaint'
      AND b.day >= json_extract(p.value, '$[1]') || '-01' AND b.day < json_extract(p.value, '$[1]') || '-32'
    GROUP BY b.phone, substr(b.day, 1, 7)`,
);
/** `phones`: a JSON array of phones; each month of theirs is marked by the phone's total. */
const markRepeating = compiledOnce(
  (_, v: { phones: string }) => sql`UPDATE report_phone_month
    SET repeating = (SELECT sum(t.cases) FROM report_phone_month t WHERE t.phone = report_phone_month.phone) > 1
    WHERE phone IN (SELECT value FROM json_each(${v.phones}))`,
);

/** Counts every phone and month again from `report_counted`: part of the roll-ups' rebuild command. */
export async function rebuildPhoneMonths(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM report_phone_month`.execute(db);
  await sql`INSERT INTO report_phone_month (phone, month, cases, confidential, latest_at, repeating)
    SELECT phone, substr(day, 1, 7), count(*), sum(confidential), max(received_at), 0
    FROM report_counted WHERE phone IS NOT NULL AND type = 'complaint' GROUP BY phone, substr(day, 1, 7)`.execute(db);
  await sql`UPDATE report_phone_month SET repeating = 1
    WHERE phone IN (SELECT phone FROM report_phone_month GROUP BY phone HAVING sum(cases) > 1)`.execute(db);
}

/**
 * The whole local months (under `utcOffsetMinutes`) inside [from, to): the first and the one after
 * the last ('YYYY-MM'), and where they begin and end in UTC. None: `start` = `end` = `to`.
 */
export function wholeMonths(from: string, to: string, utcOffsetMinutes: number) {
  const shift = utcOffsetMinutes * 60_000;
  const localFrom = new Date(Date.parse(from) + shift);
  const localTo = new Date(Date.parse(to) + shift);
  let first = Date.UTC(localFrom.getUTCFullYear(), localFrom.getUTCMonth(), 1);
  if (first < localFrom.getTime()) first = Date.UTC(localFrom.getUTCFullYear(), localFrom.getUTCMonth() + 1, 1);
  const after = Date.UTC(localTo.getUTCFullYear(), localTo.getUTCMonth(), 1);
  if (!(first < after)) return { fromMonth: '', toMonth: '', start: to, end: to };
  const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);
  return {
    fromMonth: month(first),
    toMonth: month(after),
    start: new Date(first - shift).toISOString(),
    end: new Date(after - shift).toISOString(),
  };
}
