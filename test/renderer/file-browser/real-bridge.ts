/**
 * Puts the app bridge on `window` for component tests, backed by the real thing: the core's
 * dispatcher (request validation included) and the BoxService talking to the Box API
 * emulator. Only Electron's IPC hop is left out.
 */
import { bridgeGlobalName, type BoxDesktopBridge, type IpcResult } from '../../../common/ipc-contract.ts';
import { createBoxHandlers } from '../../../main/core/box/box-handlers.ts';
import { BoxService } from '../../../main/core/box/box-service.ts';
import type { HandlerTable } from '../../../main/core/ipc/handler-table.ts';
import { dispatchRequest } from '../../../main/core/ipc/dispatch-request.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../sandbox/box-emulator/index.ts';

interface HappyDomWindow {
  happyDOM: { settings: { fetch: { disableSameOriginPolicy: boolean } } };
}

export interface EmulatedBox {
  emulator: BoxEmulator;
  userId: string;
  service: BoxService;
  close(): Promise<void>;
}

/** A fresh app user with a scoped token like the backend grants (the backend itself is covered by the integration tests). */
export async function installEmulatedBridge(): Promise<EmulatedBox> {
  // The emulator's control client uses fetch, which happy-dom subjects to the page's same-origin policy.
  (window as unknown as HappyDomWindow).happyDOM.settings.fetch.disableSameOriginPolicy = true;
  const emulator = await startBoxEmulator();
  const user = await emulator.controls.createUser({ name: 'Component Test User' });
  const { access_token } = await emulator.controls.issueToken({
    userId: user.id,
    scopes: [
      'base_explorer',
      'item_preview',
      'item_download',
      'item_upload',
      'item_rename',
      'item_delete',
      'item_share',
    ],
  });
  const service = new BoxService({
    tokenSource: { getToken: () => Promise.resolve(access_token), invalidate: () => undefined },
    baseUrls: { apiBaseUrl: emulator.origin, uploadBaseUrl: `${emulator.origin}/api` },
    retryLimits: { baseDelaySeconds: 0.01 },
  });
  // Box channels are real; transfers and edits are not part of these tests, so there are none to list.
  const handlers = {
    ...createBoxHandlers(() => service),
    'transfer:list': () => [],
    'editing:list': () => [],
  } as unknown as HandlerTable;
  const bridge: BoxDesktopBridge = {
    invoke: (channel, ...request) =>
      dispatchRequest(handlers, channel, request[0], (_channel, description) => {
        throw new Error(description);
      }) as Promise<IpcResult<never>>,
    on: () => () => undefined,
    // Component tests drop no real files: no local paths, as for a File the page built itself.
    uploadDroppedFiles: () => Promise.resolve({ ok: true, value: [] }),
  };
  Object.defineProperty(window, bridgeGlobalName, { value: bridge, configurable: true });
  return {
    emulator,
    userId: user.id,
    service,
    async close() {
      Reflect.deleteProperty(window, bridgeGlobalName);
      await emulator.close();
    },
  };
}
