/**
 * The only bridge between the page and main: one global exposing exactly the IPC contract.
 * The page never gets ipcRenderer itself, so it cannot reach a channel the contract does
 * not name, send to a preload-only channel, or listen to events it was not given.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  bridgeGlobalName,
  eventChannels,
  preloadOnlyChannels,
  requestChannels,
  type BoxDesktopBridge,
  type EventChannel,
  type EventChannels,
  type IpcResult,
  type PageRequestChannel,
} from '../common/ipc-contract.ts';
import type { TransferSnapshot } from '../common/transfers.ts';

const preloadOnly: ReadonlySet<string> = new Set(preloadOnlyChannels);
const allowedRequests: ReadonlySet<string> = new Set(requestChannels.filter((channel) => !preloadOnly.has(channel)));
const allowedEvents: ReadonlySet<string> = new Set(eventChannels);

const bridge: BoxDesktopBridge = {
  invoke(channel: PageRequestChannel, ...request: unknown[]) {
    if (!allowedRequests.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request[0]) as Promise<IpcResult<never>>;
  },
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void) {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event ${String(event)}`);
    // The IpcRendererEvent carries `sender`; it is dropped so the page never holds ipcRenderer.
    const wrapped = (_event: IpcRendererEvent, payload: EventChannels[E]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  uploadDroppedFiles(folderId: string, files: readonly unknown[]) {
    // Only a File the user really dropped has a path; one the page built itself yields ''.
    const paths = files
      .map((file) => (file instanceof File ? webUtils.getPathForFile(file) : ''))
      .filter((path) => path !== '');
    if (paths.length === 0) return Promise.resolve({ ok: true, value: [] } satisfies IpcResult<TransferSnapshot[]>);
    return ipcRenderer.invoke('transfer:uploadDropped', { folderId, paths }) as Promise<IpcResult<TransferSnapshot[]>>;
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
