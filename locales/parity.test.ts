import { describe, expect, it } from 'vitest';
import { languages, resources } from './resources.ts';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const valueAt = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);

describe('locales', () => {
  const reference = resources['zh-CN'] as unknown as Record<string, Tree>;
  for (const lang of languages) {
    const bundle = resources[lang] as unknown as Record<string, Tree>;
    it(`${lang} has exactly the keys of zh-CN, every value non-empty, with the same placeholders`, () => {
      expect(Object.keys(bundle).sort()).toEqual(Object.keys(reference).sort());
      for (const [ns, tree] of Object.entries(reference)) {
        const own = bundle[ns] ?? {};
        expect(keysOf(own).sort(), `${lang}/${ns}`).toEqual(keysOf(tree).sort());
        for (const key of keysOf(tree)) {
          const text = valueAt(own, key);
          expect(typeof text === 'string' && text.trim().length > 0, `${lang}/${ns}:${key}`).toBe(true);
          expect(placeholders(String(text)), `${lang}/${ns}:${key}`).toEqual(placeholders(String(valueAt(tree, key))));
        }
      }
    });
  }
});
