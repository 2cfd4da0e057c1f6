import type { AnalysisReport } from '../api/reportViews.ts';
import type { GroupAnalysis } from './reportsViews.ts';

/**
 * The group's analysis in the desk's report shape, so the desk's printed A4 analysis
 * (print/MonthlyAnalysis.tsx) and its workbook (core/reports/exportAnalysis.ts) serve the
 * group as they are: the sites as one more breakdown, and the lists (major and overdue cases,
 * corrective actions, repeat complainants) over every site's, each line naming its site. The
 * breakdowns by people of a site (departments, respondents) are the desks' own and stay empty.
 */
export function asAnalysisReport(
  g: GroupAnalysis,
  closedInRange: number,
  lists: Pick<AnalysisReport, 'majorCases' | 'overdueCases' | 'correctiveActions' | 'repeatComplainants'>,
): AnalysisReport {
  return {
    orgName: g.siteName ? `${g.groupName} · ${g.siteName}` : g.groupName,
    period: g.period,
    range: g.range,
    previousRange: g.previousRange,
    lastYearRange: g.lastYearRange,
    generatedAt: g.generatedAt,
    current: g.current,
    previous: g.previous,
    lastYear: g.lastYear,
    closedInRange,
    trend: g.trend,
    byCategory: g.byCategory,
    byDepartment: [],
    byChannel: g.byChannel,
    bySeverity: g.bySeverity,
    byType: g.byType,
    byRespondentDepartment: [],
    byRespondentPerson: [],
    ...lists,
    ...(g.siteId ? {} : { bySite: g.bySite }),
  };
}
