import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';

export const thumbnailWidth = 84;
/** A letter page's height at that width: the space kept while a page draws, so the list does not jump. */
export const thumbnailHeight = Math.round((thumbnailWidth * 11) / 8.5);

/**
 * One page drawn small, once it is in the page list's view and the page being read is drawn (so
 * thumbnails never hold up the first page). The canvas goes when its row scrolls away: memory stays
 * bounded by the rows in view, however long the document.
 */
export function PdfPageThumbnail({
  pdf,
  pageNumber,
  enabled,
}: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  enabled: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!enabled) return;
    let task: RenderTask | null = null;
    let live = true;
    void pdf.getPage(pageNumber).then((page) => {
      const target = canvas.current;
      if (!live || !target) return;
      const pixels = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (thumbnailWidth * pixels) / page.getViewport({ scale: 1 }).width });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.height = `${Math.floor(viewport.height / pixels)}px`;
      task = page.render({ canvas: target, viewport });
      task.promise.then(
        () => live && target.setAttribute('data-drawn', 'true'),
        () => undefined,
      );
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [pdf, pageNumber, enabled]);
  return (
    <canvas
      ref={canvas}
      className="preview-page-thumbnail"
      aria-hidden="true"
      style={{ width: thumbnailWidth, height: thumbnailHeight }}
    />
  );
}
