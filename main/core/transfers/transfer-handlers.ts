import type { RequestChannel } from '../../../common/ipc-contract.ts';
import type { TransferSnapshot } from '../../../common/transfers.ts';
import { appError } from '../errors/error-catalog.ts';
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

/** Drag-out to the desktop: the verified file in the app's cache, and the shell's OS drag with it. */
export interface DragOut {
  prepare(fileId: string, name: string, signal: AbortSignal): Promise<string>;
  /** Electron's `webContents.startDrag`; absent where the shell cannot start an OS drag (the browser shell). */
  startDrag?: ((path: string) => Promise<void> | void) | undefined;
}

/** A drag-out file is waited for while the pointer is held: long enough for a large file on a slow link. */
const dragOutTimeoutMs = 10 * 60_000;

/** The `transfer:*` part of the core's handler table. */
export function createTransferHandlers(
  manager: TransferManager,
  broker: NameClashBroker,
  dialogs: TransferDialogs,
  dragOut?: DragOut,
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
    'transfer:downloadVersion': async ({ fileId, versionId, name }): Promise<TransferSnapshot[]> => {
      const path = await dialogs.chooseSavePath(localFileName(name));
      return path === null ? [] : manager.download([{ id: fileId, name, versionId }], { kind: 'file', path });
    },
    'transfer:dragOut': async ({ fileId, name }): Promise<void> => {
      const startDrag = dragOut?.startDrag;
      if (!dragOut || !startDrag) throw appError('drag_out_unavailable', 'default');
      await startDrag(await dragOut.prepare(fileId, name, AbortSignal.timeout(dragOutTimeoutMs)));
    },
    'transfer:cancel': ({ id }) => manager.cancel(id),
    'transfer:retry': ({ id }) => manager.retry(id),
    'transfer:clearFinished': () => manager.clearFinished(),
    'transfer:answerNameClash': (answer) => broker.answer(answer),
  };
}
