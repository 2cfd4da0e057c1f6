import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DrillFigure } from '../../domain/console/reportsSchemas.ts';
import { addCounts, type FigureCounts, satisfiedFrom, zeroCounts } from '../../domain/reports/figures.ts';
import type { GroupDimension, RolledUp } from '../../domain/reports/groupFigures.ts';
import type { Dialect } from './migrations.ts';
import { runningClocks, runningDueOf } from './openWorkQueries.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/**
 * The analysis figures' counts over the group's case projection (case_projection), the same
 * predicates as domain/reports/figures.ts `countCase` and the desk's SQL (db/queries/reports.ts),
 * in SQL both SQLite and PostgreSQL run. The cohort: cases received in [from, to), duplicates
 * merged into another case left out, of the sites asked for (all when none). A case transferred
 * to another site counts as its desks count it (db/queries/transferCounting.ts): its intake at
 * the site where it was registered, its handling at the site that holds it, once in the group.
 */
export interface GroupCohort {
  from: string;
  to: string;
  now: string;
  siteIds?: readonly number[] | undefined;
}

const dimensionColumn: Record<GroupDimension, string> = {
  site: 'c.count_site',
  day: 'c.received_day',
  week: 'c.received_week',
  month: 'substr(c.received_day, 1, 7)',
  category: 'c.category_id',
  department: 'c.department_id',
  channel: 'c.channel',
  severity: 'c.severity',
  type: 'c.type',
  status: 'c.status',
  respondentDepartment: 'c.respondent_department_id',
  respondentPerson: 'c.respondent_person',
  handler: 'c.handler_id',
};

const n = (v: unknown) => Number(v ?? 0);

export function countsOf(row: Record<string, unknown>): FigureCounts {
  return {
    registered: n(row.registered),
    complaints: n(row.complaints),
    accepted: n(row.accepted),
    declined: n(row.declined),
    closed: n(row.closed),
    acceptedClosed: n(row.accepted_closed),
    clockDecided: { acknowledge: n(row.ack_decided), feedback: n(row.feedback_decided), resolve: n(row.resolve_decided) },
    clockMet: { acknowledge: n(row.ack_met), feedback: n(row.feedback_met), resolve: n(row.resolve_met) },
    answered: n(row.answered),
    followedUp: n(row.followed_up),
    rated: n(row.rated),
    satisfied: n(row.satisfied),
    withFinding: n(row.with_finding),
    valid: n(row.valid),
    repeats: n(row.repeats),
    handledWithDays: n(row.handled_with_days),
    handlingDaysTotal: n(row.handling_days_total),
  };
}

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
/** Counted where the case is handled: every figure but its intake. */
const handled = (condition: string) => flag(`c.handled = 1 AND ${condition}`);

/** A clock's outcome in SQL: domain/deadlines/onTime.ts clockOutcome. */
const decided = (k: string) => `(c.${k}_met_at IS NOT NULL OR c.${k}_breached_at IS NOT NULL OR c.${k}_due < :now)`;
const met = (k: string) => `(c.${k}_met_at IS NOT NULL AND c.${k}_met_at <= c.${k}_due AND c.${k}_breached_at IS NULL)`;

/** What one row of the cohort (`c`) adds to each count: summed by the cohort queries, kept per day by the roll-ups. */
const countColumns = [
  ['complaints', flag("c.intake = 1 AND c.type = 'complaint'")],
  ['accepted', handled('c.accepted_at IS NOT NULL')],
  ['declined', handled('c.declined = 1')],
  ['closed', handled('c.closed_at IS NOT NULL')],
  ['accepted_closed', handled('c.accepted_at IS NOT NULL AND c.closed_at IS NOT NULL')],
  ['ack_decided', handled(decided('ack'))],
  ['ack_met', handled(met('ack'))],
  ['feedback_decided', handled(decided('feedback'))],
  ['feedback_met', handled(met('feedback'))],
  ['resolve_decided', handled(decided('resolve'))],
  ['resolve_met', handled(met('resolve'))],
  ['answered', handled('c.accepted_at IS NOT NULL AND c.resolve_done_at IS NOT NULL')],
  ['followed_up', handled('c.accepted_at IS NOT NULL AND c.resolve_done_at IS NOT NULL AND c.follow_ups > 0')],
  ['rated', handled('c.last_satisfaction IS NOT NULL')],
  ['satisfied', handled(`c.last_satisfaction >= ${satisfiedFrom}`)],
  ['with_finding', handled("c.type = 'complaint' AND c.finding IS NOT NULL")],
  ['valid', handled("c.type = 'complaint' AND c.finding = 'valid'")],
  ['repeats', handled("c.type = 'complaint' AND c.is_repeat = 1")],
  ['handled_with_days', handled('c.closed_at IS NOT NULL AND c.handling_days IS NOT NULL')],
  [
    'handling_days_total',
    'CASE WHEN c.handled = 1 AND c.closed_at IS NOT NULL AND c.handling_days IS NOT NULL THEN c.handling_days ELSE 0 END',
  ],
] as const;

