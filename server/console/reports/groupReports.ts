import type { Kysely } from 'kysely';
import type { ReportGroupRow } from '../../../domain/api/reportViews.ts';
import type { GroupAnalysis, GroupDashboard, SiteComparison } from '../../../domain/console/reportsViews.ts';
import { type FigureCounts, figuresOf, zeroCounts } from '../../../domain/reports/figures.ts';
import { compareSites, type GroupDimension, type RolledUp, type SiteRef } from '../../../domain/reports/groupFigures.ts';
import {
  type DashboardSpan,
  type PeriodRef,
  periodRange,
  previousPeriod,
  type Range,
  samePeriodLastYear,
  spanRange,
  timeBucketKeys,
} from '../../../domain/reports/periods.ts';
import { rolledUpCounts, rolledUpWorkload } from '../../store/caseRollups.ts';
import type { Dialect } from '../../store/migrations.ts';
import { type GroupCohort, groupCounts, listSites, referenceNames } from '../../store/reportQueries.ts';
import type { ServerDatabase } from '../../store/schema.ts';

type Db = Kysely<ServerDatabase>;

/**
 * The group's reports: the desk's figures (domain/reports) counted over the server's case
 * projection, rolled up per site and per the desk's groups. Periods are read in the group's
 * time zone (`utcOffsetMinutes`); each case's day is its site's local day, as on its desks.
 */
export interface GroupReportContext {
  db: Db;
  dialect: Dialect;
  now: Date;
  utcOffsetMinutes: number;
  groupName: string;
}

export async function siteRefs(db: Db): Promise<SiteRef[]> {
  return (await listSites(db)).map((s) => ({ id: s.id, name: s.name, visitsPerMonth: s.volume_per_month }));
}

const timeDimensions = new Set<GroupDimension>(['day', 'week', 'month']);

/** A rolled-up dimension as the desk's group rows, labelled and ordered as the desk orders them. */
async function rowsOf(
  db: Db,
  dimension: GroupDimension,
  keyed: ReadonlyMap<string | null, FigureCounts> | undefined,
  sites: readonly SiteRef[],
  range: Range,
  utcOffsetMinutes: number,
): Promise<ReportGroupRow[]> {
  const entries = [...(keyed ?? new Map<string | null, FigureCounts>())];
  let names = new Map<string, string>();
  if (dimension === 'site') names = new Map(sites.map((s) => [String(s.id), s.name]));
  if (dimension === 'category' || dimension === 'department' || dimension === 'respondentDepartment') {
    names = await referenceNames(
      db,
      dimension === 'category' ? 'category' : 'department',
      entries.map(([k]) => k),
    );
  }
  const rows: ReportGroupRow[] = entries.map(([key, counts]) => ({
    key,
    label: dimension === 'respondentPerson' ? key : key === null ? null : (names.get(key) ?? null),
    figures: figuresOf(counts),
  }));
  if (dimension === 'site') {
    // Every site, the quiet ones as zero, in the order they were added.
    const seen = new Set(rows.map((r) => r.key));
    for (const s of sites) if (!seen.has(String(s.id))) rows.push({ key: String(s.id), label: s.name, figures: figuresOf(zeroCounts()) });
    const order = new Map(sites.map((s, i) => [String(s.id), i]));
    return rows.sort((a, b) => (order.get(String(a.key)) ?? 0) - (order.get(String(b.key)) ?? 0));
  }
  if (timeDimensions.has(dimension)) {
    const seen = new Set(rows.map((r) => r.key));
    for (const key of timeBucketKeys(range, dimension as 'day' | 'week' | 'month', utcOffsetMinutes) ?? []) {
      if (!seen.has(key)) rows.push({ key, label: null, figures: figuresOf(zeroCounts()) });
    }
    return rows.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  }
  return rows.sort(
    (a, b) => b.figures.counts.registered - a.figures.counts.registered || String(a.key ?? '').localeCompare(String(b.key ?? '')),
  );
}

const sitesOf = (siteId: number | undefined) => (siteId ? [siteId] : undefined);

