/**
 * Masks for personal numbers, as Chinese services print them: 138****5678 for a mobile,
 * 110***********1234 for an ID number. Separators are dropped so the mask does not hint at
 * the format of the hidden part.
 */
function maskNumber(value: string): string {
  const chars = [...value.replace(/[\s()-]/g, '')];
  const n = chars.length;
  if (n === 0) return '';
  const [head, tail] = n >= 11 ? [3, 4] : n >= 7 ? [2, 2] : [0, Math.min(1, n - 1)];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/** A mobile or landline number, masked. */
export const maskPhone = (value: string): string => maskNumber(value);
/** An ID number, masked. */
export const maskIdNumber = (value: string): string => maskNumber(value);
/** A person's name, masked as the group's views show it: the first character kept (张*, 欧***). */
export const maskName = (value: string): string => {
  const chars = [...value.trim()];
  return chars.length <= 1 ? chars.join('') : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};