/** The counts' column names, `registered` first (the intake), in the roll-up table's order. */
export const countNames = ['registered', ...countColumns.map(([name]) => name)];

/** An expression of this file's SQL with the instant it is taken at bound. */
const boundNow = (condition: string, now: string) =>
  sql.join(
    condition.split(':now').map((p) => sql.raw(p)),
    sql`${now}`,
  );

/**
 * The count columns with `now` bound, summed (`sum`) or as one row's 0/1. With `now` the empty
 * string no running clock is decided (every due time sorts after it): the counts that do not
 * change as time passes, which the roll-ups keep; the clocks running past their due time with no
 * breach recorded yet are added when read (`pendingLate`).
 */
export function countSelect(now: string, summed = true) {
  return sql.join(
    countColumns.map(([name, expression]) => {
      const bound = boundNow(expression, now);
      return summed ? sql`sum(${bound}) AS ${sql.ref(name)}` : sql`${bound} AS ${sql.ref(name)}`;
    }),
  );
}

/** A clock running past its due time at `now` with no breach recorded: decided, and late, as of `now`. */
const pendingClock = (k: string) => `(c.${k}_met_at IS NULL AND c.${k}_breached_at IS NULL AND c.${k}_due < :now)`;

/** The roll-ups' complement: per case counted where handled, its clocks decided only by `now`. */
function pendingSelect(now: string) {
  const clocks = [
    ['ack_decided', 'ack'],
    ['feedback_decided', 'feedback'],
    ['resolve_decided', 'resolve'],
  ] as const;
  return sql.join(clocks.map(([name, k]) => sql`sum(${boundNow(handled(pendingClock(k)), now)}) AS ${sql.ref(name)}`));
}

/**
 * The rows as the reports count them, as the table `c`: each case once, `count_site` the site
 * where it was registered, with `intake` 1 and `handled` 1 when that site holds it; a case held
 * by another site once more under that site, with `intake` 0 and `handled` 1. The second reading
 * is of the few moved cases only (a partial index over them). `where` reads the table as `p`.
 */
export function countedRows(where: RawBuilder<unknown>, siteIds?: readonly number[] | undefined) {
  const sites = (column: string) => (siteIds && siteIds.length > 0 ? sql`AND ${sql.ref(column)} IN (${sql.join([...siteIds])})` : sql``);
  return sql`(
    SELECT p.*, p.registered_site_id AS count_site, 1 AS intake,
      CASE WHEN p.site_id = p.registered_site_id THEN 1 ELSE 0 END AS handled
    FROM case_projection p WHERE ${where} ${sites('p.registered_site_id')}
    UNION ALL
    SELECT p.*, p.site_id AS count_site, 0 AS intake, 1 AS handled
    FROM case_projection p WHERE p.site_id <> p.registered_site_id AND ${where} ${sites('p.site_id')}
  ) c`;
}

/** The cohort: cases received in [from, to), duplicates merged into another case left out. */
export function cohortRows(f: GroupCohort, also?: RawBuilder<unknown>) {
  const range = sql`p.received_at >= ${f.from} AND p.received_at < ${f.to} AND p.merged = 0`;
  return countedRows(also ? sql`${range} AND (${also})` : range, f.siteIds);
}

/**
 * What a cohort query counts: every figure (`all`), or only the clocks running past their due
 * time at `now` with no breach recorded (`pendingLate`), the part of the figures the roll-ups
 * leave to the moment they are read.
 */
export type Counted = 'all' | 'pendingLate';

