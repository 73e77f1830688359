import { dialog, type BrowserWindow } from 'electron';
import type { MainWords } from '../core/i18n/main-words.ts';
import type { TransferDialogs } from '../core/transfers/transfer-handlers.ts';

/** The OS's own save/open dialogs, parented to our window so they are modal to it, titled in the window's language. */
export function createTransferDialogs(window: () => BrowserWindow | null, words: () => MainWords): TransferDialogs {
  const parent = () => window() ?? undefined;
  return {
    async chooseSavePath(suggestedName) {
      const options = { defaultPath: suggestedName, title: words().saveFromBox };
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseDownloadFolder() {
      const options = { title: words().downloadToFolder, properties: ['openDirectory', 'createDirectory'] as const };
      const owner = parent();
      const result = owner
        ? await dialog.showOpenDialog(owner, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFilesToUpload() {
      const options = {
        title: words().uploadToBox,
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
      };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
  };
}
