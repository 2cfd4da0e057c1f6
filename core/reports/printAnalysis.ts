import { appendAudit } from '../../db/queries/audit.ts';
import type { Translate } from '../../domain/reports/analysisRows.ts';
import { periodTitle } from '../../domain/reports/analysisRows.ts';
import type { PeriodRef } from '../../domain/reports/periods.ts';
import { pickLanguage } from '../../locales/resources.ts';
import { renderAnalysisHtml } from '../../print/renderAnalysis.tsx';
import type { DeskContext } from '../deskContext.ts';
import { translatorFor } from '../translate.ts';
import { buildAnalysis } from './analysis.ts';

const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/**
 * The printed analysis (template `monthlyAnalysis` of `print.render`): the report as A4 HTML in
 * the caller's language, with its charts drawn as SVG. A print (not a preview) is audited.
 */
export async function renderAnalysisDocument(
  ctx: DeskContext,
  period: PeriodRef,
  options: { locale: string | undefined; actorId: string; purpose: 'preview' | 'print' },
) {
  const report = await buildAnalysis(ctx, period);
  const translate = translatorFor(options.locale, 'reports');
  const t: Translate = (key, values) => translate(key, values ?? {});
  const lang = pickLanguage(options.locale);
  const title = `${periodTitle(report, t)}${t('analysis.title')}`;
  if (options.purpose === 'print') {
    await appendAudit(ctx.store.db, {
      id: ctx.newId(),
      at: ctx.now().toISOString(),
      actor_id: options.actorId,
      action: 'print',
      target: `${period.kind}:${period.year}-${period.index}`,
      detail: JSON.stringify({ template: 'monthlyAnalysis' }),
    });
  }
  return { html: renderAnalysisHtml(report, t, lang), title, pageSize: a4 };
}
