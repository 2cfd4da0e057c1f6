import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const builderConfig = fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8');

describe('the packed assets', () => {
  it('exist wherever electron-builder.json names them', () => {
    const named = [...builderConfig.matchAll(/"(?:icon|installerIcon|uninstallerIcon|from)":\s*"(assets\/[^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(named).toEqual(
      expect.arrayContaining(['assets/icon.png', 'assets/icon.ico', 'assets/icon.icns', 'assets/icons', 'assets/fonts']),
    );
    for (const file of named) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
  });

  it('hold the icon at every size a platform asks for, each really that size', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = PNG.sync.read(fs.readFileSync(path.join(root, 'assets/icons', `${size}x${size}.png`)));
      expect([png.width, png.height], `${size}`).toEqual([size, size]);
    }
    expect(PNG.sync.read(fs.readFileSync(path.join(root, 'assets/icon.png'))).width).toBeGreaterThanOrEqual(512);
    // An .ico starts 00 00 01 00 and lists its images; Windows wants 256 px among them (stored as 0).
    const ico = fs.readFileSync(path.join(root, 'assets/icon.ico'));
    expect(ico.readUInt32LE(0)).toBe(0x00010000);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(fs.readFileSync(path.join(root, 'assets/icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
  });

  it('hold the papers’ fonts in both scripts and weights, with their licence', () => {
    for (const face of ['NotoSansSC', 'NotoSansTC'])
      for (const weight of ['Regular', 'Bold']) {
        const font = fs.readFileSync(path.join(root, 'assets/fonts', `${face}-${weight}.woff2`));
        expect(font.subarray(0, 4).toString('latin1'), `${face}-${weight}`).toBe('wOF2');
      }
    expect(fs.readFileSync(path.join(root, 'assets/fonts/OFL.txt'), 'utf8')).toContain('SIL Open Font License');
  });
});
