import type { Page } from '@playwright/test';

/**
 * The browser host prints through the browser's own dialog, which a test cannot click: the
 * print frame's `print()` is replaced by a counter, read back with `printedCount`.
 */
export async function stubBrowserPrint(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    HTMLIFrameElement.prototype.focus = () => undefined;
    const original = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      get() {
        const win = original?.get?.call(this) as Window | null;
        if (win)
          win.print = () => {
            (window as unknown as { printed: number }).printed += 1;
          };
        return win;
      },
    });
  });
}

export const printedCount = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);
