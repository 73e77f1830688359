import { useTranslation } from 'react-i18next';
import type { FileView } from './use-file-view.ts';

/** Two pressed-or-not buttons, List and Grid, in the toolbar: the choice is read out as "pressed". */
export function FileViewSwitch({ view, onChange }: { view: FileView; onChange: (view: FileView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="view-switch" role="group" aria-label={t('fileView.choice')}>
      {(['list', 'grid'] as const).map((choice) => (
        <button
          key={choice}
          type="button"
          className="button"
          aria-pressed={view === choice}
          onClick={() => onChange(choice)}
        >
          {t(`fileView.${choice}`)}
        </button>
      ))}
    </div>
  );
}
