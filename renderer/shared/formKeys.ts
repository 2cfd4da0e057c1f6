import type { KeyboardEvent } from 'react';

/** The fields of a form a person fills in, in the order Tab would visit them. */
function fieldsOf(form: HTMLFormElement): HTMLElement[] {
  const all = form.querySelectorAll<HTMLElement>('input, select, textarea');
  return [...all].filter((el) => {
    if (el instanceof HTMLInputElement && ['hidden', 'file', 'submit', 'button', 'reset'].includes(el.type)) return false;
    if ((el as HTMLInputElement).disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
    return el.getClientRects().length > 0;
  });
}

const isTick = (el: Element) => el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');

/**
 * Enter in a single-line field moves on to the next field to type in instead of submitting the
 * form: at a busy window a half-filled complaint is never saved by a stray Enter. Check boxes
 * are passed over (Space ticks them, Tab visits them). Enter still commits an input method's
 * composition and picks an option from an open list.
 */
export function moveOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  if (target instanceof HTMLInputElement && ['file', 'submit', 'button', 'reset'].includes(target.type)) return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  event.preventDefault();
  const fields = fieldsOf(event.currentTarget);
  fields
    .slice(fields.indexOf(target) + 1)
    .find((f) => !isTick(f))
    ?.focus();
}

/**
 * After a refused save: the first field marked in error gets focus and is scrolled to the
 * middle of the screen, clear of the sticky footer. Returns false when no field is marked.
 */
export function focusFirstError(form: HTMLFormElement | null): boolean {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return false;
  first.scrollIntoView({ block: 'center' });
  first.focus({ preventScroll: true });
  return true;
}

/**
 * Focus for a screen just arrived at (after sign-in, focus is nowhere): only when nothing has
 * focus yet, so a click made while the page was loading (the language menu) is not undone.
 */
export function focusIfIdle(el: HTMLElement | null | undefined) {
  const active = document.activeElement;
  if (el && (!active || active === document.body)) el.focus();
}
