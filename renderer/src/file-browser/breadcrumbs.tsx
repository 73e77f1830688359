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
  return (
    <nav className="breadcrumbs" aria-label="Folder path">
      <ol>
        {path.map((entry, index) => {
          const last = index === path.length - 1;
          return (
            <li key={entry.id}>
              {last ? (
                <span className="crumb current" aria-current="page">
                  {entry.name}
                </span>
              ) : (
                <>
                  <button
                    type="button"
                    className={`crumb${drag?.overId === entry.id ? ' drop-into' : ''}`}
                    onClick={() => onOpen(entry.id)}
                    {...drag?.target(entry)}
                  >
                    {entry.name}
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
