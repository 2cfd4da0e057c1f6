import type { CaseState } from '../cases/projection.ts';

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

/** The texts the search finds a case by, as registration indexes them (the desk and the server alike). */
export function caseSearchTexts(state: CaseState): (string | undefined)[] {
  return [
    state.number,
    state.complainant.name,
    state.complainant.phone,
    ...(state.intake.coComplainants ?? []).flatMap((c) => [c.name, c.phone]),
    state.subject,
    state.content,
  ];
}

/**
 * The search terms of some texts for a store without FTS5's prefix queries (the central server):
 * every character and every overlapping pair of characters, once each, space-separated. A
 * one-character query is one term, a two-character query is one term, a longer one is all its
 * pairs, then checked as a substring of the trigram document (`searchNeedle`).
 */
export function toTermSet(texts: readonly (string | null | undefined)[]): string {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const chars = bigramChars(text);
    for (let i = 0; i < chars.length; i++) {
      terms.add(chars[i] ?? '');
      if (i + 1 < chars.length) terms.add(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return [...terms].join(' ');
}

/** The terms (see `toTermSet`) a case must hold to match a query, and the substring that decides. */
export function termQuery(query: string): { terms: string[]; needle: string } | null {
  const needle = searchNeedle(query);
  if (needle === null) return null;
  const chars = bigramChars(query);
  if (chars.length <= 2) return { terms: chars.length === 0 ? [] : [chars.join('')], needle };
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`);
  return { terms: [...pairs], needle };
}
