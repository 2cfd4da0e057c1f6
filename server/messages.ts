import i18next from 'i18next';
import type enServer from '../locales/en/server.json';
import { defaultLanguage, pickLanguage, resources } from '../locales/resources.ts';

type Messages = typeof enServer;
/** A message of the server's own namespace (locales/<language>/server.json). */
export type ServerMessageKey = `refusal.${keyof Messages['refusal']}` | `tampered.${keyof Messages['tampered']}`;
export type MessageValues = Record<string, string | number>;

/** The server's own i18next instance: only its namespace, in every language the desks speak. */
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(resources).map(([lang, bundle]) => [lang, { server: bundle.server }])),
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  ns: ['server'],
  defaultNS: 'server',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The message in the language an Accept-Language header asks for (zh-CN when it asks for none the server speaks). */
export function serverMessage(key: ServerMessageKey, values: MessageValues, acceptLanguage: string | undefined): string {
  return i18n.getFixedT(pickLanguage(acceptLanguage))(key, values);
}
