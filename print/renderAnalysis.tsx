import { renderToStaticMarkup } from 'react-dom/server';
import type { AnalysisReport } from '../domain/api/reportViews.ts';
import type { Translate } from '../domain/reports/analysisRows.ts';
import { MonthlyAnalysis } from './MonthlyAnalysis.tsx';

/** The analysis report as a complete static HTML document (no scripts: it prints in a sandboxed window). */
export function renderAnalysisHtml(report: AnalysisReport, t: Translate, lang: string): string {
  return `<!doctype html>${renderToStaticMarkup(<MonthlyAnalysis report={report} t={t} lang={lang} />)}`;
}
