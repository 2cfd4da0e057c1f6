/**
 * Makes assets/: the application icon in every size electron-builder packs (PNG set for Linux,
 * .ico for Windows, .icns for macOS), the mark as SVG, and the CJK fonts the printed papers
 * embed. Run it after changing print/DeskMark.tsx or the font subset; its output is committed,
 * so a build never needs to run it:
 *
 *   node --import tsx scripts/buildAssets.tsx [--icons-only]
 *
 * The fonts are Noto Sans SC and TC (SIL Open Font License), cut to the characters a desk's
 * papers meet: GB 2312 and Big5's frequent characters, Latin, CJK punctuation and full-width
 * forms. A rarer character still prints, from the PC's own fonts. The full fonts come from the
 * npm registry (`npm pack`), once, into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import { renderToStaticMarkup } from 'react-dom/server';
import subsetFont from 'subset-font';
import { DeskMark } from '../print/DeskMark.tsx';

const assets = path.resolve(import.meta.dirname, '../assets');
fs.mkdirSync(path.join(assets, 'icons'), { recursive: true });
fs.mkdirSync(path.join(assets, 'fonts'), { recursive: true });

// --- The mark and the icon ---
const svg = (ink: boolean) => `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(<DeskMark size={64} ink={ink} />)}\n`;
fs.writeFileSync(path.join(assets, 'logo.svg'), svg(false));
fs.writeFileSync(path.join(assets, 'logo-ink.svg'), svg(true));
const png = (size: number) => new Resvg(svg(false), { fitTo: { mode: 'width', value: size } }).render().asPng();
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
  fs.writeFileSync(path.join(assets, 'icons', `${size}x${size}.png`), png(size));
const large = png(1024);
fs.writeFileSync(path.join(assets, 'icon.png'), large);
const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true);
const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('png2icons could not make the .ico or .icns');
fs.writeFileSync(path.join(assets, 'icon.ico'), ico);
fs.writeFileSync(path.join(assets, 'icon.icns'), icns);

// --- The papers' fonts (minutes: a full CJK font is cut four times) ---
if (process.argv.includes('--icons-only')) process.exit(0);
/** Every character a legacy double-byte table encodes, decoded: the frequent-character sets. */
function decodeAll(encoding: string, rows: [number, number], cells: [number, number][]): string {
  const decoder = new TextDecoder(encoding, { fatal: false });
  let text = '';
  for (let hi = rows[0]; hi <= rows[1]; hi++)
    for (const [from, to] of cells) for (let lo = from; lo <= to; lo++) text += decoder.decode(new Uint8Array([hi, lo]));
  return text.replace(/\uFFFD/g, '');
}
const range = (from: number, to: number) => String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
const common =
  range(0x20, 0x7e) + // ASCII
  range(0xa0, 0xff) + // Latin-1 (×, ·, °)
  range(0x2000, 0x206f) + // general punctuation (—, …, “ ”)
  range(0x2100, 0x215f) + // ℃, №, Ⅰ
  range(0x2460, 0x24ff) + // ①
  range(0x25a0, 0x25ff) + // □ ■ ○
  range(0x3000, 0x303f) + // CJK punctuation
  range(0xff00, 0xffef); // full-width forms
const gb2312 = decodeAll('gb18030', [0xa1, 0xf7], [[0xa1, 0xfe]]);
const big5 = decodeAll(
  'big5',
  [0xa1, 0xf9],
  [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ],
);

function fontSource(family: 'sc' | 'tc'): string {
  const cache = path.join(os.tmpdir(), `desk-fonts-noto-sans-${family}`);
  if (!fs.existsSync(path.join(cache, 'package'))) {
    fs.mkdirSync(cache, { recursive: true });
    const file = execFileSync('npm', ['pack', `@expo-google-fonts/noto-sans-${family}@0.4.3`, '--pack-destination', cache], {
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['xzf', path.join(cache, file.split('\n').at(-1) ?? ''), '-C', cache]);
  }
  return path.join(cache, 'package');
}

const faces = [
  { family: 'sc', name: 'NotoSansSC', text: common + gb2312 + big5 },
  { family: 'tc', name: 'NotoSansTC', text: common + big5 + gb2312 },
] as const;
for (const face of faces) {
  const source = fontSource(face.family);
  for (const [weight, folder] of [
    ['Regular', '400Regular'],
    ['Bold', '700Bold'],
  ] as const) {
    const full = fs.readFileSync(path.join(source, folder, `${face.name}_${folder}.ttf`));
    const cut = await subsetFont(full, face.text, { targetFormat: 'woff2' });
    fs.writeFileSync(path.join(assets, 'fonts', `${face.name}-${weight}.woff2`), cut);
  }
  fs.copyFileSync(path.join(source, 'LICENSE_FONT'), path.join(assets, 'fonts', 'OFL.txt'));
}
console.log('assets written to', assets);
