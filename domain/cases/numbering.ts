/**
 * Case numbers: `YYMM-NNNN` per desk and month, with an optional desk prefix.
 * The sequence itself comes from a counter the store increments inside the registration
 * transaction, so a failed registration never burns a number.
 */

const deskPrefixPattern = /^[A-Z0-9]{0,4}$/;

/**
 * The number formats a desk may choose (a setting). All keep year, month and a 4-digit
 * sequence, so numbers restart monthly and stay unique within a desk prefix.
 */
export const numberFormats = ['YYMM-NNNN', 'YYYYMM-NNNN', 'YYYY-MM-NNNN', 'YYMMNNNN'] as const;
export type NumberFormat = (typeof numberFormats)[number];

export function formatCaseNumberAs(
  format: NumberFormat,
  deskPrefix: string,
  localYear: number,
  localMonth: number,
  sequence: number,
): string {
  if (!deskPrefixPattern.test(deskPrefix)) throw new Error(`invalid desk prefix ${deskPrefix}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid sequence ${sequence}`);
  const yyyy = String(localYear).padStart(4, '0');
  const mm = String(localMonth).padStart(2, '0');
  const seq = String(sequence).padStart(4, '0');
  const body = {
    'YYMM-NNNN': `${yyyy.slice(2)}${mm}-${seq}`,
    'YYYYMM-NNNN': `${yyyy}${mm}-${seq}`,
    'YYYY-MM-NNNN': `${yyyy}-${mm}-${seq}`,
    YYMMNNNN: `${yyyy.slice(2)}${mm}${seq}`,
  }[format];
  return `${deskPrefix}${body}`;
}

/** The counter scope of a month: numbers restart at 1 in each. */
export function numberingPeriod(localYear: number, localMonth: number): string {
  return `${String(localYear % 100).padStart(2, '0')}${String(localMonth).padStart(2, '0')}`;
}

export function formatCaseNumber(deskPrefix: string, period: string, sequence: number): string {
  if (!deskPrefixPattern.test(deskPrefix)) throw new Error(`invalid desk prefix ${deskPrefix}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid sequence ${sequence}`);
  return `${deskPrefix}${period}-${String(sequence).padStart(4, '0')}`;
}

/** Characters a complainant cannot misread on a slip or over the phone: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const queryCodeAlphabet = '34679ACDEFGHJKMNPQRTUVWXY';
export const queryCodeLength = 6;

/** `randomInts` supplies uniform integers in [0, alphabet length); the edge passes crypto randomness. */
export function makeQueryCode(randomInts: (count: number, bound: number) => number[]): string {
  return randomInts(queryCodeLength, queryCodeAlphabet.length)
    .map((i) => queryCodeAlphabet.charAt(i))
    .join('');
}
