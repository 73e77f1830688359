import { useCallback, useState } from 'react';

interface History {
  entries: string[];
  index: number;
}

/** Back/forward over visited folder ids, like a browser: opening a folder drops the forward list. */
export function useNavigationHistory(initialFolderId: string) {
  const [history, setHistory] = useState<History>({ entries: [initialFolderId], index: 0 });

  const open = useCallback((folderId: string) => {
    setHistory(({ entries, index }) =>
      entries[index] === folderId
        ? { entries, index }
        : { entries: [...entries.slice(0, index + 1), folderId], index: index + 1 },
    );
  }, []);
  const back = useCallback(() => setHistory((h) => ({ ...h, index: Math.max(0, h.index - 1) })), []);
  const forward = useCallback(
    () => setHistory((h) => ({ ...h, index: Math.min(h.entries.length - 1, h.index + 1) })),
    [],
  );

  return {
    current: history.entries[history.index] ?? initialFolderId,
    canGoBack: history.index > 0,
    canGoForward: history.index < history.entries.length - 1,
    open,
    back,
    forward,
  };
}
