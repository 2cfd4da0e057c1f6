import type { CallContext, Envelope } from '../../../domain/api/envelope.ts';
import { setupTokenHeader, setupTokenParam } from '../../../domain/api/setupToken.ts';

/** How the renderer reaches the core: IPC inside Electron, HTTP in a browser. */
export type Transport = (method: string, input: unknown, context: CallContext) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge; absent in a plain browser. */
    desk?: { call: Transport; chooseFolder?: (title: string) => Promise<string | null> };
  }
}

export const ipcTransport: Transport = (method, input, context) => {
  if (!window.desk) throw new Error('IPC transport used outside Electron');
  return window.desk.call(method, input, context);
};

const setupTokenKey = 'desk.setupToken';

/**
 * The setup token the browser host printed in its link (`?setup=…`): kept for the tab's
 * session (a reload keeps it) and taken out of the address bar, so it is not bookmarked or shared.
 */
function setupToken(): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get(setupTokenParam);
  if (fromLink) {
    sessionStorage.setItem(setupTokenKey, fromLink);
    url.searchParams.delete(setupTokenParam);
    window.history.replaceState(window.history.state, '', url.toString());
  }
  return sessionStorage.getItem(setupTokenKey);
}

export const httpTransport: Transport = async (method, input, context) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const setup = setupToken();
  if (setup) headers[setupTokenHeader] = setup;
  if (context.token) headers.Authorization = `Bearer ${context.token}`;
  if (context.locale) headers['Accept-Language'] = context.locale;
  const response = await fetch(`/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return (await response.json()) as Envelope<unknown>;
};

export function pickTransport(): Transport {
  return typeof window !== 'undefined' && window.desk ? ipcTransport : httpTransport;
}
