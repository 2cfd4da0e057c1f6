import { BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain, type OpenDialogOptions } from 'electron';

export const chooseFolderChannel = 'desk:chooseFolder';

/**
 * The desktop's folder dialog for the backup and export folders (a USB drive, a network
 * share), so an administrator picks one instead of typing a path. Only the app's own page
 * may ask; it answers the chosen folder, or null when the dialog was cancelled.
 */
export function bindFolderPicker(isAppUrl: (url: string) => boolean) {
  ipcMain.handle(chooseFolderChannel, async (event: IpcMainInvokeEvent, title: unknown): Promise<string | null> => {
    if (!isAppUrl(event.senderFrame?.url ?? '') || event.senderFrame?.parent) return null;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: OpenDialogOptions = {
      title: typeof title === 'string' ? title.slice(0, 200) : '',
      properties: ['openDirectory', 'createDirectory'],
    };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