/** The cohort's counts from the roll-ups (caseRollups.ts), or counted case by case where they cannot answer. */
async function countsFor(ctx: GroupReportContext, cohort: GroupCohort, dimensions: readonly GroupDimension[]): Promise<RolledUp> {
  return (
    (await rolledUpCounts(ctx.db, ctx.dialect, cohort, dimensions, ctx.utcOffsetMinutes)) ??
    (await groupCounts(ctx.db, ctx.dialect, cohort, dimensions))
  );
}

export async function groupDashboard(ctx: GroupReportContext, span: DashboardSpan, siteId?: number): Promise<GroupDashboard> {
  const range = spanRange(span, ctx.now, ctx.utcOffsetMinutes);
  const now = ctx.now.toISOString();
  const cohort: GroupCohort = { ...range, now, siteIds: sitesOf(siteId) };
  const dimensions: GroupDimension[] = ['site', 'day', 'category', 'channel', 'severity'];
  const rolled = await countsFor(ctx, cohort, dimensions);
  const sites = await siteRefs(ctx.db);
  const shown = siteId ? sites.filter((s) => s.id === siteId) : sites;
  const rows = (d: GroupDimension) => rowsOf(ctx.db, d, rolled.per.get(d), shown, range, ctx.utcOffsetMinutes);
  const workload = await rolledUpWorkload(ctx.db, now, sitesOf(siteId));
  return {
    range,
    now,
    siteId: siteId ?? null,
    figures: figuresOf(rolled.total),
    bySite: await rows('site'),
    trend: await rows('day'),
    byCategory: await rows('category'),
    byChannel: await rows('channel'),
    bySeverity: await rows('severity'),
    workload: shown.map((s) => {
      const w = workload.find((x) => x.siteId === s.id);
      return { siteId: s.id, name: s.name, open: w?.open ?? 0, overdue: w?.overdue ?? 0 };
    }),
  };
}

async function figuresFor(ctx: GroupReportContext, range: Range, siteId?: number) {
  return figuresOf((await countsFor(ctx, { ...range, now: ctx.now.toISOString(), siteIds: sitesOf(siteId) }, [])).total);
}

export async function groupAnalysis(ctx: GroupReportContext, period: PeriodRef, siteId?: number): Promise<GroupAnalysis> {
  const offset = ctx.utcOffsetMinutes;
  const range = periodRange(period, offset);
  const previousRange = periodRange(previousPeriod(period), offset);
  const lastYearRange = periodRange(samePeriodLastYear(period), offset);
  const bucket = period.kind === 'month' ? 'day' : 'month';
  const now = ctx.now.toISOString();
  const dimensions: GroupDimension[] = ['site', bucket, 'category', 'channel', 'severity', 'type'];
  const rolled = await countsFor(ctx, { ...range, now, siteIds: sitesOf(siteId) }, dimensions);
  const sites = await siteRefs(ctx.db);
  const shown = siteId ? sites.filter((s) => s.id === siteId) : sites;
  const rows = (d: GroupDimension) => rowsOf(ctx.db, d, rolled.per.get(d), shown, range, offset);
  return {
    groupName: ctx.groupName,
    siteId: siteId ?? null,
    siteName: shown.length === 1 && siteId ? (shown[0]?.name ?? null) : null,
    period,
    range,
    previousRange,
    lastYearRange,
    generatedAt: now,
    current: figuresOf(rolled.total),
    previous: await figuresFor(ctx, previousRange, siteId),
    lastYear: await figuresFor(ctx, lastYearRange, siteId),
    trend: { bucket, rows: await rows(bucket) },
    bySite: await rows('site'),
    byCategory: await rows('category'),
    byChannel: await rows('channel'),
    bySeverity: await rows('severity'),
    byType: await rows('type'),
    comparison: compareSites(shown, rolled.per.get('site') ?? new Map(), range),
  };
}

export async function siteComparison(ctx: GroupReportContext, range: Range): Promise<SiteComparison> {
  const rolled = await countsFor(ctx, { ...range, now: ctx.now.toISOString() }, ['site']);
  return { range, rows: compareSites(await siteRefs(ctx.db), rolled.per.get('site') ?? new Map(), range) };
}
