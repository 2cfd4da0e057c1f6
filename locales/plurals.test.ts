import i18next from 'i18next';
import { expect, it } from 'vitest';
import { namespaces, resources } from './resources.ts';

it('says 1 case and 2 cases in English, and the one Chinese form for both', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'en', fallbackLng: 'zh-CN', ns: [...namespaces], interpolation: { escapeValue: false } });
  expect(i18n.t('handling:board.total', { count: 1 })).toBe('1 case');
  expect(i18n.t('handling:board.total', { count: 2 })).toBe('2 cases');
  expect(i18n.t('registration:print.printedBefore', { count: 1 })).toBe('1 copy printed');
  await i18n.changeLanguage('zh-CN');
  expect(i18n.t('handling:board.total', { count: 1 })).toBe('共 1 件');
  expect(i18n.t('handling:board.total', { count: 2 })).toBe('共 2 件');
});
