import type { DragEvent } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import { invoke } from '../ipc/bridge.ts';

/**
 * Dragging a file out to the desktop or a file manager. A plain drag moves items inside the app
 * (onto folders and breadcrumbs); with Alt (Option on a Mac) held as the drag starts, the page's
 * drag is replaced by the OS's own (Electron's startDrag), with the file main downloaded and
 * verified into its cache. Returns whether it took the drag.
 */
export function startDragOut(event: DragEvent, item: BoxItem, onError: (error: unknown) => void): boolean {
  if (!event.altKey || item.type !== 'file') return false;
  event.preventDefault();
  void invoke('transfer:dragOut', { fileId: item.id, name: item.name }).catch(onError);
  return true;
}
