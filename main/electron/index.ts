/**
 * The Electron shell: app lifecycle and the window. Everything with logic lives in
 * main/core and runs without Electron; this file only wires it to Electron's APIs.
 */
import { app, BrowserWindow, clipboard, session, shell } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { defaultConfigFiles } from '../core/config/config-files.ts';
import { loadDesktopConfig } from '../core/config/load-desktop-config.ts';
import { nativePolicySources } from '../core/config/native-policy-sources.ts';
import { runCommand } from '../core/config/run-command.ts';
import { createCore } from '../core/create-core.ts';
import { MainLanguage } from '../core/i18n/main-language.ts';
import { installScope } from '../core/updates/install-scope.ts';
import { appOrigin, registerAppSchemeAsPrivileged, serveRendererFromAppScheme } from './app-protocol.ts';
import { mainWindowOptions } from './main-window-options.ts';
import { previewUrlBase, servePreviews } from './preview-protocol.ts';
import { loggableError } from '../core/security/loggable-error.ts';
import { forwardEvents, registerIpc } from './register-ipc.ts';
import { chromiumProxyResolver, createProxySignInDialog } from './proxy-sign-in-dialog.ts';
import { createStartDrag } from './drag-out.ts';
import { createTransferDialogs } from './transfer-dialogs.ts';
import { createElectronUpdater } from './updater.ts';
import { blockNavigation } from './security/block-navigation.ts';
import { denyPermissions } from './security/deny-permissions.ts';
import { denyWindowOpen } from './security/deny-window-open.ts';

registerAppSchemeAsPrivileged();

let mainWindow: BrowserWindow | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** In development electron-vite serves the renderer over http; packaged builds only trust app://bundle. */
function rendererEntry(): { url: string; origin: string } {
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (devServer) return { url: devServer, origin: new URL(devServer).origin };
  return { url: `${appOrigin}/index.html`, origin: appOrigin };
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    blockNavigation(contents);
    denyWindowOpen(contents);
  });
  serveRendererFromAppScheme(join(import.meta.dirname, '../renderer'));

  const files = defaultConfigFiles({
    platform: process.platform,
    env: process.env,
    userDataDir: app.getPath('userData'),
    resourcesDir: process.resourcesPath,
  });
  const config = await loadDesktopConfig({
    files,
    nativePolicySources: nativePolicySources({
      platform: process.platform,
      env: process.env,
      username: userInfo().username,
      runCommand,
    }),
    isDevelopment: !app.isPackaged,
    env: process.env,
  });
  const dragOutDirectory = join(app.getPath('userData'), 'Dragged files');
  const language = new MainLanguage(app.getPreferredSystemLanguages());
  const core = createCore({
    language,
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      // Set by `npm start` when it started the local sandbox; a packaged app is never in sandbox mode.
      mode: !app.isPackaged && process.env.BOX_SSO_SANDBOX === '1' ? 'sandbox' : 'company',
      languages: app.getPreferredSystemLanguages(),
    },
    config,
    previewUrlBase,
    openCacheDirectory: join(app.getPath('userData'), 'Opened files'),
    dragOutDirectory,
    dataDir: app.getPath('userData'),
    userSettingsFile: files.userSettingsFile,
    updates: {
      isPackaged: app.isPackaged,
      installScope: await installScope(process.execPath),
      createUpdater: createElectronUpdater,
    },
    effects: {
      openExternal: (url) => shell.openExternal(url),
      openPath: async (path) => {
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
      showInFolder: (path) => shell.showItemInFolder(path),
      focusApp: focusMainWindow,
      dialogs: createTransferDialogs(
        () => mainWindow,
        () => language.words,
      ),
      network: {
        resolveProxy: chromiumProxyResolver,
        askProxyCredentials: createProxySignInDialog(() => mainWindow, language),
      },
      copyText: (text) => clipboard.writeText(text),
      startDrag: createStartDrag(() => mainWindow, dragOutDirectory),
    },
  });
  const entry = rendererEntry();
  registerIpc(core, [entry.origin]);
  servePreviews(core.preview, entry.origin);

  // Linux takes the window icon from here; electron-builder puts it beside the app (extraResources).
  const linuxIcon =
    process.platform === 'linux' && app.isPackaged ? join(process.resourcesPath, 'icon.png') : undefined;
  mainWindow = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), linuxIcon));
  forwardEvents(core, mainWindow.webContents);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // The quit waits for the core once: editing unlocks the files it no longer needs on Box first (a few seconds at most).
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    disposed = true;
    event.preventDefault();
    void core.dispose().finally(() => app.quit());
  });
  // The session is restored while the window loads: the keychain and the identity provider need no
  // window, and the renderer asks for the state it missed (session:get) once it runs (bench/launch).
  const restored = core.start();
  await mainWindow.loadURL(entry.url);
  await restored;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  // `.catch` after `.then`: a failure inside start() must end the app too, not only a failed whenReady.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(`Box SSO Desktop failed to start: ${loggableError(error)}`);
      app.exit(1);
    });
}
