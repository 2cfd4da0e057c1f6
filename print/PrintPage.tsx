import type { ReactNode } from 'react';
import { baseCss } from './printStyles.ts';

/** The whole HTML document of a print: page size, fonts and the body. */
export function PrintPage(props: { title: string; lang: string; pageCss: string; children: ReactNode }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{props.title}</title>
        <style>{baseCss + props.pageCss}</style>
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/** The reprint or preview mark every document carries in its heading. */
export function CopyMark(props: { copy: number; t: (key: string, values?: Record<string, string | number>) => string }) {
  if (props.copy === 0) return <span className="preview">{props.t('preview')}</span>;
  if (props.copy === 1) return null;
  return <span className="reprint">{props.t('reprint', { copy: props.copy })}</span>;
}
