import { CompiledQuery, type Kysely, sql } from 'kysely';
import { repeatWindowDays } from '../../domain/reports/figures.ts';
import type { Database } from '../schema.ts';
import { seqnoOf } from './caseSeqno.ts';
import { compiledOnce } from './compiledOnce.ts';
import { type CountedRow, countBits, countedColumns, countedSelect, intakeElsewhereBit, shiftOf } from './reportCounted.ts';
import { phoneMonthOf, rebuildPhoneMonths, recountPhoneMonths, samePhoneCount } from './reportPhones.ts';

/**
 * The report roll-ups (migration 11): per case, what it adds to the reports (`report_counted`:
 * its keys and one bit per count); per local day and dimension key, the sums (`report_daily`).
 * A case's row is computed by the SAME predicates as the cohort query in reports.ts, minus the
 * part that depends on `now` (a clock still running past its deadline, added when read), and
 * the day's sums change by exactly the difference between its old and new row: additive, kept
 * in the transaction of the event, never a cache that can go stale.
 */

/** The dimensions kept per day; 'all' is the day's total (and the time buckets). */
export const rollupDimensions = {
  all: null,
  category: 'category',
  department: 'department',
  channel: 'channel',
  severity: 'severity',
  type: 'type',
  status: 'status',
  respondentDepartment: 'respondent_department',
  respondentPerson: 'respondent_person',
  handler: 'handler',
} as const;
export type RollupDimension = keyof typeof rollupDimensions;
type KeyColumn = Exclude<(typeof rollupDimensions)[RollupDimension], null>;

const countedOffset = compiledOnce(
  () => sql<{ utc_offset_minutes: number }>`SELECT utc_offset_minutes FROM report_rollup_state WHERE id = 1`,
);

/** The UTC offset the roll-ups were counted under, or null before they are built. */
export async function rollupOffset(db: Kysely<Database>): Promise<number | null> {
  return (await countedOffset(db, {}))[0]?.utc_offset_minutes ?? null;
}

const sameRow = (a: CountedRow | undefined, b: CountedRow | undefined) =>
  a === b || (a !== undefined && b !== undefined && countedColumns.every((k) => a[k] === b[k]));

/** A change of one `report_daily` row: its key and what it adds to `registered`, each count and the handling days. */
interface DailyChange {
  dimension: RollupDimension;
  day: string;
  key: string;
  adds: number[];
}

/** One row per dimension of the case's day: its counts, added (sign 1) or subtracted (sign -1). */
function dailyChanges(row: CountedRow, sign: 1 | -1): DailyChange[] {
  if (row.counted !== 1) return [];
  const intake = (row.flags >> intakeElsewhereBit) & 1 ? 0 : sign;
  const adds = [intake, ...countBits.map((_, i) => sign * ((row.flags >> i) & 1)), sign * (row.handling_days ?? 0)];
  return (Object.entries(rollupDimensions) as [RollupDimension, KeyColumn | null][]).map(([dimension, column]) => ({
    dimension,
    day: row.day,
    key: column ? row[column] : '',
    adds,
  }));
}

/** Rows of one multi-row upsert of `report_daily`: well under SQLite's limit on bound values. */
const dailyRowsPerStatement = 500;

const dailyColumns = ['registered', ...countBits, 'handling_days_total'];
/** The upsert's text for `rows` rows, written once per row count: every case write runs it, and building it anew cost more than running it. */
const dailyUpserts = new Map<number, string>();
function dailyUpsert(rows: number): string {
  let text = dailyUpserts.get(rows);
  if (text === undefined) {
    const row = `(${Array.from({ length: 3 + dailyColumns.length }, () => '?').join(', ')})`;
    text = `INSERT INTO report_daily (dimension, day, key, ${dailyColumns.map((c) => `"${c}"`).join(', ')})
      VALUES ${Array.from({ length: rows }, () => row).join(', ')}
      ON CONFLICT (dimension, day, key) DO UPDATE SET ${dailyColumns.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')}`;
    dailyUpserts.set(rows, text);
  }
  return text;
}

/** Adds the changes to `report_daily`, a row created where its key has none yet. */
async function writeDailyChanges(db: Kysely<Database>, changes: readonly DailyChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += dailyRowsPerStatement) {
    const part = changes.slice(i, i + dailyRowsPerStatement);
    await db.executeQuery(
      CompiledQuery.raw(
        dailyUpsert(part.length),
        part.flatMap((c) => [c.dimension, c.day, c.key, ...c.adds]),
      ),
    );
  }
}

