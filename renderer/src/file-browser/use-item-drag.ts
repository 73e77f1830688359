import { useState, type DragEvent } from 'react';
import type { BoxItem, BoxPathEntry } from '../../../common/box-items.ts';
import { startDragOut } from './drag-out.ts';

/** Marks our own drags, so a drag of files from the desktop (an upload) is never taken for a move. */
const itemDragType = 'application/x-box-sso-item';

export interface ItemDrag {
  /** Props for a draggable row. */
  source(item: BoxItem): { draggable: true; onDragStart: (event: DragEvent) => void; onDragEnd: () => void };
  /** Props for a folder a dragged item can be dropped on; none when it cannot take this item. */
  target(folder: BoxPathEntry): {
    onDragOver?: (event: DragEvent) => void;
    onDragLeave?: () => void;
    onDrop?: (event: DragEvent) => void;
  };
  /** The folder currently under the dragged item, for a highlight. */
  overId: string | null;
}

/**
 * Moving by drag and drop: a row dragged onto a folder row or a breadcrumb moves there. A
 * folder cannot be dropped on itself or where it already is.
 */
export function useItemDrag(
  currentFolderId: string,
  onMove: (item: BoxItem, target: BoxPathEntry) => void,
  onDragOutError: (error: unknown) => void = () => undefined,
): ItemDrag {
  const [dragging, setDragging] = useState<BoxItem | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const accepts = (folder: BoxPathEntry): boolean =>
    dragging !== null && folder.id !== dragging.id && folder.id !== currentFolderId;

  return {
    overId,
    source: (item) => ({
      draggable: true,
      onDragStart: (event) => {
        if (startDragOut(event, item, onDragOutError)) return;
        event.dataTransfer.setData(itemDragType, item.id);
        event.dataTransfer.effectAllowed = 'move';
        setDragging(item);
      },
      onDragEnd: () => {
        setDragging(null);
        setOverId(null);
      },
    }),
    target: (folder) =>
      accepts(folder)
        ? {
            onDragOver: (event) => {
              if (!event.dataTransfer.types.includes(itemDragType)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              setOverId(folder.id);
            },
            onDragLeave: () => setOverId((current) => (current === folder.id ? null : current)),
            onDrop: (event) => {
              event.preventDefault();
              setOverId(null);
              if (dragging) onMove(dragging, folder);
              setDragging(null);
            },
          }
        : {},
  };
}
