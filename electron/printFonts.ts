import fs from 'node:fs';
import path from 'node:path';

/**
 * The fonts packed with the app (assets/fonts, electron-builder's extraResources) for printed
 * papers, so a slip looks the same on a PC without Chinese fonts of its own. The print window
 * runs no script and may load no file: the faces go into the page as data URLs (its policy allows
 * data: fonts), only the paper's script (Simplified or Traditional), read once per run.
 */
export const paperFamilies = { sc: 'Desk Paper SC', tc: 'Desk Paper TC' } as const;

const files = { sc: 'NotoSansSC', tc: 'NotoSansTC' } as const;
const weights = [
  ['Regular', 400],
  ['Bold', 700],
] as const;

/** Traditional glyph forms for Taiwan, Hong Kong and Macao papers; Simplified otherwise. */
export function scriptOf(lang: string): 'sc' | 'tc' {
  return /^zh-(TW|HK|MO|Hant)/i.test(lang) ? 'tc' : 'sc';
}

/** The paper's language, as the core writes it on the <html> element. */
export function langOfHtml(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'zh-CN';
}

const cache = new Map<string, string>();

/** The @font-face rules for a paper in `lang`, or '' when the fonts are not where they belong. */
export function paperFontCss(fontDir: string, lang: string): string {
  const script = scriptOf(lang);
  const key = `${fontDir}|${script}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let css = '';
  for (const [name, weight] of weights) {
    const file = path.join(fontDir, `${files[script]}-${name}.woff2`);
    if (!fs.existsSync(file)) continue;
    const data = fs.readFileSync(file).toString('base64');
    css += `@font-face { font-family: '${paperFamilies[script]}'; font-weight: ${weight}; font-style: normal; src: url(data:font/woff2;base64,${data}) format('woff2'); }\n`;
  }
  cache.set(key, css);
  return css;
}

/** The page with its fonts' rules at the end of its head, so they load with the page. */
export function withPaperFonts(html: string, css: string): string {
  if (!css) return html;
  const close = html.search(/<\/head>/i);
  const style = `<style>${css}</style>`;
  return close < 0 ? style + html : html.slice(0, close) + style + html.slice(close);
}
