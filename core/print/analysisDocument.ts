import type { Actor } from '../../domain/access/caseAccess.ts';
import type { Translate } from '../../domain/reports/analysisRows.ts';
import { analysisHeading, periodKey } from '../../domain/reports/analysisRows.ts';
import type { PeriodRef } from '../../domain/reports/periods.ts';
import { pickLanguage } from '../../locales/resources.ts';
import { renderAnalysisHtml } from '../../print/renderAnalysis.tsx';
import type { DeskContext } from '../deskContext.ts';
import { buildAnalysis } from '../reports/analysis.ts';
import { translatorFor } from '../translate.ts';
import type { PrintableDocument } from './printableDocument.ts';

const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/**
 * The analysis of a period (template `monthlyAnalysis`) as A4 HTML in the caller's language,
 * its charts drawn as SVG. Its copies are numbered per period like a case's documents.
 */
export async function analysisDocument(
  ctx: DeskContext,
  period: PeriodRef,
  viewer: Actor,
  locale: string | undefined,
): Promise<PrintableDocument> {
  const report = await buildAnalysis(ctx, period, viewer, 'print');
  const translate = translatorFor(locale, 'reports');
  const t: Translate = (key, values) => translate(key, values ?? {});
  const lang = pickLanguage(locale);
  const key = periodKey(period);
  return {
    document: key,
    caseId: null,
    auditDetail: { period: key },
    // Its list of repeat complainants names people, unless none is shown to this reader.
    personalData: report.repeatComplainants.some((r) => !r.hidden),
    pageSize: a4,
    render: () => ({ html: renderAnalysisHtml(report, t, lang), title: analysisHeading(report, t) }),
  };
}