/**
 * The `report_daily` changes of many cases, summed per row, to be written at once
 * (`flushDailyChanges`) in the same transaction: the sums are additive, so the rows end as they
 * would one case at a time, a row whose changes cancel out included.
 */
export type DailyChanges = Map<string, DailyChange>;

function addChanges(into: DailyChanges, changes: readonly DailyChange[]): void {
  for (const c of changes) {
    const id = JSON.stringify([c.dimension, c.day, c.key]);
    const kept = into.get(id);
    if (kept) kept.adds = kept.adds.map((n, i) => n + (c.adds[i] ?? 0));
    else into.set(id, { ...c, adds: [...c.adds] });
  }
}

/** Writes the changes kept and empties them. */
export async function flushDailyChanges(db: Kysely<Database>, changes: DailyChanges): Promise<void> {
  const all = [...changes.values()];
  changes.clear();
  await writeDailyChanges(db, all);
}

/** Moves a case's counts from what its old row added to what its new row adds: one statement, or kept in `pending`. */
async function applyChange(
  db: Kysely<Database>,
  old: CountedRow | undefined,
  next: CountedRow | undefined,
  pending?: DailyChanges,
): Promise<void> {
  const changes = [...(old ? dailyChanges(old, -1) : []), ...(next ? dailyChanges(next, 1) : [])];
  if (pending) addChanges(pending, changes);
  else if (changes.length > 0) await writeDailyChanges(db, changes);
}

/** One case's counted row: the SELECT is long, and compiling it on every case write cost more than SQLite's running it. */
const countedOfCase = compiledOnce((_, v: { caseId: string; shift: string }) => countedSelect(v.shift, sql`c.id = ${v.caseId}`));
const storedCounted = compiledOnce(
  (_, v: { caseId: string }) => sql<CountedRow>`SELECT * FROM report_counted WHERE case_seqno = ${seqnoOf(v.caseId)}`,
);
const deleteCounted = compiledOnce((_, v: { caseId: string }) => sql`DELETE FROM report_counted WHERE case_seqno = ${seqnoOf(v.caseId)}`);

const replaceCounted = `INSERT OR REPLACE INTO report_counted (${countedColumns.map((c) => `"${c}"`).join(', ')})
  VALUES (${countedColumns.map(() => '?').join(', ')})`;

/** `fresh`: the case was inserted in this transaction, so it has no counted row yet to read. */
async function refreshOne(db: Kysely<Database>, caseId: string, utcOffsetMinutes: number, pending?: DailyChanges, fresh = false) {
  const old = fresh ? undefined : (await storedCounted(db, { caseId }))[0];
  const [next] = await countedOfCase(db, { caseId, shift: shiftOf(utcOffsetMinutes) });
  if (sameRow(old, next)) return { old, next, changed: false };
  await applyChange(db, old, next, pending);
  if (next)
    await db.executeQuery(
      CompiledQuery.raw(
        replaceCounted,
        countedColumns.map((c) => next[c]),
      ),
    );
  else await deleteCounted(db, { caseId });
  if (!samePhoneCount(old, next))
    await recountPhoneMonths(
      db,
      [phoneMonthOf(old), phoneMonthOf(next)].filter((p) => p !== null),
    );
  return { old, next, changed: true };
}

/** The complainant's other cases received in the repeat window after one of theirs. */
const laterOfPhone = compiledOnce(
  (_, v: { phone: string; caseId: string; after: string; until: string }) => sql<{ id: string }>`
    SELECT id FROM cases WHERE complainant_phone = ${v.phone} AND id <> ${v.caseId}
      AND received_at > ${v.after} AND received_at <= ${v.until}`,
);

/**
 * Brings a case's share of the roll-ups up to date: called by the projection step (storeNewCase,
 * updateCase) after the event's facts and clocks are written, in the same transaction. A change
 * of what makes a later complaint a repeat (phone, category, receipt time, merged) refreshes the
 * complainant's cases within the repeat window after it too. `pending`: the `report_daily`
 * changes are kept there for `flushDailyChanges`, so that many cases (a pulled page) write them
 * in a few statements; nothing may read `report_daily` before. `fresh`: the case's row was
 * inserted in this transaction (it has no counted row yet).
 */
