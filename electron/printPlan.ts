/**
 * What electron/print.ts does with a print request, decided without Electron: checking the
 * request, the page size, the options handed to `webContents.print` / `printToPDF`, what a
 * printer's answer means, and the job log's line. The Electron edge only carries these out,
 * so this file is what the unit tests prove (no Electron binary is needed to run them).
 */

export type PrintMode = 'silent' | 'dialog' | 'pdf';

/** What the renderer asks to print: the core's HTML and where it should go. */
export interface PrintRequest {
  html: string;
  title: string;
  /** Receipt slips have no fixed height (`heightMicrons: null`): the content decides. */
  pageSize: { widthMicrons: number; heightMicrons: number | null };
  mode: PrintMode;
  printer: string | null;
}

export interface PrintResult {
  outcome: 'sent' | 'savedPdf' | 'cancelled' | 'failed';
  message?: string;
}

/** A printed document is a few hundred KB of HTML at most; anything far larger is not ours. */
const maxHtmlLength = 20 * 1024 * 1024;
/** Paper from a 58 mm receipt roll up to A3; anything else is a malformed request. */
const minWidthMicrons = 40_000;
const maxSideMicrons = 420_000;
/** A slip is never shorter than this, so a printer's cutter has paper to cut. */
export const minSlipHeightMicrons = 50_000;
/** Paper fed after the last line of a slip, so the cut does not go through the text. */
export const slipTailMicrons = 5_000;
export const micronsPerCssPixel = 25_400 / 96;
const micronsPerInch = 25_400;

const isSide = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= minWidthMicrons && n <= maxSideMicrons;

/** The request as the renderer sent it, or null when it is not one (the IPC carries anything). */
export function parsePrintRequest(value: unknown): PrintRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const size = r.pageSize as Record<string, unknown> | undefined;
  if (typeof r.html !== 'string' || r.html.length === 0 || r.html.length > maxHtmlLength) return null;
  if (typeof r.title !== 'string') return null;
  if (typeof size !== 'object' || size === null || !isSide(size.widthMicrons)) return null;
  if (size.heightMicrons !== null && !isSide(size.heightMicrons)) return null;
  if (r.mode !== 'silent' && r.mode !== 'dialog' && r.mode !== 'pdf') return null;
  if (r.printer !== null && r.printer !== undefined && typeof r.printer !== 'string') return null;
  return {
    html: r.html,
    title: r.title,
    pageSize: { widthMicrons: size.widthMicrons, heightMicrons: size.heightMicrons },
    mode: r.mode,
    printer: typeof r.printer === 'string' && r.printer.trim() !== '' ? r.printer : null,
  };
}

/** The screen's language the renderer sent with a request, for the words of a refusal. */
export function requestLocale(value: unknown): string | undefined {
  const locale = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).locale : undefined;
  return typeof locale === 'string' ? locale : undefined;
}

/** The paper in microns: fixed pages as asked; a slip as long as its content plus the tail. */
export function paperMicrons(request: PrintRequest, contentHeightPx: number): { width: number; height: number } {
  const width = Math.round(request.pageSize.widthMicrons);
  if (request.pageSize.heightMicrons !== null) return { width, height: Math.round(request.pageSize.heightMicrons) };
  const content = Number.isFinite(contentHeightPx) && contentHeightPx > 0 ? contentHeightPx : 0;
  return { width, height: Math.max(minSlipHeightMicrons, Math.ceil(content * micronsPerCssPixel) + slipTailMicrons) };
}

/** Windows refuses these characters in file names; the title is the default name of a saved PDF. */
export function pdfFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || 'document';
  return `${base.slice(0, 120)}.pdf`;
}

/** Options of `webContents.print` (microns) or `printToPDF` (inches), as Electron 39 takes them. */
export type PrintStep =
  | {
      kind: 'print';
      options: {
        silent: boolean;
        printBackground: true;
        deviceName?: string;
        pageSize: { width: number; height: number };
        margins: { marginType: 'none' };
      };
      /** Set when the configured printer is not installed and the dialog is shown instead. */
      fallback?: 'printerMissing';
    }
  | {
      kind: 'pdf';
      defaultFileName: string;
      options: {
        pageSize: { width: number; height: number };
        // printToPDF takes margins in inches and ignores marginType; its default is 1 cm a side.
        margins: { top: 0; bottom: 0; left: 0; right: 0 };
        printBackground: true;
        preferCSSPageSize: false;
      };
    };

/**
 * How to carry out a request. `installedPrinters` is the system's printer names (null when
 * they could not be listed): a silent print to a printer that is not there would vanish without
 * a word, so the desk shows the dialog instead and says why.
 */
export function planPrint(request: PrintRequest, contentHeightPx: number, installedPrinters: readonly string[] | null): PrintStep {
  const paper = paperMicrons(request, contentHeightPx);
  if (request.mode === 'pdf') {
    return {
      kind: 'pdf',
      defaultFileName: pdfFileName(request.title),
      options: {
        pageSize: { width: paper.width / micronsPerInch, height: paper.height / micronsPerInch },
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        printBackground: true,
        preferCSSPageSize: false,
      },
    };
  }
  const printerMissing = request.printer !== null && installedPrinters !== null && !installedPrinters.includes(request.printer);
  const silent = request.mode === 'silent' && !printerMissing;
  return {
    kind: 'print',
    options: {
      silent,
      printBackground: true,
      ...(request.printer && !printerMissing ? { deviceName: request.printer } : {}),
      pageSize: paper,
      margins: { marginType: 'none' },
    },
    ...(printerMissing ? { fallback: 'printerMissing' as const } : {}),
  };
}

/** A failure the printer gave no reason for (the log keeps this word; the screen gets the translation). */
export const unknownReason = 'unknown';

/** What `webContents.print`'s callback means for the person at the desk. */
export function printOutcome(success: boolean, failureReason: string | undefined, step: PrintStep): PrintResult {
  const note = step.kind === 'print' && step.fallback ? step.fallback : undefined;
  if (success) return { outcome: 'sent', ...(note ? { message: note } : {}) };
  // Electron answers "cancelled" when the user closes the dialog; older versions said "Print job canceled".
  if (failureReason === 'cancelled' || failureReason === 'Print job canceled') return { outcome: 'cancelled' };
  return { outcome: 'failed', message: failureReason || unknownReason };
}

/** One JSON line of `print-jobs.log`: what went out, where, and how it ended; never the document. */
export function printJobLine(request: PrintRequest, step: PrintStep | null, result: PrintResult, at: Date): string {
  const entry = {
    at: at.toISOString(),
    title: request.title,
    mode: request.mode,
    printer: request.printer,
    ...(step?.kind === 'print' ? { silent: step.options.silent, paperMicrons: step.options.pageSize } : {}),
    ...(step?.kind === 'pdf' ? { paperInches: step.options.pageSize } : {}),
    outcome: result.outcome,
    ...(result.message ? { message: result.message } : {}),
  };
  return `${JSON.stringify(entry)}\n`;
}
