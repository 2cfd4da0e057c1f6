/**
 * Shared print CSS. CJK text must render on any desk PC: Noto Sans CJK (installed with
 * fonts-noto-cjk on Linux), then the fonts Windows and macOS ship with Chinese.
 */
export const fontStack =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK TC', 'Microsoft JhengHei', 'PingFang TC', 'WenQuanYi Micro Hei', SimSun, sans-serif";

export const baseCss = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: ${fontStack}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1, h2, h3, p { margin: 0; }
.mono { font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', Consolas, monospace; letter-spacing: 0.05em; }
.reprint { border: 1.5px solid #000; padding: 0.5mm 2mm; display: inline-block; font-weight: 700; }
.preview { color: #666; }
`;