export async function refreshReportRollup(db: Kysely<Database>, caseId: string, pending?: DailyChanges, fresh = false): Promise<void> {
  const offset = await rollupOffset(db);
  if (offset === null) return;
  const { old, next, changed } = await refreshOne(db, caseId, offset, pending, fresh);
  if (!changed) return;
  const repeatKey = (r: CountedRow | undefined) => (r ? `${r.phone}|${r.category}|${r.received_at}|${r.counted}` : '');
  if (repeatKey(old) === repeatKey(next)) return;
  for (const r of [old, next]) {
    if (!r?.phone) continue;
    const until = new Date(Date.parse(r.received_at) + repeatWindowDays * 86_400_000).toISOString();
    const later = await laterOfPhone(db, { phone: r.phone, caseId, after: r.received_at, until });
    for (const { id } of later) await refreshOne(db, id, offset, pending);
  }
}

/**
 * The roll-ups' share of cases stored for the first time (a pulled page's new cases), after
 * their facts and clocks: their rows computed in one query and inserted together, their day
 * changes kept in `pending`. The complainant's cases already held, received within the repeat
 * window after one of them, are refreshed as `refreshReportRollup` would (the new cases among
 * themselves are counted together, so each sees the others).
 */
export async function countNewCases(db: Kysely<Database>, caseIds: readonly string[], pending: DailyChanges): Promise<void> {
  if (caseIds.length === 0) return;
  const offset = await rollupOffset(db);
  if (offset === null) return;
  const ids = JSON.stringify(caseIds);
  const rows = (await countedSelect(shiftOf(offset), sql`c.id IN (SELECT value FROM json_each(${ids}))`).execute(db)).rows;
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((next) => sql`(${sql.join(countedColumns.map((c) => next[c]))})`);
    await sql`INSERT OR REPLACE INTO report_counted (${sql.join(countedColumns.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(
      db,
    );
  }
  for (const next of rows) addChanges(pending, dailyChanges(next, 1));
  await recountPhoneMonths(
    db,
    rows.map(phoneMonthOf).filter((p) => p !== null),
  );
  const phoned = rows.filter((r) => r.phone).map((r) => [r.phone, r.received_at]);
  if (phoned.length === 0) return;
  const later = await sql<{ id: string }>`
    SELECT DISTINCT l.id FROM json_each(${JSON.stringify(phoned)}) f
    JOIN cases l ON l.complainant_phone = json_extract(f.value, '$[0]')
      AND l.received_at > json_extract(f.value, '$[1]')
      AND l.received_at <= strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(f.value, '$[1]'), ${`+${repeatWindowDays} days`})
    WHERE l.id NOT IN (SELECT value FROM json_each(${ids}))`.execute(db);
  for (const { id } of later.rows) await refreshOne(db, id, offset, pending);
}

/**
 * Counts every case again from its projection, facts and clocks, under `utcOffsetMinutes`:
 * the one command that rebuilds the roll-ups (after an upgrade, a bulk load, a new offset).
 */
export async function rebuildReportRollups(db: Kysely<Database>, utcOffsetMinutes: number, at: string): Promise<void> {
  await sql`DELETE FROM report_counted`.execute(db);
  await sql`DELETE FROM report_daily`.execute(db);
  await sql`INSERT INTO report_counted (${sql.join(countedColumns.map((c) => sql.ref(c)))})
    ${countedSelect(shiftOf(utcOffsetMinutes), sql`1`)}`.execute(db);
  const sums = sql.join([
    sql`count(*)`,
    ...countBits.map((_, i) => sql`sum((flags >> ${sql.lit(i)}) & 1)`),
    sql`coalesce(sum(handling_days), 0)`,
  ]);
  for (const [dimension, column] of Object.entries(rollupDimensions) as [RollupDimension, KeyColumn | null][]) {
    const key = column ? sql.ref(column) : sql`''`;
    await sql`INSERT INTO report_daily (dimension, day, key, ${sql.join(dailyColumns.map((c) => sql.ref(c)))})
      SELECT ${dimension}, day, ${key}, ${sums} FROM report_counted WHERE counted = 1 GROUP BY day, ${key}`.execute(db);
  }
  await rebuildPhoneMonths(db);
  await sql`INSERT INTO report_rollup_state (id, utc_offset_minutes, built_at) VALUES (1, ${utcOffsetMinutes}, ${at})
    ON CONFLICT (id) DO UPDATE SET utc_offset_minutes = excluded.utc_offset_minutes, built_at = excluded.built_at`.execute(db);
}

/** The last case (seqno) a start found with its clocks and report facts (0 before the roll-ups). */
export async function checkedThrough(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`SELECT checked_through AS n FROM report_rollup_state WHERE id = 1`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export async function markCheckedThrough(db: Kysely<Database>, seqno: number): Promise<void> {
  await sql`UPDATE report_rollup_state SET checked_through = ${seqno} WHERE id = 1`.execute(db);
}
