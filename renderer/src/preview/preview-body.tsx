import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useCallback, useState } from 'react';
import { ImageViewer } from './image-viewer.tsx';
import { MediaViewer } from './media-viewer.tsx';
import { TextViewer } from './text-viewer.tsx';
import { usePreview } from './use-preview.ts';

/** Which words say that Box converted the file, by the representation shown. */
const viaKeys = { pdf: 'preview.viaPdf', jpg: 'preview.viaJpg', text: 'preview.viaText' } as const;

// pdf.js and the Markdown renderer load with the first preview that needs them, not with the app:
// the first screen after launch parses less and holds less (docs/launch.md).
const PdfViewer = lazy(async () => ({ default: (await import('./pdf-viewer.tsx')).PdfViewer }));
const MarkdownViewer = lazy(async () => ({ default: (await import('./markdown-viewer.tsx')).MarkdownViewer }));

/** The viewer for one file (or an earlier version of it), or its loading, pending, failed or "no preview" state. */
export function PreviewBody({ fileId, versionId }: { fileId: string; versionId?: string }) {
  const { t } = useTranslation();
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
      {t('preview.tryAgain')}
    </button>
  );
  if (state.status === 'loading') return <Message text={t('preview.loading')} busy />;
  if (state.status === 'pending') return <Message text={t('preview.pending')} busy testId="preview-pending" />;
  if (state.status === 'none') return <Message text={t('preview.noPreview')} testId="preview-none" />;
  if (state.status === 'failed' || failed)
    return <Message text={state.status === 'failed' ? state.message : t('preview.failed')}>{retry}</Message>;
  const { src, name } = state;
  const viewer = (() => {
    switch (state.viewer) {
      case 'pdf':
        return <PdfViewer src={src} name={name} size={state.size} onFailed={onFailed} />;
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
      {state.source !== 'content' && <p className="preview-muted preview-via">{t(viaKeys[state.source])}</p>}
      <Suspense fallback={<Message text={t('preview.loading')} busy />}>{viewer}</Suspense>
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