const countedSelect = (counted: Counted, now: string) =>
  counted === 'all' ? sql`sum(c.intake) AS registered, ${countSelect(now)}` : pendingSelect(now);
const cohortOf = (f: GroupCohort, counted: Counted) =>
  counted === 'all' ? cohortRows(f) : cohortRows(f, sql`(${runningClocks}) AND ${sql.raw(runningDueOf('p.'))} < ${f.now}`);

/**
 * FigureCounts of the cohort per combination of the dimensions asked (one pass), or one row
 * with none. The caller rolls the rows up per dimension: the counts are additive.
 */
export async function groupCube(
  db: Db,
  f: GroupCohort,
  dimensions: readonly GroupDimension[],
  counted: Counted = 'all',
): Promise<{ keys: (string | null)[]; counts: FigureCounts }[]> {
  const keys = dimensions.map((d, i) => sql`${sql.raw(dimensionColumn[d])} AS ${sql.ref(`k${i}`)}`);
  const select = keys.length > 0 ? sql`${sql.join(keys)}, ` : sql``;
  const group = keys.length > 0 ? sql`GROUP BY ${sql.raw(dimensions.map((d) => dimensionColumn[d]).join(', '))}` : sql``;
  const result = await sql<Record<string, unknown>>`
    SELECT ${select} count(*) AS cohort_rows, ${countedSelect(counted, f.now)}
    FROM ${cohortOf(f, counted)}
    ${group}`.execute(db);
  return result.rows
    .filter((row) => n(row.cohort_rows) > 0)
    .map((row) => ({
      keys: dimensions.map((_, i) => {
        const v = row[`k${i}`];
        return v === null || v === undefined ? null : String(v);
      }),
      counts: countsOf(row),
    }));
}

export const listSites = (db: Db) => db.selectFrom('sites').select(['id', 'name', 'volume_per_month']).orderBy('id').execute();

/** Names of categories and departments as the sites sent them (the first site's name of an id wins). */
export async function referenceNames(
  db: Db,
  kind: 'category' | 'department',
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  const names = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('reference_records')
      .select(['key', 'row'])
      .where('kind', '=', kind)
      .where('key', 'in', wanted.slice(i, i + 500))
      .orderBy('site_id')
      .execute();
    for (const r of rows) {
      if (!r.row || names.has(r.key)) continue;
      const name = (JSON.parse(r.row) as { name?: unknown }).name;
      if (typeof name === 'string') names.set(r.key, name);
    }
  }
  return names;
}

/** The columns a list of cases shows (no personal data: the console masks or reveals it apart). */
export const caseLineColumns = [
  'c.case_id',
  'c.site_id',
  'c.number',
  'c.subject',
  'c.status',
  'c.severity',
  'c.type',
  'c.channel',
  'c.received_at',
  'c.closed_at',
  'c.complainant_name',
  'c.complainant_phone',
  'c.confidential',
  'c.anonymous',
] as const;

/**
 * A drill-down's SQL for each figure: which of the cohort's cases the figure counts, read where
 * the figure counts them (intake where registered, the rest where held), so each case once.
 */
const figureCondition: Record<DrillFigure, string> = {
  registered: 'c.intake = 1',
  complaints: "c.intake = 1 AND c.type = 'complaint'",
  accepted: 'c.handled = 1 AND c.accepted_at IS NOT NULL',
  declined: 'c.handled = 1 AND c.declined = 1',
  closed: 'c.handled = 1 AND c.closed_at IS NOT NULL',
  open: 'c.handled = 1 AND c.closed_at IS NULL',
  valid: "c.handled = 1 AND c.type = 'complaint' AND c.finding = 'valid'",
  repeats: "c.handled = 1 AND c.type = 'complaint' AND c.is_repeat = 1",
  satisfied: `c.handled = 1 AND c.last_satisfaction >= ${satisfiedFrom}`,
  unsatisfied: `c.handled = 1 AND c.last_satisfaction < ${satisfiedFrom}`,
  'late.acknowledge': `c.handled = 1 AND ${decided('ack')} AND NOT ${met('ack')}`,
  'late.feedback': `c.handled = 1 AND ${decided('feedback')} AND NOT ${met('feedback')}`,
  'late.resolve': `c.handled = 1 AND ${decided('resolve')} AND NOT ${met('resolve')}`,
};

