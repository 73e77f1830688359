/**
 * The only bridge between the page and main: one global exposing exactly the IPC contract.
 * The page never gets ipcRenderer itself, so it cannot reach a channel the contract does
 * not name or listen to events it was not given.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeGlobalName,
  eventChannels,
  requestChannels,
  type BoxDesktopBridge,
  type EventChannel,
  type EventChannels,
  type IpcResult,
  type RequestChannel,
} from '../common/ipc-contract.ts';

const allowedRequests: ReadonlySet<string> = new Set(requestChannels);
const allowedEvents: ReadonlySet<string> = new Set(eventChannels);

const bridge: BoxDesktopBridge = {
  invoke(channel: RequestChannel, ...request: unknown[]) {
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
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
