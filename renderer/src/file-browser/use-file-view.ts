import { useState } from 'react';

export type FileView = 'list' | 'grid';

const storageKey = 'fileBrowser.view';

/**
 * List or grid, remembered on this machine across folders and restarts (localStorage holds only
 * this word, nothing about the user's files).
 */
export function useFileView(): [FileView, (view: FileView) => void] {
  const [view, setView] = useState<FileView>(() =>
    globalThis.localStorage?.getItem(storageKey) === 'grid' ? 'grid' : 'list',
  );
  return [
    view,
    (next) => {
      globalThis.localStorage?.setItem(storageKey, next);
      setView(next);
    },
  ];
}
