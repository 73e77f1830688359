import { useTranslation } from 'react-i18next';
import { formatPercent } from '../components/format.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { drawPage, findInPdf, openPdf } from './pdf-document.ts';
import { PdfPageList } from './pdf-page-list.tsx';
import { PdfFind } from './pdf-find.tsx';
import { markPreview } from './preview-timing.ts';

const zoomSteps = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * A PDF (or a document Box converted to one), a page at a time: the page list beside it, page
 * navigation (buttons, the page number, PageUp/PageDown), zoom (fit to width by default), find in
 * text, and the text layer for selecting and copying.
 */
export function PdfViewer({
  src,
  name,
  size,
  onFailed,
}: {
  src: string;
  name: string;
  /** The file's size in bytes, when Box said: small PDFs stream whole, large ones are read by Range. */
  size: number | null;
  onFailed: () => void;
}) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [drawn, setDrawn] = useState(0);
  const [query, setQuery] = useState('');
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opened = openPdf(src, size);
    let live = true;
    opened.promise.then(
      (document) => {
        markPreview('pdf-opened');
        if (live) setPdf(document);
      },
      () => live && onFailed(),
    );
    return () => {
      live = false;
      void opened.destroy();
    };
  }, [src, size, onFailed]);

  useEffect(() => {
    if (!pdf || !canvas.current || !text.current) return;
    let drawing: ReturnType<typeof drawPage> | null = null;
    let live = true;
    void pdf.getPage(page).then((proxy) => {
      if (!live || !canvas.current || !text.current) return;
      const width = proxy.getViewport({ scale: 1 }).width;
      const available = (stage.current?.clientWidth ?? 0) - 32;
      const scale = zoom === 'fit' ? (available > 100 ? Math.min(available / width, 3) : 1) : zoom;
      drawing = drawPage(pdf, page, scale, canvas.current, text.current);
      drawing.done.then(
        () => {
          if (!live) return;
          setDrawn(page);
          if (query) highlight(text.current, query);
        },
        () => {},
      );
    });
    return () => {
      live = false;
      drawing?.cancel();
    };
  }, [pdf, page, zoom, query]);

  const count = pdf?.numPages ?? 0;
  const go = (next: number) => setPage(Math.min(Math.max(1, next), Math.max(1, count)));
  const current = zoom === 'fit' ? 1 : zoom;
  const zoomBy = (direction: 1 | -1) =>
    setZoom(
      (direction > 0
        ? zoomSteps.find((value) => value > current + 0.001)
        : zoomSteps.findLast((value) => value < current - 0.001)) ?? current,
    );

  return (
    <div
      className="preview-pdf"
      onKeyDown={(event) => {
        if ((event.target as HTMLElement).tagName === 'INPUT') return;
        if (event.key === 'PageDown') go(page + 1);
        else if (event.key === 'PageUp') go(page - 1);
        else return;
        event.preventDefault();
      }}
    >
      <div className="preview-toolbar" role="toolbar" aria-label={t('preview.toolbar', { name })}>
        <button type="button" className="button" onClick={() => go(page - 1)} disabled={page <= 1}>
          {t('preview.previousPage')}
        </button>
        <label className="preview-page-number">
          <input
            type="number"
            min={1}
            max={count}
            value={page}
            aria-label={t('preview.pageNumber')}
            onChange={(event) => Number.isInteger(event.target.valueAsNumber) && go(event.target.valueAsNumber)}
          />
          <span>{t('preview.pageOf', { count })}</span>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => go(page + 1)}
          disabled={page >= count}
          data-testid="pdf-next-page"
        >
          {t('preview.nextPage')}
        </button>
        <button type="button" className="button" onClick={() => zoomBy(-1)} aria-label={t('preview.zoomOut')}>
          <span aria-hidden="true">−</span>
        </button>
        <output className="preview-zoom">{zoom === 'fit' ? t('preview.zoomFitted') : formatPercent(zoom)}</output>
        <button type="button" className="button" onClick={() => zoomBy(1)} aria-label={t('preview.zoomIn')}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          {t('preview.fit')}
        </button>
        <PdfFind
          onFind={async (value) => {
            setQuery(value);
            const found = pdf && value ? await findInPdf(pdf, value) : [];
            return found;
          }}
          onShow={go}
        />
      </div>
      <div className="preview-pdf-body">
        <PdfPageList pdf={pdf} page={page} drawn={drawn > 0} onSelect={go} />
        {/* Focusable, so a page wider or taller than the window scrolls by keyboard too. */}
        <div
          className="preview-pdf-stage"
          ref={stage}
          tabIndex={0}
          role="region"
          aria-label={t('preview.page', { page })}
        >
          <div
            className="preview-pdf-page"
            data-testid="pdf-page"
            data-page={page}
            data-drawn={drawn === page ? 'true' : 'false'}
          >
            <canvas ref={canvas} aria-hidden="true" />
            {/* The document's own words: data, not the app's (and not for page translation). */}
            <div ref={text} className="textLayer" translate="no" />
          </div>
        </div>
      </div>
    </div>
  );
}

/** Marks the text-layer pieces that contain the query, so the matches on the page stand out. */
function highlight(container: HTMLElement | null, query: string): void {
  const needle = query.toLocaleLowerCase();
  for (const span of container?.querySelectorAll('span') ?? []) {
    span.classList.toggle(
      'preview-find-hit',
      needle !== '' && (span.textContent ?? '').toLocaleLowerCase().includes(needle),
    );
  }
}
