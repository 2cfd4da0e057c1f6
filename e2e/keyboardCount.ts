import type { Page } from '@playwright/test';

/**
 * The keyboard of a test that counts what a person at a busy window presses besides the text
 * itself: Tab, Enter, arrows, shortcuts. Text is typed as characters (Chinese as the input
 * method commits it) and not counted; every other key is, and is kept in order so a failing
 * count shows where the keys went.
 */
export function countingKeyboard(page: Page) {
  const pressed: string[] = [];
  return {
    /** A key that is not text (`Tab`, `Enter`, `Control+p`): counted. */
    async press(key: string, times = 1) {
      for (let i = 0; i < times; i++) {
        pressed.push(key);
        await page.keyboard.press(key);
      }
    },
    /** Text into the focused field: not counted. */
    async type(text: string) {
      await page.keyboard.insertText(text);
    },
    /** Tabs (counted) until `isThere` says focus arrived, at most `limit`; false if it never did. */
    async tabUntil(isThere: () => Promise<boolean>, limit = 40): Promise<boolean> {
      for (let i = 0; i < limit; i++) {
        if (await isThere()) return true;
        pressed.push('Tab');
        await page.keyboard.press('Tab');
      }
      return isThere();
    },
    get count() {
      return pressed.length;
    },
    /** The keys in order, for the failure message. */
    get keys(): readonly string[] {
      return pressed;
    },
  };
}

/** What has focus, as a person would name it: the field's label or the button's text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
    return (labelled ?? el.textContent ?? '').trim();
  });
}
