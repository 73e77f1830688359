import { useEffect, useRef } from 'react';

export interface GlobalShortcuts {
  focusSearch: () => void;
  newFolder: () => void;
  reload: () => void;
}

/** Window-wide keys of the file browser: Ctrl/Cmd+F search, Ctrl/Cmd+Shift+N new folder, F5 or Ctrl/Cmd+R refresh. */
export function useGlobalShortcuts(shortcuts: GlobalShortcuts): void {
  // The latest callbacks, without re-subscribing on every render.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'f') {
        event.preventDefault();
        latest.current.focusSearch();
      } else if (mod && event.shiftKey && key === 'n') {
        event.preventDefault();
        latest.current.newFolder();
      } else if (event.key === 'F5' || (mod && key === 'r')) {
        event.preventDefault();
        latest.current.reload();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
