import type { CasePrintout } from '../../../domain/api/registrationViews.ts';
import { i18next } from '../i18n.ts';

/**
 * What only the desktop can do (send to a printer, save a PDF), with a browser fallback, so
 * the core never knows about Electron.
 */
export interface HostPrintOptions {
  mode: 'silent' | 'dialog' | 'pdf';
  printer: string | null;
}

export interface HostPrintResult {
  /** `sent`: handed to the printer or the dialog; a printer gives no proof that paper came out. */
  outcome: 'sent' | 'savedPdf' | 'cancelled' | 'failed';
  /** The saved PDF's path; why it failed; `printerMissing` when the dialog replaced a silent print. */
  message?: string;
}

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  print(doc: CasePrintout, options: HostPrintOptions): Promise<HostPrintResult>;
}

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in a plain browser. */
    deskHost?: {
      print(request: {
        html: string;
        title: string;
        pageSize: CasePrintout['pageSize'];
        mode: HostPrintOptions['mode'];
        printer: string | null;
        /** The screen's language, for the words of a failure. */
        locale: string;
      }): Promise<HostPrintResult>;
    };
  }
}

const electronHost: HostApi = {
  kind: 'electron',
  print: (doc, options) => {
    if (!window.deskHost) throw new Error('Electron host used outside Electron');
    return window.deskHost.print({ html: doc.html, title: doc.title, pageSize: doc.pageSize, ...options, locale: i18next.language });
  },
};

/**
 * The browser prints through its own dialog: the document goes into a hidden same-origin
 * frame (no scripts, so the page's CSP holds) whose window is printed once its fonts are in.
 */
const browserHost: HostApi = {
  kind: 'browser',
  print: (doc) =>
    new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
      frame.setAttribute('aria-hidden', 'true');
      frame.title = doc.title;
      frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;';
      frame.addEventListener('load', async () => {
        const win = frame.contentWindow;
        try {
          await win?.document.fonts.ready;
          win?.focus();
          win?.print();
          resolve({ outcome: 'sent' });
        } catch (e) {
          resolve({ outcome: 'failed', message: e instanceof Error ? e.message : String(e) });
        } finally {
          setTimeout(() => frame.remove(), 1000);
        }
      });
      frame.srcdoc = doc.html;
      document.body.appendChild(frame);
    }),
};

export const hostApi: HostApi = typeof window !== 'undefined' && window.deskHost ? electronHost : browserHost;
