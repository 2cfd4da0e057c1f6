/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (without it Excel shows Chinese as
 * mojibake), CRLF line ends, every text quoted. NULL and the empty string must survive a round
 * trip, so NULL is an empty unquoted field and the empty string is `""`.
 */
export const utf8Bom = '\uFEFF';

export type CsvCell = string | number | null;

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : `"${c.replaceAll('"', '""')}"`)).join(',')}\r\n`;
}

/**
 * What makes Excel or WPS read a cell as a formula (and run it: `=HYPERLINK(…)`,
 * `=cmd|' /C calc'!A0`): a first character of `=`, `+`, `-`, `@`, tab or carriage return.
 */
const formulaStart = /^[=+\-@\t\r]/;
/** A number the desk itself wrote (`-3`, `+12.5%`): a spreadsheet reads it as the number it is. */
const plainNumber = /^[+-]?\d+(\.\d+)?%?$/;

/**
 * A text for a CSV that people open in a spreadsheet: one that would start a formula gets a
 * leading apostrophe, so the spreadsheet shows it and runs nothing. One-way: for reports.
 */
export function spreadsheetText(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/**
 * The reversible form of `spreadsheetText` for the desk's own export, which its import must
 * read back exactly: every text that starts a formula, or with an apostrophe itself, gets one
 * more apostrophe; `unguardText` takes exactly one away.
 */
export function guardText(text: string): string {
  return formulaStart.test(text) || text.startsWith("'") ? `'${text}` : text;
}

export function unguardText(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** Parses CSV text into rows of cells; a cell is null when it was empty and unquoted. */
export function parseCsv(text: string): (string | null)[][] {
  const source = text.startsWith(utf8Bom) ? text.slice(1) : text;
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  const n = source.length;
  if (n === 0) return rows;
  for (;;) {
    let cell: string | null;
    if (source[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = source.indexOf('"', i);
        if (q < 0) throw new CsvError('unterminated quoted field');
        value += source.slice(i, q);
        if (source[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cell = value;
    } else {
      let j = i;
      while (j < n && source[j] !== ',' && source[j] !== '\r' && source[j] !== '\n') j++;
      cell = j === i ? null : source.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = source[i];
    if (c === ',') {
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      rows.push(row);
      row = [];
      if (i >= n) return rows;
      continue;
    }
    throw new CsvError(`unexpected character after a quoted field at ${i}`);
  }
}

export class CsvError extends Error {}
