import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../common/app-error.ts';
import type { BoxFolderInfo, BoxFolderPage, BoxItem } from '../../../common/box-items.ts';
import { asAppError, invoke } from '../ipc/bridge.ts';

export interface FolderListing {
  /** The folder these items belong to (the path and name for breadcrumbs), null until known. */
  folder: BoxFolderInfo | null;
  items: BoxItem[];
  /** True once every page has arrived; the list shows the first page before that. */
  complete: boolean;
  error: AppError | null;
}

interface Loaded extends FolderListing {
  key: string;
}

/**
 * Loads a folder page by page (Box's marker paging) and publishes each page as it arrives,
 * so the first rows show while a 10,000-item folder is still loading. A newer folder or a
 * reload makes older pages stale; they are dropped, never mixed in.
 */
export function useFolderListing(folderId: string, knownFolder?: BoxFolderInfo) {
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${folderId}#${generation}`;

  useEffect(() => {
    let stale = false;
    const publish = (update: (previous: FolderListing) => FolderListing): void => {
      if (stale) return;
      setLoaded((previous) => {
        const base = previous?.key === key ? previous : { key, folder: null, items: [], complete: false, error: null };
        return { ...update(base), key };
      });
    };
    // Opened from its parent or a breadcrumb, the folder's path is known already: that saves a
    // Box call per navigation. A reload asks Box again, in case an ancestor was renamed.
    if (!knownFolder || generation > 0) {
      void invoke('box:getFolder', { folderId }).then(
        (folder) => publish((previous) => ({ ...previous, folder })),
        (error: unknown) => publish((previous) => ({ ...previous, error: asAppError(error), complete: true })),
      );
    }
    void (async () => {
      const items: BoxItem[] = [];
      let marker: string | null = null;
      try {
        do {
          const page: BoxFolderPage = await invoke('box:listFolder', {
            folderId,
            ...(marker !== null ? { marker } : {}),
          });
          if (stale) return;
          items.push(...page.items);
          marker = page.nextMarker;
          const complete = marker === null;
          const snapshot = [...items];
          publish((previous) => ({ ...previous, items: snapshot, complete }));
        } while (marker !== null);
      } catch (error) {
        publish((previous) => ({ ...previous, error: asAppError(error), complete: true }));
      }
    })();
    return () => {
      stale = true;
    };
  }, [folderId, key, knownFolder, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  /** Applies a change the user just made (create, rename, delete) without listing again. */
  const update = useCallback(
    (change: (items: BoxItem[]) => BoxItem[]) =>
      setLoaded((previous) => (previous?.key === key ? { ...previous, items: change(previous.items) } : previous)),
    [key],
  );

  const current: FolderListing =
    loaded?.key === key ? loaded : { folder: null, items: [], complete: false, error: null };
  return { ...current, folder: current.folder ?? (generation === 0 ? (knownFolder ?? null) : null), reload, update };
}
