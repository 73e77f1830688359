import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readTextChunk } from './text-chunks.ts';

/** Text and source code: monospace with line numbers, read part by part as the reader scrolls to the end. */
export function TextViewer({ src, name, onFailed }: { src: string; name: string; onFailed: () => void }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<string[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const loading = useRef(false);
  const decoder = useRef(new TextDecoder());
  const partial = useRef('');
  const sentinel = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(() => {
    if (next === null || loading.current) return;
    loading.current = true;
    readTextChunk(src, next, decoder.current).then(
      (chunk) => {
        const pieces = (partial.current + chunk.text).split(/\r?\n/);
        // The last line may continue in the next part; it is shown only when the file ends.
        partial.current = chunk.next === null ? '' : (pieces.pop() ?? '');
        if (chunk.next === null && pieces.at(-1) === '') pieces.pop();
        setLines((shown) => [...shown, ...pieces]);
        setNext(chunk.next);
        loading.current = false;
      },
      () => {
        loading.current = false;
        onFailed();
      },
    );
  }, [src, next, onFailed]);

  useEffect(() => {
    if (lines.length === 0) loadMore();
  }, [lines.length, loadMore]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadMore());
    observer.observe(target);
    return () => observer.disconnect();
  }, [loadMore]);

  return (
    <div
      className="preview-text"
      tabIndex={0}
      role="document"
      aria-label={name}
      translate="no"
      data-testid="preview-text"
    >
      <ol className="preview-lines">
        {lines.map((line, index) => (
          <li key={index}>{line === '' ? '\u200b' : line}</li>
        ))}
      </ol>
      <div ref={sentinel} className="preview-text-end">
        {next === null ? (
          <span className="preview-muted">{t('preview.textEnd')}</span>
        ) : (
          <button type="button" className="button" onClick={loadMore}>
            {t('preview.loadMore')}
          </button>
        )}
      </div>
    </div>
  );
}
