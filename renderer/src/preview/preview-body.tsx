import { useCallback, useState } from 'react';
import { ImageViewer } from './image-viewer.tsx';
import { MarkdownViewer } from './markdown-viewer.tsx';
import { MediaViewer } from './media-viewer.tsx';
import { PdfViewer } from './pdf-viewer.tsx';
import { previewMessages as m } from './preview-messages.ts';
import { TextViewer } from './text-viewer.tsx';
import { usePreview } from './use-preview.ts';

/** The viewer for one file (or an earlier version of it), or its loading, pending, failed or "no preview" state. */
export function PreviewBody({ fileId, versionId }: { fileId: string; versionId?: string }) {
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const state = usePreview(fileId, attempt, versionId);
  const onFailed = useCallback(() => setFailed(true), []);
  const retry = (
    <button
      type="button"
      className="button"
      onClick={() => {
        setFailed(false);
        setAttempt((value) => value + 1);
      }}
    >
      {m.tryAgain}
    </button>
  );
  if (state.status === 'loading') return <Message text={m.loading} busy />;
  if (state.status === 'pending') return <Message text={m.pending} busy testId="preview-pending" />;
  if (state.status === 'none') return <Message text={m.noPreview} testId="preview-none" />;
  if (state.status === 'failed' || failed)
    return <Message text={state.status === 'failed' ? state.message : m.failed}>{retry}</Message>;
  const { src, name } = state;
  const viewer = (() => {
    switch (state.viewer) {
      case 'pdf':
        return <PdfViewer src={src} name={name} onFailed={onFailed} />;
      case 'image':
        return <ImageViewer src={src} name={name} onFailed={onFailed} />;
      case 'markdown':
        return <MarkdownViewer src={src} name={name} onFailed={onFailed} />;
      case 'audio':
      case 'video':
        return <MediaViewer src={src} name={name} kind={state.viewer} />;
      default:
        return <TextViewer src={src} name={name} onFailed={onFailed} />;
    }
  })();
  return (
    <div className="preview-viewer" data-viewer={state.viewer} data-source={state.source}>
      {state.source !== 'content' && <p className="preview-muted preview-via">{m.viaRepresentation[state.source]}</p>}
      {viewer}
    </div>
  );
}

function Message({
  text,
  busy,
  testId,
  children,
}: {
  text: string;
  busy?: boolean;
  testId?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="preview-message" role="status" aria-busy={busy} data-testid={testId}>
      {busy && <span className="preview-spinner" aria-hidden="true" />}
      <p>{text}</p>
      {children}
    </div>
  );
}
