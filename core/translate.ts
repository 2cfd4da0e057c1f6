import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, pickLanguage, resources } from '../locales/resources.ts';

/** The core's own i18next instance: it answers errors and seeds reference data in the caller's language. */
const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  ns: ['errors', 'setup'],
  defaultNS: 'errors',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function translatorFor(locale: string | undefined, ns: 'errors' | 'setup' = 'errors'): TFunction {
  return i18n.getFixedT(pickLanguage(locale), ns);
}
