import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * PDFs drawn by pdf.js onto a canvas: the same in the browser host and in Electron, with no
 * plugin, no frame and nothing loosened in the CSP (`object-src 'none'` stays). pdf.js is
 * loaded only when a PDF is first shown, so the desk's start does not pay for it.
 */
/**
 * The character maps (Chinese PDFs whose fonts are not embedded name a CMap such as
 * UniGB-UCS2-H) and pdf.js's standard fonts travel inside the bundle, each its own lazily loaded
 * chunk: a page loaded from file:// in Electron cannot fetch files beside it, but it can import.
 */
const cMaps = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?inline', import: 'default' });
const standardFonts = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
  query: '?inline',
  import: 'default',
});

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function bundled(files: Record<string, () => Promise<string>>, folder: string, name: string): Promise<Uint8Array> {
  // Keyed by the path as written in the glob: found by its tail, so moving this file cannot break it.
  const load = Object.entries(files).find(([path]) => path.endsWith(`/pdfjs-dist/${folder}/${name}`))?.[1];
  if (!load) throw new Error(`pdf.js resource not bundled: ${folder}/${name}`);
  return bytesOf(await load());
}

/** pdf.js asks these for a CMap or a standard font by name (same shape as its own factories). */
class BundledCMapReader {
  async fetch({ name }: { name: string }) {
    return { cMapData: await bundled(cMaps, 'cmaps', `${name}.bcmap`), isCompressed: true };
  }
}
class BundledStandardFonts {
  fetch({ filename }: { filename: string }) {
    return bundled(standardFonts, 'standard_fonts', filename);
  }
}

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
  const doc: PDFDocumentProxy = await lib.getDocument({
    // pdf.js hands the buffer to its worker: give it a copy, the caller may show the file again.
    data: new Uint8Array(bytes.slice(0)),
    // The CSP has no 'unsafe-eval'; pdf.js then draws fonts without compiled paths.
    isEvalSupported: false,
    cMapPacked: true,
    CMapReaderFactory: BundledCMapReader,
    StandardFontDataFactory: BundledStandardFonts,
    useWorkerFetch: false,
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
