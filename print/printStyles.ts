/**
 * Shared print CSS. CJK text must render on any desk PC: Noto Sans CJK where installed
 * (fonts-noto-cjk on Linux), then the Noto faces the desktop app packs for papers
 * (assets/fonts, "Desk Paper SC/TC", see electron/printFonts.ts), then the fonts Windows and
 * macOS ship with Chinese. A Traditional-Chinese paper takes the TC faces first.
 */
export const fontStack =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Desk Paper SC', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK TC', 'Desk Paper TC', 'Microsoft JhengHei', 'PingFang TC', 'WenQuanYi Micro Hei', SimSun, sans-serif";
const traditionalStack =
  "'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'Desk Paper TC', 'Microsoft JhengHei', 'PingFang TC', 'Noto Sans CJK SC', 'Desk Paper SC', 'Microsoft YaHei', SimSun, sans-serif";

export const baseCss = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: ${fontStack}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html:lang(zh-TW) body { font-family: ${traditionalStack}; }
h1, h2, h3, p { margin: 0; }
.mono { font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', Consolas, monospace; letter-spacing: 0.05em; }
.reprint { border: 1.5px solid #000; padding: 0.5mm 2mm; display: inline-block; font-weight: 700; }
.preview { color: #666; }
`;
