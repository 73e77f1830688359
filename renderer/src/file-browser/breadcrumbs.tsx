import { useTranslation } from 'react-i18next';
import type { BoxPathEntry } from '../../../common/box-items.ts';
import type { ItemDrag } from './use-item-drag.ts';

/** Where the open folder sits, root first; every ancestor is one click away. */
export function Breadcrumbs({
  path,
  onOpen,
  drag,
}: {
  path: readonly BoxPathEntry[];
  onOpen: (folderId: string) => void;
  drag?: ItemDrag;
}) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('browser.folderPath')}>
      <ol>
        {path.map((entry, index) => {
          const last = index === path.length - 1;
          // Box names the root "All Files" in English whatever the user's language: the app's words, not data.
          const root = entry.id === '0';
          const name = root ? t('browser.allFiles') : entry.name;
          return (
            <li key={entry.id}>
              {last ? (
                <span className="crumb current" aria-current="page" translate={root ? undefined : 'no'}>
                  {name}
                </span>
              ) : (
                <>
                  <button
                    type="button"
                    className={`crumb${drag?.overId === entry.id ? ' drop-into' : ''}`}
                    translate={root ? undefined : 'no'}
                    onClick={() => onOpen(entry.id)}
                    {...drag?.target(entry)}
                  >
                    {name}
                  </button>
                  <span className="crumb-separator" aria-hidden="true">
                    ›
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
