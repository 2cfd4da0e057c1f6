import { findKeys } from 'i18next-cli';
import { describe, expect, it } from 'vitest';
import { type Language, languages, namespaces, resources } from './resources.ts';

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

/** A namespace the extractor puts on keys whose translator it cannot see (a `t` passed in as an argument). */
const unseen = '?';

/** The keys i18next-cli finds in `input` that some language lacks, as `lang ns:key`. */
async function missingKeys(input: string[], defaultNS: string, extra: object = {}): Promise<{ found: number; missing: string[] }> {
  const { allKeys } = await findKeys(
    {
      locales: [...languages],
      extract: {
        input,
        ignore: ['**/*.test.*', '**/test/**'],
        output: 'locales/{{language}}/{{namespace}}.json',
        defaultNS,
        nsSeparator: ':',
        keySeparator: '.',
        ...extra,
      },
    },
    { info: () => {}, warn: () => {}, error: () => {} },
  );
  const missing = [...allKeys.values()].flatMap(({ ns, key }) => {
    const named = String(ns || defaultNS);
    // A key whose namespace is not visible must exist in one namespace, the same in every language.
    const candidates = named === unseen ? namespaces : [named];
    const home = candidates.find((n) => languages.every((lang) => has(lang, n, key)));
    return home ? [] : languages.filter((lang) => !candidates.some((n) => has(lang, n, key))).map((lang) => `${lang} ${named}:${key}`);
  });
  return { found: allKeys.size, missing };
}

describe('the keys the code uses', () => {
  // Keys built at run time (`statuses.${status}`) are invisible here; the parity test covers their files.
  it('are found by i18next-cli in the renderer and exist in every language', async () => {
    const { found, missing } = await missingKeys(['renderer/**/*.{ts,tsx}'], 'common');
    expect(found).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  }, 60_000);

  it('are found in the core and the Electron shell and exist in every language', async () => {
    // The core's translators come from translatorFor(locale, namespace); many are handed to a
    // builder as `t`, where the extractor cannot tell which namespace they read.
    const { found, missing } = await missingKeys(['core/**/*.ts', 'electron/**/*.ts'], unseen, {
      useTranslationNames: [{ name: 'translatorFor', nsArg: 1, keyPrefixArg: 2 }],
    });
    expect(found).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  }, 60_000);
});
