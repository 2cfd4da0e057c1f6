import { renderToStaticMarkup } from 'react-dom/server';
import { DecisionLetter } from './DecisionLetter.tsx';
import type { PrintCase, SlipWidth, Translate } from './printData.ts';
import { RegistrationForm } from './RegistrationForm.tsx';
import { ReplyLetter } from './ReplyLetter.tsx';
import { Slip } from './Slip.tsx';

export type PrintTemplateName = 'slip' | 'registrationForm' | 'declineNotice' | 'redirectGuidance' | 'replyLetter';

/** A template to a complete static HTML document (no scripts: it prints in a sandboxed window). */
export function renderPrintHtml(template: PrintTemplateName, data: PrintCase, t: Translate, lang: string, width: SlipWidth): string {
  const page =
    template === 'slip' ? (
      <Slip data={data} width={width} t={t} lang={lang} />
    ) : template === 'registrationForm' ? (
      <RegistrationForm data={data} t={t} lang={lang} />
    ) : template === 'replyLetter' ? (
      <ReplyLetter data={data} t={t} lang={lang} />
    ) : (
      <DecisionLetter data={data} kind={template} t={t} lang={lang} />
    );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
