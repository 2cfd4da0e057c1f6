import { app, session, shell, type WebContents } from 'electron';
import { mayOpenExternally } from './contentPolicy.ts';

/** The BrowserWindow settings every desk window gets; never loosened for convenience. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** No navigation away from the app, no new windows, no permissions (camera, geolocation...). */
export function lockDownContents(isAppUrl: (url: string) => boolean) {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Only the links the app itself makes open in the user's browser, never inside the desk.
      if (mayOpenExternally(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    // Asked without a prompt (clipboard, notifications, media devices...): also no.
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
