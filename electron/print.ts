import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain, type Session, session } from 'electron';
import { translatorFor } from '../core/translate.ts';
import {
  printJobOf,
  printJobUrl,
  printPartition,
  printResponseHeaders,
  printScheme,
  printWebPreferences,
  withPrintPolicy,
} from './contentPolicy.ts';
import { langOfHtml, paperFontCss, withPaperFonts } from './printFonts.ts';
import {
  type PrintRequest,
  type PrintResult,
  type PrintStep,
  parsePrintRequest,
  planPrint,
  printJobLine,
  printOutcome,
  requestLocale,
  unknownReason,
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

/** Packed beside the app (electron-builder.json's extraResources); in a dev run, the repository's assets/. */
function paperFontDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'fonts') : path.join(app.getAppPath(), 'assets', 'fonts');
}

async function installedPrinters(win: BrowserWindow): Promise<string[] | null> {
  try {
    return (await win.webContents.getPrintersAsync()).map((p) => p.name);
  } catch {
    return null;
  }
}

/** The pages of the jobs being printed, served by the print session only while their job runs. */
const jobPages = new Map<string, string>();
let printSession: Session | null = null;

/**
 * The print windows' own in-memory session: it answers the job's page (with its policy as a
 * header), refuses every other request, and grants no permission.
 */
function printSessionOnce(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(printPartition);
  ses.protocol.handle(printScheme, (req) => {
    const page = jobPages.get(printJobOf(req.url) ?? '');
    return page === undefined ? new Response(null, { status: 404 }) : new Response(page, { headers: printResponseHeaders });
  });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: printJobOf(details.url) === null }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  printSession = ses;
  return ses;
}

/** The laid-out page's height in CSS pixels, read through the DevTools protocol: the page runs no script. */
async function contentHeightPx(win: BrowserWindow): Promise<number> {
  const devtools = win.webContents.debugger;
  devtools.attach('1.3');
  try {
    const metrics = (await devtools.sendCommand('Page.getLayoutMetrics')) as { cssContentSize?: { height: number } };
    return Math.ceil(metrics.cssContentSize?.height ?? 0);
  } finally {
    devtools.detach();
  }
}

/**
 * Prints the core's HTML from a hidden, sandboxed window with no preload and no JavaScript,
 * then electron/printPlan.ts decides the paper and the options; this only
 * carries them out. Success means "handed to the printer", which is all a printer driver tells.
 */
async function printHtml(request: PrintRequest, owner: BrowserWindow | null): Promise<{ step: PrintStep | null; result: PrintResult }> {
  printSessionOnce();
  const jobId = randomUUID();
  jobPages.set(jobId, withPaperFonts(withPrintPolicy(request.html), paperFontCss(paperFontDir(), langOfHtml(request.html))));
  const win = new BrowserWindow({ show: false, webPreferences: printWebPreferences });
  try {
    await win.loadURL(printJobUrl(jobId));
    const heightPx = await contentHeightPx(win);
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
    jobPages.delete(jobId);
    win.destroy();
  }
}

/** The HostApi's `print` over IPC, only for the app's own page (as desk:call). */
export function bindPrinting(isAppUrl: (url: string) => boolean) {
  const dataDir = process.env.COMPLAINT_DESK_DATA ?? path.join(app.getPath('userData'), 'data');
  ipcMain.handle(printChannel, async (event: IpcMainInvokeEvent, value: unknown): Promise<PrintResult> => {
    // Failures are shown to the person at the desk as they are, so they come in the screen's language.
    const t = translatorFor(requestLocale(value));
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl) || event.senderFrame?.parent) return { outcome: 'failed', message: t('foreignFrame') };
    const request = parsePrintRequest(value);
    if (!request) return { outcome: 'failed', message: t('printRequestMalformed') };
    const { step, result } = await printHtml(request, BrowserWindow.fromWebContents(event.sender)).catch(
      (e: unknown): { step: null; result: PrintResult } => ({
        step: null,
        result: { outcome: 'failed', message: e instanceof Error ? e.message : String(e) },
      }),
    );
    logJob(dataDir, printJobLine(request, step, result, new Date()));
    // A driver's own reason is passed on as it came; only the desk's placeholder is put into words.
    return result.outcome === 'failed' && result.message === unknownReason
      ? { outcome: 'failed', message: t('printReasonUnknown') }
      : result;
  });
}
