import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * PDFs drawn by pdf.js onto a canvas: the same in the browser host and in Electron, with no
 * plugin, no frame and nothing loosened in the CSP (`object-src 'none'` stays). pdf.js is
 * loaded only when a PDF is first shown, so the desk's start does not pay for it.
 */
let library: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs() {
  library ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return library;
}

export interface PdfFile {
  pageCount: number;
  /** Draws page `n` (1-based) `cssWidth` pixels wide, sharp on high-density screens. */
  draw(n: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>;
  close(): void;
}

/** The drawing under way on each canvas: pdf.js refuses two at once on one canvas. */
const drawing = new WeakMap<HTMLCanvasElement, RenderTask>();

export async function openPdf(bytes: ArrayBuffer): Promise<PdfFile> {
  const lib = await pdfjs();
  const base = document.baseURI;
  const doc: PDFDocumentProxy = await lib.getDocument({
    // pdf.js hands the buffer to its worker: give it a copy, the caller may show the file again.
    data: new Uint8Array(bytes.slice(0)),
    // The CSP has no 'unsafe-eval'; pdf.js then draws fonts without compiled paths.
    isEvalSupported: false,
    cMapUrl: new URL('pdfjs/cmaps/', base).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', base).href,
  }).promise;
  return {
    pageCount: doc.numPages,
    async draw(n, canvas, cssWidth) {
      const running = drawing.get(canvas);
      if (running) {
        running.cancel();
        await running.promise.catch(() => undefined);
      }
      const page = await doc.getPage(n);
      const natural = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (cssWidth / natural.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      const task = page.render({ canvasContext: context, viewport });
      drawing.set(canvas, task);
      try {
        await task.promise;
      } catch (e) {
        // A newer drawing on the same canvas replaced this one: not a failure.
        if (e instanceof Error && e.name === 'RenderingCancelledException') return;
        throw e;
      } finally {
        if (drawing.get(canvas) === task) drawing.delete(canvas);
        page.cleanup();
      }
    },
    close: () => void doc.destroy(),
  };
}
