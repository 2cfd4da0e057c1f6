import type { AnalysisReport, ReportGroupRow } from '../api/reportViews.ts';
import { listText } from '../text/listText.ts';
import { change, type Figures, type Rate } from './figures.ts';

/** A translator of the `reports` namespace (i18next's `t`, or anything that answers like it). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The analysis as labelled rows, shared by the workbook, the CSV, the printed report and the
 * screen, so all of them say the same thing in the same words.
 */
export type FigureUnit = 'count' | 'rate' | 'days';

export interface FigureLine {
  key: string;
  label: string;
  unit: FigureUnit;
  current: number | null;
  previous: number | null;
  changePrevious: number | null;
  lastYear: number | null;
  changeLastYear: number | null;
}

const rateValue = (r: Rate) => r.value;

const figureDefinitions: { key: string; unit: FigureUnit; of: (f: Figures) => number | null }[] = [
  { key: 'registered', unit: 'count', of: (f) => f.counts.registered },
  { key: 'complaints', unit: 'count', of: (f) => f.counts.complaints },
  { key: 'accepted', unit: 'count', of: (f) => f.counts.accepted },
  { key: 'closed', unit: 'count', of: (f) => f.counts.closed },
  { key: 'resolutionRate', unit: 'rate', of: (f) => rateValue(f.resolutionRate) },
  { key: 'onTime.acknowledge', unit: 'rate', of: (f) => rateValue(f.onTimeRate.acknowledge) },
  { key: 'onTime.feedback', unit: 'rate', of: (f) => rateValue(f.onTimeRate.feedback) },
  { key: 'onTime.resolve', unit: 'rate', of: (f) => rateValue(f.onTimeRate.resolve) },
  { key: 'followUpRate', unit: 'rate', of: (f) => rateValue(f.followUpRate) },
  { key: 'satisfactionRate', unit: 'rate', of: (f) => rateValue(f.satisfactionRate) },
  { key: 'validRate', unit: 'rate', of: (f) => rateValue(f.validRate) },
  { key: 'repeatRate', unit: 'rate', of: (f) => rateValue(f.repeatRate) },
  { key: 'averageHandlingDays', unit: 'days', of: (f) => f.averageHandlingDays },
];

export function figureLines(report: Pick<AnalysisReport, 'current' | 'previous' | 'lastYear'>, t: Translate): FigureLine[] {
  return figureDefinitions.map((d) => {
    const current = d.of(report.current);
    const previous = d.of(report.previous);
    const lastYear = d.of(report.lastYear);
    return {
      key: d.key,
      label: t(`figures.${d.key}`),
      unit: d.unit,
      current,
      previous,
      changePrevious: change(current, previous),
      lastYear,
      changeLastYear: change(current, lastYear),
    };
  });
}

/** The name of a group's key in the caller's language. */
export function groupLabel(row: ReportGroupRow, vocabulary: 'types' | 'channels' | 'severities' | null, t: Translate): string {
  if (row.key === null) return t('charts.none');
  if (vocabulary) return t(`cases:${vocabulary}.${row.key}`);
  return row.label ?? row.key;
}

export function breakdowns(report: AnalysisReport, t: Translate) {
  return [
    ...(report.bySite ? [{ title: t('charts.bySite'), rows: report.bySite, vocabulary: null }] : []),
    { title: t('charts.byCategory'), rows: report.byCategory, vocabulary: null },
    { title: t('charts.byDepartment'), rows: report.byDepartment, vocabulary: null },
    { title: t('charts.byChannel'), rows: report.byChannel, vocabulary: 'channels' },
    { title: t('charts.bySeverity'), rows: report.bySeverity, vocabulary: 'severities' },
    { title: t('charts.byType'), rows: report.byType, vocabulary: 'types' },
    { title: t('charts.topDepartments'), rows: report.byRespondentDepartment, vocabulary: null },
    { title: t('charts.topPersons'), rows: report.byRespondentPerson, vocabulary: null },
  ] as const;
}

export function periodTitle(report: AnalysisReport, t: Translate): string {
  const { kind, year, index } = report.period;
  return t(`analysis.periodLabel.${kind}`, { year, index });
}

/** The report's heading: 2025年11月投诉情况分析, Complaint analysis 2025-11. */
export const analysisHeading = (report: Pick<AnalysisReport, 'period'>, t: Translate) =>
  t('heading', { period: periodTitle(report as AnalysisReport, t) });

/** `month:2025-11`, the key a corrective action raised from an analysis points back to. */
export const periodKey = (p: AnalysisReport['period']) => `${p.kind}:${p.year}-${p.index}`;

/** Whether the lists name each line's site: the group's analysis, over several sites' cases. */
export const listsNameSites = (report: AnalysisReport) =>
  report.bySite !== undefined ||
  [...report.majorCases, ...report.overdueCases, ...report.correctiveActions].some((l) => l.siteName !== undefined) ||
  report.repeatComplainants.some((r) => r.sites !== undefined);

/** The sites a repeat complainant came to, with their cases at each: "一院（2）、二院（1）". */
export const repeatSites = (sites: readonly { name: string; cases: number }[], t: Translate, lang: string) =>
  listText(
    sites.map((s) => `${s.name}${t('common:punctuation.aside', { text: String(s.cases) })}`),
    lang,
  );
