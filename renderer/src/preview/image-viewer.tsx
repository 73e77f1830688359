import { useTranslation } from 'react-i18next';
import { formatPercent } from '../components/format.ts';
import { useState } from 'react';

const zoomSteps = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 8];

/** A picture: fit to the window by default, zoom in steps, actual size, rotate by quarter turns. */
export function ImageViewer({ src, name, onFailed }: { src: string; name: string; onFailed: () => void }) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [turns, setTurns] = useState(0);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const current = zoom === 'fit' ? 1 : zoom;
  const step = (direction: 1 | -1) => {
    const next =
      direction > 0
        ? zoomSteps.find((value) => value > current + 0.001)
        : zoomSteps.findLast((value) => value < current - 0.001);
    setZoom(next ?? current);
  };
  const sideways = turns % 2 === 1;
  const size = zoom === 'fit' || !natural ? undefined : { width: natural.width * zoom, height: natural.height * zoom };
  return (
    <div className="preview-image">
      <div className="preview-toolbar" role="toolbar" aria-label={t('preview.toolbar', { name })}>
        <button type="button" className="button" onClick={() => step(-1)} aria-label={t('preview.zoomOut')}>
          <span aria-hidden="true">−</span>
        </button>
        <output className="preview-zoom" aria-live="polite">
          {zoom === 'fit' ? t('preview.zoomFitted') : formatPercent(zoom)}
        </output>
        <button type="button" className="button" onClick={() => step(1)} aria-label={t('preview.zoomIn')}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          {t('preview.fit')}
        </button>
        <button type="button" className="button" onClick={() => setZoom(1)} aria-pressed={zoom === 1}>
          {t('preview.actualSize')}
        </button>
        <button type="button" className="button" onClick={() => setTurns((value) => (value + 1) % 4)}>
          {t('preview.rotate')}
        </button>
      </div>
      <div className={`preview-image-stage${zoom === 'fit' ? ' fit' : ''}`}>
        <img
          src={src}
          alt={name}
          translate="no"
          data-testid="preview-image"
          data-rotation={turns * 90}
          className={sideways ? 'sideways' : undefined}
          style={{ transform: `rotate(${turns * 90}deg)`, ...size }}
          onLoad={(event) =>
            setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
          onError={onFailed}
        />
      </div>
    </div>
  );
}
