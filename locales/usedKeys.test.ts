import { findKeys } from 'i18next-cli';
import { describe, expect, it } from 'vitest';
import { type Language, languages, resources } from './resources.ts';

type Tree = { [key: string]: string | Tree };

/** i18next's plural suffixes: a key used with a count may exist only in its plural forms. */
const pluralSuffixes = ['', '_zero', '_one', '_two', '_few', '_many', '_other'];

function has(lang: Language, ns: string, key: string): boolean {
  const tree = (resources[lang] as unknown as Record<string, Tree | undefined>)[ns];
  const path = key.split('.');
  const leaf = path.pop() as string;
  const parent = path.reduce<Tree | string | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);
  return typeof parent === 'object' && pluralSuffixes.some((suffix) => typeof parent[`${leaf}${suffix}`] === 'string');
}

describe('the keys the screens use', () => {
  // Keys built at run time (`statuses.${status}`) are invisible here; the parity test covers their files.
  it('are found by i18next-cli in the renderer and exist in every language', async () => {
    const { allKeys } = await findKeys(
      {
        locales: [...languages],
        extract: {
          input: ['renderer/**/*.{ts,tsx}'],
          ignore: ['**/*.test.*'],
          output: 'locales/{{language}}/{{namespace}}.json',
          defaultNS: 'common',
          nsSeparator: ':',
          keySeparator: '.',
        },
      },
      { info: () => {}, warn: () => {}, error: () => {} },
    );
    expect(allKeys.size).toBeGreaterThan(300);
    const missing = [...allKeys.values()].flatMap(({ ns, key }) =>
      languages.filter((lang) => !has(lang, String(ns || 'common'), key)).map((lang) => `${lang} ${ns}:${key}`),
    );
    expect(missing).toEqual([]);
  }, 60_000);
});
