import { relative, isAbsolute } from 'node:path';
import { app, type BrowserWindow } from 'electron';

/**
 * Electron's half of dragging a file out to the desktop or file manager: `webContents.startDrag`
 * with the OS's icon for the file. The core has already downloaded and verified the file into the
 * app's drag-out folder; anything outside that folder is refused, so no other local file can
 * ever be handed to the OS's drag.
 */
export function createStartDrag(window: () => BrowserWindow | null, dragOutDirectory: string) {
  return async (path: string): Promise<void> => {
    const inside = relative(dragOutDirectory, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error('drag-out: only files in the app’s drag-out folder can be dragged');
    }
    const contents = window()?.webContents;
    if (!contents || contents.isDestroyed()) return;
    contents.startDrag({ file: path, icon: await app.getFileIcon(path, { size: 'normal' }) });
  };
}
