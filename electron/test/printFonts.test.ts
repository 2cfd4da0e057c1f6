import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontStack } from '../../print/printStyles.ts';
import { withPrintPolicy } from '../contentPolicy.ts';
import { langOfHtml, paperFamilies, paperFontCss, scriptOf, withPaperFonts } from '../printFonts.ts';

const assetFonts = path.resolve(import.meta.dirname, '../../assets/fonts');

describe('the fonts packed for printed papers', () => {
  it('are the paper’s script, both weights, from the committed assets', () => {
    const css = paperFontCss(assetFonts, 'zh-TW');
    expect(css.match(/@font-face/g)).toHaveLength(2);
    expect(css).toContain(`font-family: '${paperFamilies.tc}'; font-weight: 700`);
    expect(paperFontCss(assetFonts, 'en')).toContain(paperFamilies.sc);
    expect(paperFontCss('/nowhere', 'zh-CN')).toBe('');
  });

  it('are named in the papers’ font stack before the fonts a PC may lack', () => {
    expect(fontStack.indexOf(paperFamilies.sc)).toBeGreaterThan(-1);
    expect(fontStack.indexOf(paperFamilies.sc)).toBeLessThan(fontStack.indexOf('Microsoft YaHei'));
  });

  it('follow the paper’s language', () => {
    expect(scriptOf('zh-TW')).toBe('tc');
    expect(scriptOf('zh-CN')).toBe('sc');
    expect(langOfHtml('<!doctype html><html lang="zh-TW"><head>')).toBe('zh-TW');
  });

  it('go into the page’s head, after its policy, which allows them', () => {
    const page = withPaperFonts(
      withPrintPolicy('<!doctype html><html lang="zh-CN"><head><title>回执</title></head><body>x</body></html>'),
      paperFontCss(assetFonts, 'zh-CN'),
    );
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('@font-face'));
    expect(page.indexOf('@font-face')).toBeLessThan(page.indexOf('</head>'));
    expect(page).toMatch(/font-src data:/);
    expect(withPaperFonts('<html><head></head></html>', '')).toBe('<html><head></head></html>');
  });
});
