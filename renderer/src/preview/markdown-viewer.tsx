import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTextChunk } from './text-chunks.ts';

/** Markdown as a page: marked renders it, DOMPurify removes anything active, links never navigate the app. */
export function MarkdownViewer({ src, name, onFailed }: { src: string; name: string; onFailed: () => void }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // A task list's boxes are read-only and named, so a screen reader says "done" or "to do".
    const label = (checked: boolean) => t(checked ? 'preview.taskDone' : 'preview.taskOpen').replaceAll('"', '&quot;');
    const parser = new Marked({
      renderer: {
        checkbox: ({ checked }) =>
          `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${label(checked)}"> `,
      },
    });
    readTextChunk(src, 0, new TextDecoder()).then(
      (chunk) => live && setHtml(DOMPurify.sanitize(parser.parse(chunk.text, { async: false }))),
      () => live && onFailed(),
    );
    return () => {
      live = false;
    };
  }, [src, onFailed, t]);
  return (
    <article
      className="preview-markdown"
      aria-label={name}
      translate="no"
      tabIndex={0}
      data-testid="preview-markdown"
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) event.preventDefault();
      }}
      dangerouslySetInnerHTML={html === null ? undefined : { __html: html }}
    />
  );
}
