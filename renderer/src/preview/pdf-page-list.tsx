import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PdfPageThumbnail, thumbnailHeight } from './pdf-page-thumbnail.tsx';

/** A row of the page list: the thumbnail, its number, the gaps. */
const rowHeight = thumbnailHeight + 40;

/**
 * The document's pages as a list of small pictures to jump to, the current one marked and kept in
 * view. Only the rows in view exist (TanStack Virtual), each drawn by pdf.js once the page being
 * read is drawn.
 */
export function PdfPageList({
  pdf,
  page,
  drawn,
  onSelect,
}: {
  pdf: PDFDocumentProxy | null;
  page: number;
  /** The page being read is drawn: thumbnails may start. */
  drawn: boolean;
  onSelect: (page: number) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  const count = pdf?.numPages ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 2,
  });
  useEffect(() => {
    if (count > 0) virtualizer.scrollToIndex(page - 1, { align: 'auto' });
  }, [page, count, virtualizer]);

  return (
    <nav className="preview-page-list" aria-label={t('preview.pages')} ref={scroller}>
      <ol style={{ height: virtualizer.getTotalSize() }}>
        {pdf &&
          virtualizer.getVirtualItems().map((row) => {
            const number = row.index + 1;
            return (
              <li
                key={row.key}
                aria-setsize={count}
                aria-posinset={number}
                style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
              >
                <button
                  type="button"
                  aria-current={number === page ? 'page' : undefined}
                  onClick={() => onSelect(number)}
                  data-testid="pdf-page-list-item"
                >
                  <PdfPageThumbnail pdf={pdf} pageNumber={number} enabled={drawn} />
                  <span>{t('preview.page', { page: number })}</span>
                </button>
              </li>
            );
          })}
      </ol>
    </nav>
  );
}
