import { describe, expect, it } from 'vitest';
import { languages, resources } from './resources.ts';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

// A language may add plural forms (`key_one` beside `key`): English says 1 case, 2 cases; Chinese does not.
const pluralForm = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(pluralForm, '');

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const valueAt = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);

describe('locales', () => {
  const reference = resources['zh-CN'] as unknown as Record<string, Tree>;
  for (const lang of languages) {
    const bundle = resources[lang] as unknown as Record<string, Tree>;
    it(`${lang} has exactly the keys of zh-CN (plus plural forms of them), every value non-empty, with the same placeholders`, () => {
      expect(Object.keys(bundle).sort()).toEqual(Object.keys(reference).sort());
      for (const [ns, tree] of Object.entries(reference)) {
        const own = bundle[ns] ?? {};
        const ownKeys = keysOf(own);
        expect(ownKeys.filter((k) => !pluralForm.test(k)).sort(), `${lang}/${ns}`).toEqual(keysOf(tree).sort());
        for (const key of ownKeys) {
          const text = valueAt(own, key);
          expect(typeof text === 'string' && text.trim().length > 0, `${lang}/${ns}:${key}`).toBe(true);
          // A plural form answers to its base key, which must be in the reference and take a count.
          const base = valueAt(tree, baseOf(key));
          expect(typeof base, `${lang}/${ns}:${key} has no ${baseOf(key)} in zh-CN`).toBe('string');
          if (key !== baseOf(key)) expect(String(base), `${lang}/${ns}:${key}`).toContain('{{count}}');
          expect(placeholders(String(text)), `${lang}/${ns}:${key}`).toEqual(placeholders(String(base)));
        }
      }
    });
  }
});
