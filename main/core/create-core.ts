import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../common/ipc-contract.ts';
import { directTransport } from './box-client/box-transport.ts';
import { createBoxHandlers } from './box/box-handlers.ts';
import { appError } from './errors/error-catalog.ts';
import { CoreEventBus } from './ipc/event-bus.ts';
import type { HandlerTable } from './ipc/handler-table.ts';
import { createSafeOpenExternal, type ExternalOpener } from './security/external-url.ts';
import { createSafeOpenFile } from './security/launchable-file.ts';
import { createSessionManager } from './session/create-session-manager.ts';
import { createSessionHandlers, forwardSessionChanges } from './session/session-handlers.ts';
import { trackSignedInBoxService } from './signed-in-box-service.ts';
import { BoxTransferClient } from './transfers/box-transfer-client.ts';
import { NameClashBroker } from './transfers/name-clash-broker.ts';
import { createTransferHandlers, type TransferDialogs } from './transfers/transfer-handlers.ts';
import { TransferManager } from './transfers/transfer-manager.ts';
import { createUnavailableHandlers } from './unavailable-handlers.ts';

/** What only the platform can do; the Electron shell and the browser shell each supply their own. */
export interface CoreEffects {
  /** The system browser. Wrapped here so that only validated URLs ever reach it. */
  openExternal: ExternalOpener;
  /** Opens a finished download with the OS's default app. */
  openPath?: (path: string) => Promise<void>;
  /** Shows a file selected in the OS's file manager. */
  showInFolder?: (path: string) => void;
  /** Brings the app to the front when the sign-in callback arrives. */
  focusApp?: () => void;
  dialogs: TransferDialogs;
}

export interface CoreDependencies {
  appInfo: AppInfo;
  /** Loaded once at start-up by the shell; a configuration error is shown, never worked around. */
  config: DesktopConfigState;
  effects: CoreEffects;
}

/**
 * The main-process core: every service and the one handler table that both Electron's
 * ipcMain and the browser shell register. It never imports electron.
 */
export interface Core {
  handlers: HandlerTable;
  events: CoreEventBus;
  /** Restores a session from the keychain (silent sign-in); the shell calls it once at start-up. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createCore(dependencies: CoreDependencies): Core {
  const events = new CoreEventBus();
  const { config, effects } = dependencies;
  const common = {
    'app:getInfo': () => dependencies.appInfo,
    'config:get': () => config,
  } satisfies Partial<HandlerTable>;

  if (config.status === 'error') {
    const unusable = appError('config_invalid', 'settings', { file: config.error.file, text: config.error.message });
    return {
      handlers: { ...createUnavailableHandlers(unusable), ...common },
      events,
      start: () => Promise.resolve(),
      dispose: () => Promise.resolve(),
    };
  }

  const settings = config.effective.config;
  const session = createSessionManager(settings, {
    openExternal: createSafeOpenExternal(effects.openExternal),
    ...(effects.focusApp ? { focusApp: effects.focusApp } : {}),
  });
  const stopForwarding = forwardSessionChanges(session, events);
  const boxUrls = { apiBaseUrl: settings.boxApiUrl, uploadBaseUrl: settings.boxUploadUrl };
  // Every Box call of this core, the file browser's and the transfers', connects through this one transport.
  const boxTransport = directTransport;
  const boxService = trackSignedInBoxService(session, boxUrls, boxTransport);
  const broker = new NameClashBroker(events);
  const transfers = new TransferManager({
    client: new BoxTransferClient(session.boxTokens, boxUrls, boxTransport),
    events,
    askNameClash: broker.ask,
    ...(effects.openPath ? { openFile: createSafeOpenFile(effects.openPath, effects.showInFolder) } : {}),
  });

  // Signing out ends the user's transfers and forgets their list: the next user sees none of it.
  const stopTransfersOnSignOut = session.onChange((state) => {
    if (state.status !== 'signed-out') return;
    void transfers.dispose().then(() => transfers.clearFinished());
  });

  return {
    handlers: {
      ...common,
      ...createSessionHandlers(session),
      ...createBoxHandlers(boxService.current),
      ...createTransferHandlers(transfers, broker, effects.dialogs),
    },
    events,
    start: async () => {
      await session.restore();
    },
    dispose: async () => {
      stopForwarding();
      stopTransfersOnSignOut();
      boxService.stop();
      await transfers.dispose();
      session.cancelSignIn();
    },
  };
}
