import { DeskCallError } from './api/deskClient.ts';
import { i18next } from './i18n.ts';

/**
 * What to tell the user about a failed call: the core's own message (already in their language),
 * or that the desk could not be reached.
 */
export function deskErrorMessage(e: unknown): string {
  return e instanceof DeskCallError ? e.body.message : i18next.t('common:networkError');
}
