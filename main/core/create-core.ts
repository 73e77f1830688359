import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../common/ipc-contract.ts';
import type { SessionState } from '../../common/session-state.ts';
import type { UpdateStatus } from '../../common/update-status.ts';
import { join } from 'node:path';
import { directTransport } from './box-client/box-transport.ts';
import { createBoxHandlers } from './box/box-handlers.ts';
import { createSettingsHandlers } from './config/settings-handlers.ts';
import { collectDiagnostics, networkPlaceholder } from './diagnostics/collect-diagnostics.ts';
import { createDiagnosticsHandlers } from './diagnostics/diagnostics-handlers.ts';
import { ErrorLog } from './diagnostics/error-log.ts';
import { recordHandlerFailures } from './diagnostics/record-handler-failures.ts';
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
import { installationId } from './updates/installation-id.ts';
import { createUpdateHandlers } from './updates/update-handlers.ts';
import { updatePolicy, type InstallScope } from './updates/update-policy.ts';
import { UpdateService, type Updater } from './updates/update-service.ts';

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
  /** "Copy diagnostics". */
  copyText?: (text: string) => Promise<void> | void;
}

/** What the updater needs from the shell; without it updates are off (the browser harness). */
export interface UpdateDependencies {
  isPackaged: boolean;
  installScope: InstallScope;
  /** Electron: electron-updater's autoUpdater. Called only when the policy enables updates. */
  createUpdater: () => Updater;
}

export interface CoreDependencies {
  appInfo: AppInfo;
  /** Loaded once at start-up by the shell; a configuration error is shown, never worked around. */
  config: DesktopConfigState;
  effects: CoreEffects;
  /** The app's data folder: the diagnostics error log and the installation id live there. */
  dataDir?: string;
  /** The user's settings.json, where the settings screen saves what the user may change. */
  userSettingsFile?: string;
  updates?: UpdateDependencies;
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
  const { config, effects, dataDir } = dependencies;
  const errorLog = dataDir === undefined ? undefined : new ErrorLog({ folder: join(dataDir, 'logs') });
  const common = {
    'app:getInfo': () => dependencies.appInfo,
    'config:get': () => config,
    ...createSettingsHandlers({
      config,
      userSettingsFile: dependencies.userSettingsFile,
      errorLog,
      network: () => networkPlaceholder,
    }),
  } satisfies Partial<HandlerTable>;
  const diagnostics = (session: () => SessionState, updates: () => UpdateStatus) =>
    createDiagnosticsHandlers(collectDiagnostics({ app: dependencies.appInfo, config, session, updates, errorLog }), {
      chooseSavePath: (name) => effects.dialogs.chooseSavePath(name),
      ...(effects.copyText ? { copyText: effects.copyText } : {}),
    });

  if (config.status === 'error') {
    const unusable = appError('config_invalid', 'settings', { file: config.error.file, text: config.error.message });
    const unavailable = createUnavailableHandlers(unusable);
    return {
      handlers: recordHandlerFailures(
        {
          ...unavailable,
          ...common,
          // The help desk needs the report most when the configuration is broken.
          ...diagnostics(
            () => ({ status: 'error', code: unusable.code, message: unusable.message }),
            () => ({ state: 'disabled', reason: 'configuration-error' }),
          ),
        },
        errorLog,
      ),
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

  let placement = '';
  const updates = new UpdateService({
    // A shell without an updater (the browser harness) counts as unpackaged: no updates, but the
    // policy's own "off" still reads as the policy's.
    policy: updatePolicy(settings, dependencies.updates ?? { isPackaged: false, installScope: 'per-user' }),
    createUpdater: () => {
      if (!dependencies.updates) throw new Error('no updater in this shell');
      return dependencies.updates.createUpdater();
    },
    // The signed-in Box user's id, so that a user keeps their place on every machine.
    placementId: () => (session.state.status === 'signed-in' ? session.state.user.boxUserId : placement),
    onError: (error) => void errorLog?.record('updates', error),
  });

  // Signing out ends the user's transfers and forgets their list: the next user sees none of it.
  const stopTransfersOnSignOut = session.onChange((state) => {
    if (state.status !== 'signed-out') return;
    void transfers.dispose().then(() => transfers.clearFinished());
  });

  return {
    handlers: recordHandlerFailures(
      {
        ...common,
        ...createSessionHandlers(session),
        ...createBoxHandlers(boxService.current),
        ...createTransferHandlers(transfers, broker, effects.dialogs),
        ...createUpdateHandlers(updates),
        ...diagnostics(
          () => session.state,
          () => updates.getStatus(),
        ),
      },
      errorLog,
    ),
    events,
    start: async () => {
      await session.restore();
      if (dataDir !== undefined) placement = await installationId(dataDir);
      updates.start();
    },
    dispose: async () => {
      updates.stop();
      stopForwarding();
      stopTransfersOnSignOut();
      boxService.stop();
      await transfers.dispose();
      session.cancelSignIn();
    },
  };
}
