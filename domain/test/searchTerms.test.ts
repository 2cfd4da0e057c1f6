import { describe, expect, it } from 'vitest';
import { planSearch, searchNeedle, toBigramDocument, toTrigramDocument } from '../text/searchTerms.ts';

describe('search terms', () => {
  it('index overlapping bigrams and each text last character', () => {
    expect(toBigramDocument(['电梯坏了', '张三'])).toBe('电梯 梯坏 坏了 了 张三 三');
  });

  it('drop whitespace and punctuation from bigrams, and fold width and case', () => {
    expect(toBigramDocument(['电梯，坏 了'])).toBe('电梯 梯坏 坏了 了');
    expect(toBigramDocument(['ＡＢ'])).toBe('ab b');
  });

  it('keep the trigram document verbatim but for whitespace, one text per line', () => {
    expect(toTrigramDocument(['138 0013 8000', null, '电梯坏了'])).toBe('13800138000\n电梯坏了');
  });

  it('send three or more characters to the trigram index and shorter queries to the bigram index', () => {
    expect(planSearch('挂号窗')).toEqual({ index: 'trigram', match: '"挂号窗"' });
    expect(planSearch('电梯')).toEqual({ index: 'bigram', match: '"电梯"' });
    expect(planSearch('梯')).toEqual({ index: 'bigram', match: '"梯"*' });
    expect(planSearch('  ')).toEqual({ index: 'none' });
  });

  it('quote user input so FTS5 syntax in a query is only text', () => {
    expect(planSearch('a"b OR c')).toEqual({ index: 'trigram', match: '"a""borc"' });
  });
});

describe('searchNeedle', () => {
  it('is the query as either index matches it: normalised, and letters and digits only when short', () => {
    expect(searchNeedle(' 挂号 窗 ')).toBe('挂号窗');
    expect(searchNeedle('ＡＢc')).toBe('abc');
    expect(searchNeedle('电-梯')).toBe('电-梯'); // three characters: the trigram index, verbatim
    expect(searchNeedle('电-')).toBe('电');
    expect(searchNeedle('梯')).toBe('梯');
    expect(searchNeedle(' -- ')).toBeNull();
  });
});
