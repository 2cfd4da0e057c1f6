import { z } from 'zod';
import { isoDateTime } from '../api/fields.ts';
import { periodInput } from '../api/reportSchemas.ts';
import { reportGroups } from '../reports/groups.ts';
import { dashboardSpans } from '../reports/periods.ts';

/** The console's report methods' inputs; a range is half-open [from, to), `to` after `from` (checked on the server). */

const siteId = z.int().min(1).optional();

export const groupDashboardInput = z.strictObject({ span: z.enum(dashboardSpans).default('month'), siteId });

export const groupAnalysisInput = z.strictObject({ period: periodInput, siteId });

export const groupExportInput = z.strictObject({ period: periodInput, siteId });

export const compareSitesInput = z.strictObject({ from: isoDateTime, to: isoDateTime });

/** A figure whose cases can be listed (server/store/reportQueries.ts figureCases). */
export const drillFigures = [
  'registered',
  'complaints',
  'accepted',
  'declined',
  'closed',
  'open',
  'valid',
  'repeats',
  'satisfied',
  'unsatisfied',
  'late.acknowledge',
  'late.feedback',
  'late.resolve',
] as const;
export type DrillFigure = (typeof drillFigures)[number];

export const figureCasesInput = z.strictObject({
  from: isoDateTime,
  to: isoDateTime,
  figure: z.enum(drillFigures),
  siteId,
  /** One group's cases: a site, a category, a day... (null key: cases with none). */
  dimension: z.enum(['site', ...reportGroups]).optional(),
  key: z.string().max(200).nullable().optional(),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).max(1_000_000).default(0),
});
