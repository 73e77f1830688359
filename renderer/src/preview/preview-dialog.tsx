import { errorText } from '../i18n/error-text.ts';
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import { asAppError, invoke } from '../ipc/bridge.ts';
import { PreviewBody } from './preview-body.tsx';
import './preview.css';

export interface PreviewDialogProps {
  file: BoxItem;
  /** The folder's files in order, for previous/next. */
  files: BoxItem[];
  onShow: (file: BoxItem) => void;
  onClose: () => void;
  onError: (message: string) => void;
}

const focusable = 'button:not(:disabled), input, [tabindex="0"], video, audio, a[href]';

/**
 * The viewer: a modal dialog over the file browser, labelled by the file's name, with focus kept
 * inside. ←/→ (or the buttons) go to the previous/next file of the folder, Esc closes; Download
 * and Open act on the file shown.
 */
export function PreviewDialog({ file, files, onShow, onClose, onError }: PreviewDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [opening, setOpening] = useState(false);
  const index = files.findIndex((candidate) => candidate.id === file.id);
  const previous = index > 0 ? files[index - 1] : undefined;
  const next = index >= 0 ? files[index + 1] : undefined;

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => returnTo?.focus();
  }, []);

  const download = () =>
    invoke('transfer:download', { files: [{ id: file.id, name: file.name }] }).catch((error: unknown) =>
      onError(errorText(asAppError(error))),
    );
  const open = () => {
    setOpening(true);
    invoke('preview:openInApp', { fileId: file.id })
      .catch((error: unknown) => onError(errorText(asAppError(error))))
      .finally(() => setOpening(false));
  };

  return (
    <div className="preview-backdrop">
      <div
        ref={panel}
        className="preview-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="preview-dialog"
        onKeyDown={(event) => {
          const typing = (event.target as HTMLElement).tagName === 'INPUT';
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          } else if (event.key === 'ArrowLeft' && !typing && previous) {
            event.preventDefault();
            onShow(previous);
          } else if (event.key === 'ArrowRight' && !typing && next) {
            event.preventDefault();
            onShow(next);
          } else if (event.key === 'Tab') {
            const all = [...(panel.current?.querySelectorAll<HTMLElement>(focusable) ?? [])];
            const edge = event.shiftKey ? all[0] : all.at(-1);
            if (edge && (document.activeElement === edge || document.activeElement === panel.current)) {
              event.preventDefault();
              (event.shiftKey ? all.at(-1) : all[0])?.focus();
            }
          }
        }}
      >
        <header className="preview-header">
          <button type="button" className="button" onClick={() => previous && onShow(previous)} disabled={!previous}>
            <span aria-hidden="true">‹ </span>
            {t('preview.previousFile')}
          </button>
          <h2 id={titleId} className="preview-title" aria-label={t('preview.dialogLabel', { name: file.name })}>
            <span translate="no">{file.name}</span>
          </h2>
          <button type="button" className="button" onClick={() => next && onShow(next)} disabled={!next}>
            {t('preview.nextFile')}
            <span aria-hidden="true"> ›</span>
          </button>
          <span className="preview-header-gap" />
          <button type="button" className="button" onClick={() => void download()}>
            {t('preview.download')}
          </button>
          <button type="button" className="button" onClick={open} disabled={opening}>
            {t('preview.openInApp')}
          </button>
          <button type="button" className="button" onClick={onClose} aria-label={t('preview.close')}>
            <span aria-hidden="true">✕</span>
          </button>
        </header>
        <PreviewBody key={file.id} fileId={file.id} />
      </div>
    </div>
  );
}
