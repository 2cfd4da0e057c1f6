import { i18next } from '../i18n.ts';
import { deskClient } from './deskClient.ts';

/** The one client of the window: pages behind the sign-in reach it through the session too. */
export const client = deskClient(() => i18next.language);
