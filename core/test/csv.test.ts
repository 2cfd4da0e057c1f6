import { describe, expect, it } from 'vitest';
import { csvLine, guardText, parseCsv, spreadsheetText, unguardText, utf8Bom } from '../data/csv.ts';

describe('csv', () => {
  it('round-trips Chinese text, quotes, commas, line breaks, NULL and the empty string', () => {
    const rows = [
      ['编号', 'x'],
      ['挂号窗口"排队",过久\r\n第二行', null],
      ['', 42],
      [null, -1.5],
    ] as const;
    const text = utf8Bom + rows.map((r) => csvLine(r)).join('');
    expect(parseCsv(text)).toEqual([
      ['编号', 'x'],
      ['挂号窗口"排队",过久\r\n第二行', null],
      ['', '42'],
      [null, '-1.5'],
    ]);
  });
  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('"abc')).toThrow();
  });
  it('neutralises every start of a formula in a report, leaving numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(spreadsheetText(`${start}1+cmd|calc`)).toBe(`'${start}1+cmd|calc`);
    for (const n of ['-3', '+12.5%', '42', '-0.5']) expect(spreadsheetText(n)).toBe(n);
    expect(spreadsheetText('张三')).toBe('张三');
  });
  it('guards the desk export reversibly: every text comes back exactly, none starts a formula', () => {
    const texts = ['=1+1', "'=1+1", "''", "'", '@x', '+', '-5', '\tx', '\rx', '张三', '', "a'b", '==x'];
    for (const text of texts) {
      const guarded = guardText(text);
      expect(guarded, text).not.toMatch(/^[=+\-@\t\r]/);
      expect(unguardText(guarded), text).toBe(text);
    }
  });
});
