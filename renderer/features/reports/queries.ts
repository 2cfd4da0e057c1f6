import { keepPreviousData } from '@tanstack/react-query';
import type { ReportGroup } from '../../../domain/reports/groups.ts';
import type { PeriodRef, Range } from '../../../domain/reports/periods.ts';
import { deskQuery } from '../../shared/api/queries.ts';

/** The dashboard's breakdowns, all answered by one call: the core reads the cohort once. */
export const breakdownGroups = [
  'category',
  'department',
  'channel',
  'severity',
  'type',
  'respondentDepartment',
  'respondentPerson',
] as const;

// While another period loads, the figures on screen stay until the new ones arrive.
const keep = { placeholderData: keepPreviousData };

export const summaryQuery = (range: Range) => ({
  ...deskQuery('reports.summary', { ...range, breakdowns: [...breakdownGroups] }),
  ...keep,
});
export const trendQuery = (range: Range, groupBy: ReportGroup) => ({ ...deskQuery('reports.summary', { ...range, groupBy }), ...keep });
export const repeatsQuery = (range: Range) => ({ ...deskQuery('reports.repeats', { ...range, limit: 8 }), ...keep });
export const analysisQuery = (period: PeriodRef) => ({ ...deskQuery('reports.analysis', { period }), ...keep });
