import { useCallback, useState, type DragEvent } from 'react';

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
 * Makes an element (the file list) a drop target for uploads into `folderId`. The files
 * go to the preload, which alone resolves their local paths.
 */
export function useUploadDrop(
  folderId: string,
  uploadDropped: (folderId: string, files: readonly File[]) => Promise<void>,
  onError: (error: unknown) => void,
): UploadDrop {
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
      uploadDropped(folderId, [...event.dataTransfer.files]).catch(onError);
    },
    [folderId, uploadDropped, onError],
  );
  return { over, handlers: { onDragOver, onDragLeave, onDrop } };
}
