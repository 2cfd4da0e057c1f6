import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, type Language, languages, namespaces, resources } from '../../locales/resources.ts';

const storageKey = 'desk.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return languages.find((l) => l === saved) ?? defaultLanguage;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: savedLanguage(),
  fallbackLng: defaultLanguage,
  ns: [...namespaces],
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language) {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

document.documentElement.lang = i18next.language;

export { i18next };
