import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, namespaces, pickLanguage, resources } from '../locales/resources.ts';

/**
 * The core's own i18next instance: it answers errors and seeds reference data in the caller's
 * language. Message keys default to the `errors` namespace; an area may keep its messages in
 * its own file and name them `ns:key`.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  ns: [...namespaces],
  defaultNS: 'errors',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function translatorFor(locale: string | undefined, ns: (typeof namespaces)[number] = 'errors'): TFunction {
  return i18n.getFixedT(pickLanguage(locale), ns);
}
