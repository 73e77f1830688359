import type { BoxPathEntry } from '../../../common/box-items.ts';

/** Where the open folder sits, root first; every ancestor is one click away. */
export function Breadcrumbs({ path, onOpen }: { path: readonly BoxPathEntry[]; onOpen: (folderId: string) => void }) {
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
                  <button type="button" className="crumb" onClick={() => onOpen(entry.id)}>
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
