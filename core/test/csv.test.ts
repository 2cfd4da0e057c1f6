import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv, utf8Bom } from '../data/csv.ts';

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
});
