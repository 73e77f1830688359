import type { RequestChannel } from '../../../common/ipc-contract.ts';
import type { TransferSnapshot } from '../../../common/transfers.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import { localFileName } from './file-names.ts';
import type { NameClashBroker } from './name-clash-broker.ts';
import type { TransferManager } from './transfer-manager.ts';

/**
 * The OS dialogs transfers need. The Electron shell supplies them (dialog.showSaveDialog and
 * friends, parented to our window); tests supply their own. Each resolves null when cancelled.
 */
export interface TransferDialogs {
  chooseSavePath(suggestedName: string): Promise<string | null>;
  chooseDownloadFolder(): Promise<string | null>;
  chooseFilesToUpload(): Promise<string[] | null>;
}

export type TransferChannel = Extract<RequestChannel, `transfer:${string}`>;

/** The `transfer:*` part of the core's handler table. */
export function createTransferHandlers(
  manager: TransferManager,
  broker: NameClashBroker,
  dialogs: TransferDialogs,
): Pick<HandlerTable, TransferChannel> {
  return {
    'transfer:list': () => manager.list(),
    'transfer:download': async ({ files, openWhenDone }): Promise<TransferSnapshot[]> => {
      const [only] = files;
      if (files.length === 1 && only) {
        // The suggestion must be a name the local file system takes (Box allows ":" and "?", Windows does not).
        const path = await dialogs.chooseSavePath(localFileName(only.name));
        return path === null ? [] : manager.download(files, { kind: 'file', path }, openWhenDone);
      }
      const folder = await dialogs.chooseDownloadFolder();
      return folder === null ? [] : manager.download(files, { kind: 'folder', path: folder }, openWhenDone);
    },
    'transfer:upload': async ({ folderId }): Promise<TransferSnapshot[]> => {
      const chosen = await dialogs.chooseFilesToUpload();
      return chosen === null || chosen.length === 0 ? [] : manager.upload(folderId, chosen);
    },
    'transfer:uploadDropped': ({ folderId, paths }) => manager.upload(folderId, paths),
    'transfer:cancel': ({ id }) => manager.cancel(id),
    'transfer:retry': ({ id }) => manager.retry(id),
    'transfer:clearFinished': () => manager.clearFinished(),
    'transfer:answerNameClash': (answer) => broker.answer(answer),
  };
}
