import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import { loadDesktopConfig } from '../core/config/load-desktop-config.ts';
import { createCore, type Core, type CoreEffects } from '../core/create-core.ts';
import type { ProxySignInPages } from './proxy-sign-in-pages.ts';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  productName: string;
  version: string;
};

/**
 * The configuration the browser shell runs with: the real loader over a private folder, with the
 * given settings as the bundled ones and no policy or user settings, so the machine's own /etc
 * policy never leaks into the sandbox or a test.
 */
export async function loadBrowserShellConfig(settings?: Record<string, unknown>): Promise<DesktopConfigState> {
  const folder = mkdtempSync(join(tmpdir(), 'box-sso-browser-shell-'));
  const bundledSettingsFile = join(folder, 'bundled-settings.json');
  if (settings) writeFileSync(bundledSettingsFile, JSON.stringify(settings));
  return loadDesktopConfig({
    files: {
      policyFile: join(folder, 'policy.json'),
      userSettingsFile: join(folder, 'settings.json'),
      bundledSettingsFile,
    },
    isDevelopment: false,
    env: {},
  });
}

/**
 * The platform effects in the browser shell: the "system browser" is whatever the start:browser
 * launcher or a test does with each URL, and the OS dialogs are the caller's answers (by default
 * the user cancels, as closing a dialog would).
 */
export interface BrowserShellEffects {
  mode?: 'sandbox' | 'company';
  openExternal?: (url: string) => Promise<void>;
  dialogs?: Partial<CoreEffects['dialogs']>;
  openPath?: (path: string) => Promise<void>;
  /** The proxy sign-in dialog (also given to startBrowserShell, which serves its pages); without it a 407 is "cancelled". */
  proxySignIn?: ProxySignInPages;
  /** The app's data folder (error log, installation id, remembered discovery); none by default. */
  dataDir?: string;
  /** The "clipboard" ("Copy link", "Copy diagnostics"): what a test or the launcher does with the text. */
  copyText?: (text: string) => Promise<void> | void;
}

/** Where the browser shell serves preview bytes: on the page's own origin, so 'self' in the CSP covers them. */
export const browserShellPreviewPath = '/__browser-shell/preview/';

/** The core as the Electron shell builds it, with what Electron would supply read from package.json. */
export function createBrowserShellCore(config: DesktopConfigState, effects: BrowserShellEffects = {}): Core {
  return createCore({
    appInfo: {
      name: packageJson.productName,
      version: packageJson.version,
      platform: process.platform,
      mode: effects.mode ?? 'company',
      // The browser's own navigator.languages stands in for the OS's here.
      languages: [],
    },
    config,
    // The proxy pages speak the window's language: the core's language is theirs.
    ...(effects.proxySignIn ? { language: effects.proxySignIn.language } : {}),
    previewUrlBase: browserShellPreviewPath,
    ...(effects.dataDir !== undefined ? { dataDir: effects.dataDir } : {}),
    effects: {
      openExternal:
        effects.openExternal ?? (() => Promise.reject(new Error('this browser shell has no system browser'))),
      dialogs: {
        chooseSavePath: () => Promise.resolve(null),
        chooseDownloadFolder: () => Promise.resolve(null),
        chooseFilesToUpload: () => Promise.resolve(null),
        ...effects.dialogs,
      },
      ...(effects.openPath ? { openPath: effects.openPath } : {}),
      ...(effects.proxySignIn ? { network: { askProxyCredentials: effects.proxySignIn.ask } } : {}),
      ...(effects.copyText ? { copyText: effects.copyText } : {}),
    },
  });
}
