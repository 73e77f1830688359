import { useCallback, useState, type DragEvent } from 'react';
import { droppedPaths } from './dropped-paths.ts';

export interface UploadDrop {
  /** True while files are dragged over the target (for a highlight). */
  over: boolean;
  handlers: {
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
}

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

/**
 * Makes an element (the file list, or one folder row) a drop target for uploads into
 * `folderId`. Dropped files go to main as paths; when the page cannot know them, the open
 * dialog is shown instead so the drop is never silently lost.
 */
export function useUploadDrop(folderId: string, upload: (folderId: string, paths?: string[]) => Promise<void>, onError: (error: unknown) => void): UploadDrop {
  const [over, setOver] = useState(false);
  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }, []);
  const onDragLeave = useCallback(() => setOver(false), []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      setOver(false);
      const paths = droppedPaths(event.dataTransfer.files);
      upload(folderId, paths.length > 0 ? paths : undefined).catch(onError);
    },
    [folderId, upload, onError],
  );
  return { over, handlers: { onDragOver, onDragLeave, onDrop } };
}
