import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain } from 'electron';

export const printChannel = 'desk:print';

/** What the renderer asks to print: the core's HTML and where it should go. */
interface PrintRequest {
  html: string;
  title: string;
  pageSize: { widthMicrons: number; heightMicrons: number | null };
  mode: 'silent' | 'dialog' | 'pdf';
  printer: string | null;
}

interface PrintResult {
  outcome: 'sent' | 'savedPdf' | 'cancelled' | 'failed';
  message?: string;
}

const micronsPerCssPixel = 25_400 / 96;

function isRequest(value: unknown): value is PrintRequest {
  const r = value as PrintRequest;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.html === 'string' &&
    typeof r.title === 'string' &&
    typeof r.pageSize?.widthMicrons === 'number' &&
    ['silent', 'dialog', 'pdf'].includes(r.mode)
  );
}

/** Every job in a log beside the data, so staff can see what went out and reprint. */
function logJob(dataDir: string, entry: Record<string, unknown>) {
  try {
    fs.appendFileSync(path.join(dataDir, 'print-jobs.log'), `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
  } catch {
    // A full or read-only disk must not stop printing; the core's audit log still has the print.
  }
}

/**
 * Prints the core's HTML from a hidden, sandboxed window with no preload (DESIGN.md §7): fonts
 * are awaited, the page size goes in microns (receipt slips: the content's own height), and
 * success means "handed to the printer", which is all a printer driver tells.
 */
async function printHtml(request: PrintRequest, owner: BrowserWindow | null): Promise<PrintResult> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(request.html)}`);
    const heightPx = (await win.webContents.executeJavaScript(
      'document.fonts.ready.then(() => Math.ceil(document.documentElement.scrollHeight))',
    )) as number;
    const width = request.pageSize.widthMicrons;
    const height = request.pageSize.heightMicrons ?? Math.max(50_000, Math.ceil(heightPx * micronsPerCssPixel) + 5_000);
    if (request.mode === 'pdf') {
      const target = await dialog.showSaveDialog(owner ?? win, {
        title: request.title,
        defaultPath: `${request.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (target.canceled || !target.filePath) return { outcome: 'cancelled' };
      // printToPDF takes inches.
      const pdf = await win.webContents.printToPDF({
        pageSize: { width: width / 25_400, height: height / 25_400 },
        margins: { marginType: 'none' },
        printBackground: true,
      });
      fs.writeFileSync(target.filePath, pdf);
      return { outcome: 'savedPdf', message: target.filePath };
    }
    return await new Promise<PrintResult>((resolve) => {
      win.webContents.print(
        {
          silent: request.mode === 'silent',
          printBackground: true,
          ...(request.printer ? { deviceName: request.printer } : {}),
          pageSize: { width, height },
          margins: { marginType: 'none' },
        },
        (success, reason) => {
          if (success) resolve({ outcome: 'sent' });
          else resolve({ outcome: reason === 'Print job canceled' || reason === 'cancelled' ? 'cancelled' : 'failed', message: reason });
        },
      );
    });
  } finally {
    win.destroy();
  }
}

/** The HostApi's `print` over IPC, only for the app's own page (as desk:call). */
export function bindPrinting(isAppUrl: (url: string) => boolean) {
  const dataDir = process.env.COMPLAINT_DESK_DATA ?? path.join(app.getPath('userData'), 'data');
  ipcMain.handle(printChannel, async (event: IpcMainInvokeEvent, request: unknown): Promise<PrintResult> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl) || event.senderFrame?.parent) return { outcome: 'failed', message: 'caller is not the desk window' };
    if (!isRequest(request)) return { outcome: 'failed', message: 'malformed print request' };
    const result = await printHtml(request, BrowserWindow.fromWebContents(event.sender)).catch(
      (e: unknown): PrintResult => ({ outcome: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    logJob(dataDir, { title: request.title, mode: request.mode, printer: request.printer, ...result });
    return result;
  });
}
