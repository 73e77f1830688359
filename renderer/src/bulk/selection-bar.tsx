import { useTranslation } from 'react-i18next';
import { formatCount } from '../components/format.ts';
import './bulk.css';

export interface SelectionBarProps {
  count: number;
  /** Move and copy need a folder listing to go from (not search results' mixed folders for move). */
  onDownload: () => void;
  onMove: () => void;
  onCopy: () => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What can be done to several selected items at once, saying how many. */
export function SelectionBar({ count, onDownload, onMove, onCopy, onDelete, onClear }: SelectionBarProps) {
  const { t } = useTranslation();
  const counted = { count, formatted: formatCount(count) };
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('bulk.selectionToolbar')} data-testid="selection-bar">
      <span className="selection-count">{t('bulk.selected', counted)}</span>
      <button type="button" className="button" onClick={onDownload}>
        {t('bulk.download', counted)}
      </button>
      <button type="button" className="button" onClick={onMove}>
        {t('bulk.move', counted)}
      </button>
      <button type="button" className="button" onClick={onCopy}>
        {t('bulk.copy', counted)}
      </button>
      <button type="button" className="button danger" onClick={onDelete}>
        {t('bulk.delete', counted)}
      </button>
      <button type="button" className="button" onClick={onClear}>
        {t('bulk.clearSelection')}
      </button>
    </div>
  );
}
