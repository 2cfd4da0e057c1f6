/**
 * Items as one list in the reader's language, by Intl.ListFormat: 甲、乙、丙 in Chinese,
 * "a, b, c" in English. The narrow conjunction adds no "and" (和) before the last item, so a
 * list reads the same in a table cell, a sentence and a printed field. No separator is written
 * in code, so an English screen or paper never shows a Chinese one.
 */
export function listText(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' }).format(items);
}
