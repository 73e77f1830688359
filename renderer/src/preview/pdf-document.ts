import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';

// The worker is a file of our own bundle (the CSP's worker-src 'self'), never a CDN's.
GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a PDF from the app's preview URL. pdf.js asks for parts with `Range` (main passes it on
 * to Box) and only as pages are shown (no auto-fetch of the rest).
 */
export function openPdf(src: string): { promise: Promise<PDFDocumentProxy>; destroy: () => Promise<void> } {
  const task = getDocument({ url: src, disableAutoFetch: true, rangeChunkSize: 256 * 1024 });
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
    cancelRender = () => task.cancel();
    await task.promise;
    if (cancelled) return;
    textContainer.replaceChildren();
    textContainer.style.setProperty('--total-scale-factor', String(scale));
    await new TextLayer({ textContentSource: page.streamTextContent(), container: textContainer, viewport }).render();
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
