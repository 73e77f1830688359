import { useTranslation } from 'react-i18next';
import { useState } from 'react';

/** Audio or video that Chromium plays itself; main serves it with Range, so seeking reads only what it needs. */
export function MediaViewer({ src, name, kind }: { src: string; name: string; kind: 'audio' | 'video' }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (failed)
    return (
      <p className="preview-message" role="status">
        {t('preview.mediaFailed')}
      </p>
    );
  const common = {
    src,
    controls: true,
    'aria-label': name,
    onError: () => setFailed(true),
    'data-testid': 'preview-media',
  };
  return <div className="preview-media">{kind === 'video' ? <video {...common} /> : <audio {...common} />}</div>;
}
