import { addCounts, type FigureCounts, type Figures, figuresOf, type Rate, zeroCounts } from './figures.ts';
import type { ReportGroup } from './groups.ts';
import type { Range } from './periods.ts';

/**
 * The group's figures: the desk's counts (domain/reports/figures.ts) of every site's cases,
 * rolled up per site as well as per the desk's own groups. A site's figures are those its desks
 * show for the same cases, and the group's are their sum; nothing here defines a figure anew.
 */
export type GroupDimension = 'site' | ReportGroup;

export interface CubeRow {
  keys: (string | null)[];
  counts: FigureCounts;
}

export interface RolledUp {
  total: FigureCounts;
  per: Map<GroupDimension, Map<string | null, FigureCounts>>;
}

/** Rolls a cube (one row per combination of `dimensions`) up per dimension; the counts are additive. */
export function rollUp(cube: readonly CubeRow[], dimensions: readonly GroupDimension[]): RolledUp {
  const total = zeroCounts();
  const per = new Map<GroupDimension, Map<string | null, FigureCounts>>(dimensions.map((d) => [d, new Map()]));
  for (const row of cube) {
    addCounts(total, row.counts);
    for (const [i, d] of dimensions.entries()) {
      const keys = per.get(d) ?? new Map<string | null, FigureCounts>();
      const key = row.keys[i] ?? null;
      keys.set(key, addCounts(keys.get(key) ?? zeroCounts(), row.counts));
      per.set(d, keys);
    }
  }
  return { total, per };
}

export interface SiteRef {
  id: number;
  name: string;
  /** Visits (a hospital) or units (a property company) a month, where the site gives it. */
  visitsPerMonth: number | null;
}

/** Site against site: the figures the head office compares, one row per site. */
export interface SiteComparisonRow {
  siteId: number;
  name: string;
  registered: number;
  complaints: number;
  visitsPerMonth: number | null;
  /** Cases received per 1,000 visits or units over the range; null where the site gives no number. */
  intakePer1000: number | null;
  resolutionRate: Rate;
  onTimeRate: Figures['onTimeRate'];
  satisfactionRate: Rate;
  validRate: Rate;
  repeatRate: Rate;
  averageHandlingDays: number | null;
}

const averageMonthMs = (365.25 / 12) * 86_400_000;

/** How many months a range spans (a calendar month counts about one). */
export const monthsIn = (range: Range) => (Date.parse(range.to) - Date.parse(range.from)) / averageMonthMs;

/** Cases per 1,000 visits or units: the cases over the visits the range holds. */
export function intakePer1000(registered: number, visitsPerMonth: number | null, months: number): number | null {
  if (visitsPerMonth === null || visitsPerMonth <= 0 || months <= 0) return null;
  return (registered / (visitsPerMonth * months)) * 1000;
}

/**
 * The decimals a figure per 1,000 is shown with: two, and for a rate below one as many as keep
 * two significant digits (0.0034, not 0.00), so a large site's small rate still compares.
 */
export function per1000FractionDigits(value: number): number {
  const size = Math.abs(value);
  if (size === 0 || size >= 1 || !Number.isFinite(size)) return 2;
  return Math.max(2, 1 - Math.floor(Math.log10(size)));
}

/** A figure per 1,000 visits or units in `locale`, with the decimals above; a dash where the site gives no number. */
export function formatPer1000(value: number | null, locale: string): string {
  if (value === null) return '—';
  const digits = per1000FractionDigits(value);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: digits }).format(value);
}

/** One row per site, every site listed (a quiet site shows zeros), in the order given. */
export function compareSites(
  sites: readonly SiteRef[],
  perSite: ReadonlyMap<string | null, FigureCounts>,
  range: Range,
): SiteComparisonRow[] {
  const months = monthsIn(range);
  return sites.map((s) => {
    const f = figuresOf(perSite.get(String(s.id)) ?? zeroCounts());
    return {
      siteId: s.id,
      name: s.name,
      registered: f.counts.registered,
      complaints: f.counts.complaints,
      visitsPerMonth: s.visitsPerMonth,
      intakePer1000: intakePer1000(f.counts.registered, s.visitsPerMonth, months),
      resolutionRate: f.resolutionRate,
      onTimeRate: f.onTimeRate,
      satisfactionRate: f.satisfactionRate,
      validRate: f.validRate,
      repeatRate: f.repeatRate,
      averageHandlingDays: f.averageHandlingDays,
    };
  });
}
