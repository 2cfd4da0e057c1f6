import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { defaultLanguage, namespaces, resources } from '../../../locales/resources.ts';
import { categoryOptions } from './categoryOptions.ts';

async function inLanguage(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources,
    lng,
    fallbackLng: defaultLanguage,
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

const categories = [
  // Seeded in Chinese by the wizard, never renamed.
  { id: 'a', name: '服务态度', code: 'attitude', parentId: null, disabled: false, group: false },
  // Seeded, then renamed by the administrator: their word stands.
  { id: 'b', name: '挂号收费', code: 'billing', parentId: null, disabled: false, group: false },
  // Added later, a subcategory of the first, and disabled.
  { id: 'c', name: '窗口人员', code: null, parentId: 'a', disabled: true, group: false },
];

describe('category options for the filters', () => {
  it('words seeded categories in the reader language and keeps the names an administrator gave', async () => {
    const en = await inLanguage('en');
    expect(categoryOptions(categories, en.t, en)).toEqual([
      { value: 'a', label: 'Staff attitude' },
      { value: 'b', label: '挂号收费' },
      { value: 'c', label: 'Staff attitude / 窗口人员 (disabled)' },
    ]);
    const tw = await inLanguage('zh-TW');
    expect(categoryOptions(categories, tw.t, tw).map((o) => o.label)).toEqual(['服務態度', '挂号收费', '服務態度 / 窗口人员（已停用）']);
  });
});