/** A clock missed (the figures' on-time predicate negated), as the analysis lists overdue cases. */
export const lateClock = (clock: 'acknowledge' | 'feedback' | 'resolve', now: string) => boundNow(figureCondition[`late.${clock}`], now);

/** The cases a figure counts, newest first, `limit` after `offset`, with the total. */
export async function figureCases(
  db: Db,
  f: GroupCohort,
  figure: DrillFigure,
  where: { dimension: GroupDimension; key: string | null } | null,
  page: { limit: number; offset: number },
) {
  const bound = boundNow(figureCondition[figure], f.now);
  const column = where ? sql.raw(dimensionColumn[where.dimension]) : null;
  const group = column ? (where?.key === null ? sql`AND ${column} IS NULL` : sql`AND ${column} = ${where?.key}`) : sql``;
  const base = sql`FROM ${cohortRows(f)} WHERE (${bound}) ${group}`;
  const total = await sql<{ n: unknown }>`SELECT count(*) AS n ${base}`.execute(db);
  const rows = await sql<CaseLineRow>`
    SELECT ${sql.join(caseLineColumns.map((col) => sql.ref(col)))} ${base}
    ORDER BY c.received_at DESC, c.case_id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { total: n(total.rows[0]?.n), rows: rows.rows };
}

export interface CaseLineRow {
  case_id: string;
  site_id: number;
  number: string;
  subject: string;
  status: string;
  severity: string;
  type: string;
  channel: string;
  received_at: string;
  closed_at: string | null;
  complainant_name: string;
  complainant_phone: string | null;
  confidential: number;
  anonymous: number;
}

/** Cases closed in [from, to), whenever received, of the sites asked for (all when none). */
export async function closedBetween(db: Db, range: { from: string; to: string }, siteIds?: readonly number[]): Promise<number> {
  let query = db
    .selectFrom('case_projection')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('closed_at', '>=', range.from)
    .where('closed_at', '<', range.to);
  if (siteIds && siteIds.length > 0) query = query.where('site_id', 'in', [...siteIds]);
  return n((await query.executeTakeFirstOrThrow()).n);
}

/**
 * The cohort's counts in all and per key of each dimension, rolled up by the database in one
 * pass: GROUPING SETS on PostgreSQL (one scan however many dimensions), one grouped query a
 * dimension on SQLite (which has none). The same counts as rolling up `groupCube`.
 */
export async function groupCounts(
  db: Db,
  dialect: Dialect,
  f: GroupCohort,
  dimensions: readonly GroupDimension[],
  counted: Counted = 'all',
): Promise<RolledUp> {
  const total = zeroCounts();
  const per = new Map<GroupDimension, Map<string | null, FigureCounts>>(dimensions.map((d) => [d, new Map()]));
  if (dialect === 'postgres' && dimensions.length > 0) {
    const columns = dimensions.map((d) => sql.raw(dimensionColumn[d]));
    const sets = sql.join([sql`()`, ...columns.map((c) => sql`(${c})`)]);
    const keys = dimensions.map((d, i) => sql`${sql.raw(dimensionColumn[d])}::text AS ${sql.ref(`k${i}`)}`);
    const flags = dimensions.map((d, i) => sql`GROUPING(${sql.raw(dimensionColumn[d])}) AS ${sql.ref(`g${i}`)}`);
    const result = await sql<Record<string, unknown>>`
      SELECT ${sql.join(keys)}, ${sql.join(flags)}, ${countedSelect(counted, f.now)}
      FROM ${cohortOf(f, counted)}
      GROUP BY GROUPING SETS (${sets})`.execute(db);
    for (const row of result.rows) {
      const counts = countsOf(row);
      const i = dimensions.findIndex((_, j) => Number(row[`g${j}`]) === 0);
      if (i < 0) addCounts(total, counts);
      else {
        const v = row[`k${i}`];
        per.get(dimensions[i] as GroupDimension)?.set(v === null || v === undefined ? null : String(v), counts);
      }
    }
    return { total, per };
  }
  addCounts(total, (await groupCube(db, f, [], counted))[0]?.counts ?? zeroCounts());
  for (const d of dimensions) {
    for (const row of await groupCube(db, f, [d], counted)) per.get(d)?.set(row.keys[0] ?? null, row.counts);
  }
  return { total, per };
}
