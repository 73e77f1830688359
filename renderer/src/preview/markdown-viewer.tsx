import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useEffect, useState } from 'react';
import { readTextChunk } from './text-chunks.ts';

/** Markdown as a page: marked renders it, DOMPurify removes anything active, links never navigate the app. */
export function MarkdownViewer({ src, name, onFailed }: { src: string; name: string; onFailed: () => void }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    readTextChunk(src, 0, new TextDecoder()).then(
      (chunk) => live && setHtml(DOMPurify.sanitize(marked.parse(chunk.text, { async: false }))),
      () => live && onFailed(),
    );
    return () => {
      live = false;
    };
  }, [src, onFailed]);
  return (
    <article
      className="preview-markdown"
      aria-label={name}
      tabIndex={0}
      data-testid="preview-markdown"
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) event.preventDefault();
      }}
      dangerouslySetInnerHTML={html === null ? undefined : { __html: html }}
    />
  );
}
