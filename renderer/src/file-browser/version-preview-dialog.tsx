import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PreviewBody } from '../preview/preview-body.tsx';
import '../preview/preview.css';

/**
 * An earlier version in the viewer: the same viewers as the file itself, fed by that version's own
 * bytes (main serves them only if Box lets the user read them). Esc or "Back" returns to the list.
 */
export function VersionPreviewDialog({
  fileId,
  versionId,
  title,
  onClose,
}: {
  fileId: string;
  versionId: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.querySelector<HTMLElement>('button')?.focus();
    return () => returnTo?.focus();
  }, []);
  return (
    <div className="preview-backdrop">
      <div
        ref={panel}
        className="preview-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="version-preview"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="preview-header">
          <button type="button" className="button" onClick={onClose}>
            <span aria-hidden="true">‹ </span>
            {t('versions.back')}
          </button>
          <h2 id={titleId} className="preview-title">
            {title}
          </h2>
        </header>
        <PreviewBody fileId={fileId} versionId={versionId} />
      </div>
    </div>
  );
}
