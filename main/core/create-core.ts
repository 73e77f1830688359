import { mkdtempSync } from 'node:fs';
import { MainLanguage } from './i18n/main-language.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../common/app-error.ts';
import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import type { AppInfo } from '../../common/ipc-contract.ts';
import type { NetworkFacts } from '../../common/network-facts.ts';
import type { SessionState } from '../../common/session-state.ts';
import type { UpdateStatus } from '../../common/update-status.ts';
import { createBoxHandlers } from './box/box-handlers.ts';
import { boxRetryPolicy } from './box-client/retry-policy.ts';
import { createBulkClashBroker, createBulkHandlers } from './bulk/bulk-handlers.ts';
import { BulkService } from './bulk/bulk-service.ts';
import { createSettingsHandlers } from './config/settings-handlers.ts';
import { collectDiagnostics } from './diagnostics/collect-diagnostics.ts';
import { createDiagnosticsHandlers } from './diagnostics/diagnostics-handlers.ts';
import { createEditingHandlers } from './editing/editing-handlers.ts';
import { EditingService } from './editing/editing-service.ts';
import { ErrorLog } from './diagnostics/error-log.ts';
import { recordHandlerFailures } from './diagnostics/record-handler-failures.ts';
import { appError } from './errors/error-catalog.ts';
import { CoreEventBus } from './ipc/event-bus.ts';
import type { HandlerTable } from './ipc/handler-table.ts';
import { createPreviewHandlers } from './preview/preview-handlers.ts';
import { createPreviewRequestHandler, type PreviewRequestHandler } from './preview/preview-request-handler.ts';
import { trackSignedInPreviewService } from './preview/signed-in-preview.ts';
import { createDesktopNetwork, type DesktopNetwork, type NetworkEffects } from './network/create-outbound-network.ts';
import { networkFacts } from './network/network-summary.ts';
import { createSafeOpenExternal, type ExternalOpener } from './security/external-url.ts';
import { createSafeOpenFile } from './security/launchable-file.ts';
import { createSessionManager } from './session/create-session-manager.ts';
import { createSessionHandlers, forwardSessionChanges } from './session/session-handlers.ts';
import { trackSignedInBoxService } from './signed-in-box-service.ts';
import { BoxTransferClient } from './transfers/box-transfer-client.ts';
import { DragOutCache } from './transfers/drag-out-cache.ts';
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
  /** Chromium's proxy resolution and the proxy sign-in dialog (main/core/network/). */
  network?: NetworkEffects;
  /** "Copy diagnostics" and "Copy link". */
  copyText?: (text: string) => Promise<void> | void;
  /** Starts the OS drag of a local file out of the window (Electron's `webContents.startDrag`). */
  startDrag?: (path: string) => Promise<void> | void;
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
  /** The language of main's own words; the shell makes it when its dialogs need it, from the OS's languages otherwise. */
  language?: MainLanguage;
  /** Loaded once at start-up by the shell; a configuration error is shown, never worked around. */
  config: DesktopConfigState;
  effects: CoreEffects;
  /**
   * Where the page fetches preview bytes: the shell's own scheme or path, served by `Core.preview`
   * (default: the Electron shell's `box-preview://file/`; the browser shell passes its own path).
   */
  previewUrlBase?: string;
  /** The app-managed folder "Open" downloads into (default: under the OS's temporary folder). */
  openCacheDirectory?: string;
  /** The app-managed folder files dragged out of the app are downloaded into (default: under the OS's temporary folder). */
  dragOutDirectory?: string;
  /** The app's data folder: the diagnostics error log, the installation id and the editing working folders live there. */
  dataDir?: string;
  /** Editing's timings, for tests (default: saves settle after 1.5 s of quiet). */
  editing?: { settleMs?: number };
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
  /** Serves preview bytes to the page; each shell routes its preview scheme or path here. */
  preview: PreviewRequestHandler;
  /** Restores a session from the keychain (silent sign-in); the shell calls it once at start-up. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createCore(dependencies: CoreDependencies): Core {
  const events = new CoreEventBus();
  const { config, effects, dataDir } = dependencies;
  const errorLog = dataDir === undefined ? undefined : new ErrorLog({ folder: join(dataDir, 'logs') });
  // Until the network exists (or when the configuration is broken and it never does).
  let currentNetworkFacts = (): NetworkFacts => null;
  const mainLanguage = dependencies.language ?? new MainLanguage(dependencies.appInfo.languages);
  const common = {
    'app:getInfo': () => dependencies.appInfo,
    'app:setLanguage': ({ language }) => mainLanguage.set(language),
    'config:get': () => config,
    ...createSettingsHandlers({
      config,
      userSettingsFile: dependencies.userSettingsFile,
      errorLog,
      network: () => currentNetworkFacts(),
    }),
  } satisfies Partial<HandlerTable>;
  const diagnostics = (session: () => SessionState, updates: () => UpdateStatus) =>
    createDiagnosticsHandlers(
      collectDiagnostics({
        app: dependencies.appInfo,
        config,
        session,
        updates,
        errorLog,
        network: () => currentNetworkFacts(),
      }),
      {
        chooseSavePath: (name) => effects.dialogs.chooseSavePath(name),
        ...(effects.copyText ? { copyText: effects.copyText } : {}),
      },
    );

  const unusableCore = (unusable: AppError): Core => {
    const unavailable = createUnavailableHandlers(unusable);
    return {
      handlers: recordHandlerFailures(
        {
          ...unavailable,
          ...common,
          // The help desk needs the report most when the configuration is broken.
          ...diagnostics(
            () => ({ status: 'error', ...unusable.toInfo() }),
            () => ({ state: 'disabled', reason: 'configuration-error' }),
          ),
        },
        errorLog,
      ),
      events,
      preview: createPreviewRequestHandler(() => null),
      start: () => Promise.resolve(),
      dispose: () => Promise.resolve(),
    };
  };
  if (config.status === 'error') {
    return unusableCore(
      appError('config_invalid', 'settings', { file: config.error.file, text: config.error.message }),
    );
  }

  const settings = config.effective.config;
  // Every connection of this core (IdP, backend, Box, transfers) is opened by this one network.
  let desktopNetwork: DesktopNetwork;
  try {
    desktopNetwork = createDesktopNetwork(settings, effects.network);
  } catch (error) {
    // An IT CA bundle that cannot be read is a configuration error, shown as one.
    if (error instanceof AppError) return unusableCore(error);
    throw error;
  }
  const { network } = desktopNetwork;
  currentNetworkFacts = () => networkFacts(desktopNetwork);
  const session = createSessionManager(
    settings,
    {
      openExternal: createSafeOpenExternal(effects.openExternal),
      ...(effects.focusApp ? { focusApp: effects.focusApp } : {}),
      fetch: network.fetch,
    },
    dataDir,
  );
  const stopForwarding = forwardSessionChanges(session, events);
  const boxUrls = { apiBaseUrl: settings.boxApiUrl, uploadBaseUrl: settings.boxUploadUrl };
  const boxTransport = network.boxTransport();
  const boxService = trackSignedInBoxService(session, boxUrls, boxTransport);
  const previews = trackSignedInPreviewService(session, {
    apiBaseUrl: settings.boxApiUrl,
    previewUrlBase: dependencies.previewUrlBase ?? 'box-preview://file/',
    transport: boxTransport,
  });
  const safeOpenFile = effects.openPath ? createSafeOpenFile(effects.openPath, effects.showInFolder) : undefined;
  const broker = new NameClashBroker(events);
  const transferClient = new BoxTransferClient(session.boxTokens, boxUrls, boxTransport);
  const dragOutCache = new DragOutCache({
    client: transferClient,
    directory: dependencies.dragOutDirectory ?? join(tmpdir(), 'box-sso-desktop-drag'),
    currentUserId: previews.userId,
  });
  const transfers = new TransferManager({
    client: transferClient,
    events,
    askNameClash: broker.ask,
    ...(safeOpenFile ? { openFile: safeOpenFile } : {}),
  });
  const editing = new EditingService({
    client: transferClient,
    transfers,
    events,
    ...(safeOpenFile ? { openFile: safeOpenFile } : {}),
    // Without a data folder (the browser shell, tests), working copies go to a private folder of this run.
    dataDir: dataDir ?? mkdtempSync(join(tmpdir(), 'box-sso-desktop-editing-')),
    ...dependencies.editing,
  });
  // Each user's edits come back at their sign-in and stay on disk, untouched, while they are signed out.
  const stopEditingOnSessionChange = session.onChange((state) => {
    // A journal that cannot be read or written is logged for the help desk; the edits stay on disk.
    const logged = (error: unknown) => void errorLog?.record('editing', error);
    if (state.status === 'signed-in')
      editing.signedIn({ boxUserId: state.user.boxUserId, name: state.user.name }).catch(logged);
    else if (state.status === 'signed-out') editing.signedOut().catch(logged);
  });

  const bulkClashes = createBulkClashBroker(events);
  // Its own BoxService per user: the same client, with the retry policy's limits for bulk calls.
  const bulkBoxService = trackSignedInBoxService(session, boxUrls, boxTransport, boxRetryPolicy.bulkCalls);
  const bulk = new BulkService({
    box: bulkBoxService.current,
    transfers: transferClient,
    events,
    askClash: bulkClashes.ask,
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
    void bulk.dispose();
  });

  return {
    handlers: recordHandlerFailures(
      {
        ...common,
        ...createSessionHandlers(session),
        ...createBoxHandlers(boxService.current, effects.copyText),
        ...createTransferHandlers(transfers, broker, effects.dialogs, {
          prepare: (fileId, name, signal) => dragOutCache.prepare(fileId, name, signal),
          startDrag: effects.startDrag,
        }),
        ...createBulkHandlers(bulk, bulkClashes, effects.dialogs),
        ...createEditingHandlers(editing),
        ...createUpdateHandlers(updates),
        ...createPreviewHandlers({
          current: previews.current,
          currentUserId: previews.userId,
          openCacheDirectory: dependencies.openCacheDirectory ?? join(tmpdir(), 'box-sso-desktop-open'),
          ...(safeOpenFile ? { openFile: safeOpenFile } : {}),
        }),
        ...diagnostics(
          () => session.state,
          () => updates.getStatus(),
        ),
      },
      errorLog,
    ),
    events,
    preview: createPreviewRequestHandler(previews.current),
    start: async () => {
      await session.restore();
      if (dataDir !== undefined) placement = await installationId(dataDir);
      updates.start();
    },
    dispose: async () => {
      updates.stop();
      stopForwarding();
      stopTransfersOnSignOut();
      stopEditingOnSessionChange();
      // Before the transfers and the network go: unlocking on Box needs both.
      await editing.dispose().catch((error: unknown) => errorLog?.record('editing', error));
      boxService.stop();
      bulkBoxService.stop();
      previews.stop();
      await transfers.dispose();
      await bulk.dispose();
      session.cancelSignIn();
      await network.close();
    },
  };
}
