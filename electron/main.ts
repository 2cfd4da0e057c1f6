import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { startDeadlineSweeps } from '../core/deadlines/sweepTimer.ts';
import { createDesk, type Desk } from '../core/desk.ts';
import { translatorFor } from '../core/translate.ts';
import { StoreLockedError } from '../db/storeLock.ts';
import { bindFolderPicker } from './folderPicker.ts';
import { bindDeskIpc } from './ipc.ts';
import { bindPrinting } from './print.ts';
import { desktopKeyring } from './safeStorageKeyring.ts';
import { lockDownContents, secureWebPreferences } from './security.ts';

/**
 * The desk app: the main process owns the SQLite store (through the core) and opens one
 * window on the built renderer. Everything else lives in core/ and renderer/.
 */
const rendererIndex = path.join(__dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).href;
const isAppUrl = (url: string) => url.split('#')[0] === appUrl;

let desk: Desk | undefined;

if (!app.requestSingleInstanceLock()) app.quit();

lockDownContents(isAppUrl);

app.whenReady().then(async () => {
  const dataDir = process.env.COMPLAINT_DESK_DATA ?? path.join(app.getPath('userData'), 'data');
  try {
    // A damaged or too-new store does not throw: the desk starts in recovery mode and the
    // window shows the screen that restores a backup. Only a second desk on the folder throws.
    desk = await createDesk({ dataDir, keyring: desktopKeyring(dataDir) });
  } catch (e) {
    const message = e instanceof StoreLockedError ? e.message : String(e);
    const t = translatorFor(app.getLocale());
    dialog.showErrorBox(t('common:appName'), t('storeUnopenable', { folder: dataDir, reason: message }));
    app.exit(1);
    return;
  }
  bindDeskIpc(desk, isAppUrl);
  bindFolderPicker(isAppUrl);
  bindPrinting(isAppUrl);
  startDeadlineSweeps(desk);
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '投诉受理台 · Complaint Desk',
    webPreferences: { ...secureWebPreferences, preload: path.join(__dirname, '../preload/preload.cjs') },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadFile(rendererIndex);
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());

/** The backup on quit runs before the store closes; quitting waits for it, once. */
let quitting: 'no' | 'backingUp' | 'done' = 'no';
app.on('before-quit', (event) => {
  if (!desk || quitting === 'done') return;
  event.preventDefault();
  if (quitting === 'backingUp') return;
  quitting = 'backingUp';
  const open = desk;
  void open
    .backupOnQuit()
    .then(() => open.close())
    .finally(() => {
      quitting = 'done';
      app.quit();
    });
});
