import { DeskError } from '../../../core/deskError.ts';
import { exportAnalysis } from '../../../core/reports/exportAnalysis.ts';
import { checkedPeriod, checkedRange } from '../../../core/reports/reportInput.ts';
import { translatorFor } from '../../../core/translate.ts';
import { asAnalysisReport } from '../../../domain/console/groupAnalysisReport.ts';
import { groupUtcOffsetMinutes } from '../../../domain/console/groupTime.ts';
import { renderAnalysisHtml } from '../../../print/renderAnalysis.tsx';
import { readGroup } from '../../store/consoleQueries.ts';
import { findSite } from '../../store/queries.ts';
import { closedBetween } from '../../store/reportQueries.ts';
import { recordGroupAudit } from '../access/groupAudit.ts';
import { figureCaseList } from '../cases/groupCases.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';
import { groupAnalysisLists } from './groupAnalysisLists.ts';
import { type GroupReportContext, groupAnalysis, groupDashboard, siteComparison } from './groupReports.ts';

type ReportHandlers = Pick<
  ConsoleHandlers,
  'reports.dashboard' | 'reports.analysis' | 'reports.compare' | 'reports.cases' | 'reports.export' | 'reports.print'
>;

/**
 * The consolidated reports: the desk's figures over every site's cases (groupReports.ts), the
 * cases behind a figure, and the analysis on the desk's A4 paper and in the desk's workbook.
 * Who may call which is domain/console/groupRoles.ts, checked by the console's dispatcher.
 */
export function reportHandlers(ctx: ConsoleContext): ReportHandlers {
  const { db } = ctx;
  const context = async (): Promise<GroupReportContext> => ({
    db,
    dialect: ctx.dialect,
    now: ctx.now(),
    utcOffsetMinutes: groupUtcOffsetMinutes,
    groupName: (await readGroup(db))?.name ?? '',
  });
  /** A site asked for must exist: refused at the field otherwise. */
  const checkedSite = async (siteId: number | undefined) => {
    if (siteId !== undefined && !(await findSite(db, siteId))) {
      throw new DeskError('invalid_input', { key: 'invalidInput' }, { siteId: { key: 'consoleReports:errors.noSite' } });
    }
    return siteId;
  };
  const analysis = async (input: { period: Parameters<typeof checkedPeriod>[0]; siteId?: number | undefined }) => {
    const siteId = await checkedSite(input.siteId);
    const report = await groupAnalysis(await context(), checkedPeriod(input.period), siteId);
    const lists = await groupAnalysisLists(db, {
      range: report.range,
      now: report.generatedAt,
      utcOffsetMinutes: groupUtcOffsetMinutes,
      siteId,
    });
    return asAnalysisReport(report, await closedBetween(db, report.range, siteId ? [siteId] : undefined), lists);
  };
  return {
    'reports.dashboard': async (input) => groupDashboard(await context(), input.span, await checkedSite(input.siteId)),
    'reports.analysis': async (input) => groupAnalysis(await context(), checkedPeriod(input.period), await checkedSite(input.siteId)),
    'reports.compare': async (input) => siteComparison(await context(), checkedRange(input)),
    'reports.cases': async (input) =>
      figureCaseList(db, {
        ...checkedRange(input),
        now: ctx.now().toISOString(),
        figure: input.figure,
        siteId: await checkedSite(input.siteId),
        dimension: input.dimension,
        key: input.key,
        limit: input.limit,
        offset: input.offset,
      }),
    'reports.export': async (input, call) => {
      const file = await exportAnalysis(await analysis(input), 'xlsx', call.locale);
      await recordGroupAudit(db, ctx.now(), {
        actor: call.session.user,
        action: 'reports.export',
        target: `${input.period.kind}:${input.period.year}-${input.period.index}`,
        after: { siteId: input.siteId ?? null, filename: file.filename },
        source: call.source,
      });
      return file;
    },
    'reports.print': async (input, call) => {
      const translate = translatorFor(call.locale, 'reports');
      return { html: renderAnalysisHtml(await analysis(input), (key, values) => translate(key, values ?? {}), call.locale) };
    },
  };
}
