import { getDocument, GlobalWorkerOptions, PDFWorker, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';
import { markPreview } from './preview-timing.ts';

// The worker is a file of our own bundle (the CSP's worker-src 'self'), never a CDN's.
GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: PDFWorker | null = null;

/**
 * pdf.js's worker, started once and kept for every PDF after: starting it (loading and compiling
 * its 1.2 MB script) was most of the wait for a first page (docs/preview.md, Benchmark). A
 * document's `destroy` frees that document inside the worker, not the worker.
 */
function pdfWorker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) {
    sharedWorker = new PDFWorker();
    void sharedWorker.promise.then(() => performance.mark('preview:worker-ready'));
  }
  return sharedWorker;
}

/** Starts the worker ahead of the first PDF (the file browser calls it once it is idle). */
export function warmPdfWorker(): void {
  pdfWorker();
}

/** Up to this size a PDF streams in one answer; beyond it, pdf.js reads only the parts it shows. */
const streamWholeBelowBytes = 512 * 1024;

/**
 * Opens a PDF from the app's preview URL. A small one streams whole in one request (fastest to a
 * first page); a large one, or one whose size Box did not say, is read in parts with `Range` (main
 * passes it on to Box) and only as pages are shown (no auto-fetch of the rest), so a 1 GB manual
 * costs what its shown pages cost.
 */
export function openPdf(
  src: string,
  size: number | null,
): { promise: Promise<PDFDocumentProxy>; destroy: () => Promise<void> } {
  const task = getDocument({
    url: src,
    disableAutoFetch: true,
    disableStream: size === null || size >= streamWholeBelowBytes,
    rangeChunkSize: 256 * 1024,
    worker: pdfWorker(),
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}

export interface DrawnPage {
  cancel: () => void;
  done: Promise<void>;
}

/**
 * Draws one page into the canvas at `scale` (sharp on high-DPI screens) and lays its text over it,
 * so that it can be selected, copied and found. The caller keeps one canvas: memory stays bounded
 * however many pages are read.
 */
export function drawPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  scale: number,
  canvas: HTMLCanvasElement,
  textContainer: HTMLElement,
): DrawnPage {
  let cancelled = false;
  let cancelRender = (): void => {};
  const done = (async () => {
    const page = await document.getPage(pageNumber);
    markPreview('page-got');
    if (cancelled) return;
    const viewport = page.getViewport({ scale });
    const pixels = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * pixels);
    canvas.height = Math.floor(viewport.height * pixels);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const task = page.render({
      canvas,
      viewport,
      ...(pixels === 1 ? {} : { transform: [pixels, 0, 0, pixels, 0, 0] }),
    });
    // The text is laid out while the canvas draws, not after it.
    textContainer.replaceChildren();
    textContainer.style.setProperty('--total-scale-factor', String(scale));
    const text = new TextLayer({ textContentSource: page.streamTextContent(), container: textContainer, viewport });
    cancelRender = () => {
      task.cancel();
      text.cancel();
    };
    await Promise.all([task.promise.then(() => markPreview('canvas-drawn')), text.render()]);
    markPreview('text-drawn');
    if (cancelled) return;
    page.cleanup();
  })();
  return {
    cancel: () => {
      cancelled = true;
      cancelRender();
    },
    done,
  };
}

/** The pages whose text contains `query` (case-insensitive), with how many times each does. */
export async function findInPdf(
  document: PDFDocumentProxy,
  query: string,
): Promise<Array<{ page: number; count: number }>> {
  const needle = query.toLocaleLowerCase();
  const found: Array<{ page: number; count: number }> = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .toLocaleLowerCase();
    const count = text.split(needle).length - 1;
    if (count > 0) found.push({ page, count });
  }
  return found;
}
