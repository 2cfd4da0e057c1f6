import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { withPrintPolicy } from './contentPolicy.ts';
import {
  type PrintRequest,
  type PrintResult,
  type PrintStep,
  parsePrintRequest,
  planPrint,
  printJobLine,
  printOutcome,
} from './printPlan.ts';

export const printChannel = 'desk:print';

/** Every job in a log beside the data, so staff can see what went out and reprint. */
function logJob(dataDir: string, line: string) {
  try {
    fs.appendFileSync(path.join(dataDir, 'print-jobs.log'), line);
  } catch {
    // A full or read-only disk must not stop printing; the core's audit log still has the print.
  }
}

async function installedPrinters(win: BrowserWindow): Promise<string[] | null> {
  try {
    return (await win.webContents.getPrintersAsync()).map((p) => p.name);
  } catch {
    return null;
  }
}

/**
 * Prints the core's HTML from a hidden, sandboxed window with no preload (DESIGN.md §7): fonts
 * are awaited, then electron/printPlan.ts decides the paper and the options; this only carries
 * them out. Success means "handed to the printer", which is all a printer driver tells.
 */
async function printHtml(request: PrintRequest, owner: BrowserWindow | null): Promise<{ step: PrintStep | null; result: PrintResult }> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, webgl: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(withPrintPolicy(request.html))}`);
    const heightPx = (await win.webContents.executeJavaScript(
      'document.fonts.ready.then(() => Math.ceil(document.documentElement.scrollHeight))',
    )) as number;
    const step = planPrint(request, heightPx, request.mode === 'pdf' ? null : await installedPrinters(win));
    if (step.kind === 'pdf') {
      const target = await dialog.showSaveDialog(owner ?? win, {
        title: request.title,
        defaultPath: step.defaultFileName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (target.canceled || !target.filePath) return { step, result: { outcome: 'cancelled' } };
      fs.writeFileSync(target.filePath, await win.webContents.printToPDF(step.options));
      return { step, result: { outcome: 'savedPdf', message: target.filePath } };
    }
    const result = await new Promise<PrintResult>((resolve) => {
      win.webContents.print(step.options, (success, reason) => resolve(printOutcome(success, reason, step)));
    });
    return { step, result };
  } finally {
    win.destroy();
  }
}

/** The HostApi's `print` over IPC, only for the app's own page (as desk:call). */
export function bindPrinting(isAppUrl: (url: string) => boolean) {
  const dataDir = process.env.COMPLAINT_DESK_DATA ?? path.join(app.getPath('userData'), 'data');
  ipcMain.handle(printChannel, async (event: IpcMainInvokeEvent, value: unknown): Promise<PrintResult> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl) || event.senderFrame?.parent) return { outcome: 'failed', message: 'caller is not the desk window' };
    const request = parsePrintRequest(value);
    if (!request) return { outcome: 'failed', message: 'malformed print request' };
    const { step, result } = await printHtml(request, BrowserWindow.fromWebContents(event.sender)).catch(
      (e: unknown): { step: null; result: PrintResult } => ({
        step: null,
        result: { outcome: 'failed', message: e instanceof Error ? e.message : String(e) },
      }),
    );
    logJob(dataDir, printJobLine(request, step, result, new Date()));
    return result;
  });
}
