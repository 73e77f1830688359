/**
 * The real preview path for component tests: the core's PreviewService and byte handler (served
 * on a loopback port, as the browser shell serves them) against the Box API emulator, and the
 * bridge with the real dispatcher for `preview:*`. Only the shell's same-origin check is left out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { bridgeGlobalName, type BoxDesktopBridge, type IpcResult } from '../../../common/ipc-contract.ts';
import { BoxHttp } from '../../../main/core/box-client/box-http.ts';
import { dispatchRequest } from '../../../main/core/ipc/dispatch-request.ts';
import type { HandlerTable } from '../../../main/core/ipc/handler-table.ts';
import { createPreviewHandlers } from '../../../main/core/preview/preview-handlers.ts';
import { createPreviewRequestHandler } from '../../../main/core/preview/preview-request-handler.ts';
import { PreviewService } from '../../../main/core/preview/preview-service.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../sandbox/box-emulator/index.ts';

export interface PreviewWorld {
  emulator: BoxEmulator;
  userId: string;
  /** Box requests the byte handler made, by Range header. */
  ranges: string[];
  close(): Promise<void>;
}

export async function startPreviewWorld(): Promise<PreviewWorld> {
  (
    window as unknown as { happyDOM: { settings: { fetch: { disableSameOriginPolicy: boolean } } } }
  ).happyDOM.settings.fetch.disableSameOriginPolicy = true;
  const emulator = await startBoxEmulator();
  const user = await emulator.controls.createUser({ name: 'Preview Test User' });
  const { access_token } = await emulator.controls.issueToken({
    userId: user.id,
    scopes: ['base_explorer', 'item_preview', 'item_download'],
  });
  const ranges: string[] = [];
  let previews: PreviewService | null = null;
  const handler = createPreviewRequestHandler(() => previews);
  const server: Server = createServer((request, response) => {
    const range = request.headers.range;
    if (range) ranges.push(range);
    void handler(
      new Request(`http://127.0.0.1${request.url ?? '/'}`, { headers: range === undefined ? {} : { range } }),
    ).then((answer) => {
      response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'access-control-allow-origin': '*' });
      if (answer.body) Readable.fromWeb(answer.body as NodeReadableStream).pipe(response);
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  previews = new PreviewService({
    http: new BoxHttp({ getToken: () => Promise.resolve(access_token), invalidate: () => undefined }),
    apiBaseUrl: emulator.origin,
    previewUrlBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview/`,
    pendingWait: { polls: 1, delayMs: 50 },
  });
  const handlers = {
    ...createPreviewHandlers({
      current: () => previews,
      currentUserId: () => user.id,
      openCacheDirectory: '/nonexistent',
    }),
    'transfer:list': () => [],
  } as unknown as HandlerTable;
  const bridge: BoxDesktopBridge = {
    invoke: (channel, ...request) =>
      dispatchRequest(handlers, channel, request[0], (_channel, description) => {
        throw new Error(description);
      }) as Promise<IpcResult<never>>,
    on: () => () => undefined,
    uploadDroppedFiles: () => Promise.resolve({ ok: true, value: [] }),
  };
  Object.defineProperty(window, bridgeGlobalName, { value: bridge, configurable: true });
  return {
    emulator,
    userId: user.id,
    ranges,
    async close() {
      Reflect.deleteProperty(window, bridgeGlobalName);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}
