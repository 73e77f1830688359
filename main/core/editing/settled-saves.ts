import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onSettled` once the folder of a working copy has been quiet for `settleMs`. Editors do
 * not write a file in place: Office and LibreOffice write a temporary file and rename it over the
 * original, sometimes twice within a second, and leave lock files beside it. Each working copy
 * has a folder of its own, so every event there is this file's, and the file is only read once
 * the renames have stopped. The folder is watched rather than the file, because a rename over the
 * file replaces the inode a file watch would follow.
 */
export function watchSettledSaves(folder: string, settleMs: number, onSettled: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(onSettled, settleMs);
  };
  const watcher: FSWatcher = watch(folder, { persistent: false }, settle);
  // A watch that fails (the folder went away) stops quietly; the edit's next start looks again.
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
