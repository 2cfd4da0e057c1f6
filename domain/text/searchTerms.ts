/**
 * Full-text search for Chinese without a word segmenter.
 *
 * FTS5's trigram tokenizer finds any substring of three or more characters but silently
 * matches nothing for shorter queries, and two-character words are the most common in
 * Chinese (电梯, 收费, 态度). So each case is indexed twice: verbatim in a trigram table, and
 * as overlapping bigrams (the CJK-bigram approach of Lucene) in a plain unicode61 table,
 * where a two-character query is one token and a one-character query is a token prefix.
 */

/** NFKC, lower case, no whitespace: `138 0013` and `1380013` search alike, as do ＡＢ and ab. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Letters and digits only: unicode61 splits on everything else, so pairs never span it. */
function bigramChars(text: string): string[] {
  return Array.from(normalise(text)).filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/**
 * The bigram document of some texts: every overlapping pair of characters, and each text's
 * last character alone so that a one-character prefix query finds text ending in it.
 */
export function toBigramDocument(texts: readonly (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    const chars = bigramChars(text);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
    const last = chars.at(-1);
    if (last !== undefined) tokens.push(last);
  }
  return tokens.join(' ');
}

/** The trigram document: the same normalisation as queries, one text per line. */
export function toTrigramDocument(texts: readonly (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => Boolean(t))
    .map(normalise)
    .join('\n');
}

export type SearchPlan = { index: 'none' } | { index: 'bigram'; match: string } | { index: 'trigram'; match: string };

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Which index answers a user's query, and the FTS5 MATCH expression to ask it. */
export function planSearch(query: string): SearchPlan {
  const text = normalise(query);
  if (Array.from(text).length >= 3) return { index: 'trigram', match: quote(text) };
  const chars = bigramChars(query);
  if (chars.length === 0) return { index: 'none' };
  if (chars.length === 1) return { index: 'bigram', match: `${quote(chars[0] ?? '')}*` };
  return { index: 'bigram', match: quote(chars.join('')) };
}

/**
 * The query as a plain substring of one normalised field (what either index matches), for
 * checking a match against the case's own fields outside the index: a viewer from whom a
 * confidential complainant is hidden may find the case by its number, subject or content, but
 * not by the name or phone the index also holds. Null when the query searches nothing.
 */
export function searchNeedle(query: string): string | null {
  const text = normalise(query);
  if (Array.from(text).length >= 3) return text;
  const chars = bigramChars(query);
  return chars.length === 0 ? null : chars.join('');
}
