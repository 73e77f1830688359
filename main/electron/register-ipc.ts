import { ipcMain, type WebContents } from 'electron';
import { eventChannels, requestChannels } from '../../common/ipc-contract.ts';
import type { Core } from '../core/create-core.ts';
import { appError } from '../core/errors/error-catalog.ts';
import { dispatchRequest } from '../core/ipc/dispatch-request.ts';
import { isTrustedSender } from '../core/ipc/trusted-sender.ts';

/**
 * Registers the one handler table on ipcMain. A request from any frame other than our
 * window's main frame on our origin is refused before it reaches the core.
 */
export function registerIpc(core: Core, allowedOrigins: readonly string[]): void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, request: unknown) => {
      const frame = event.senderFrame;
      const sender = frame && { url: frame.url, isMainFrame: frame.parent === null };
      if (!isTrustedSender(sender, allowedOrigins)) {
        return { ok: false, error: appError('forbidden_sender', 'default').toInfo() };
      }
      return dispatchRequest(core.handlers, channel, request, (failedChannel, description) =>
        console.error(`IPC handler ${failedChannel} failed: ${description}`),
      );
    });
  }
}

/** Sends every core event to the window until it is destroyed. */
export function forwardEvents(core: Core, contents: WebContents): void {
  const stop = core.events.forwardAll((event, payload) => {
    if (!contents.isDestroyed()) contents.send(event, payload);
  }, eventChannels);
  contents.once('destroyed', stop);
}
