import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import { loadDesktopConfig } from '../../main/core/config/load-desktop-config.ts';
import { createCore, type Core, type CoreEffects } from '../../main/core/create-core.ts';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  productName: string;
  version: string;
};

/**
 * The configuration the harness runs with: the real loader over a private folder (no policy,
 * no user settings) so the machine's own /etc policy never leaks into a test.
 */
export async function loadHarnessConfig(settings?: Record<string, unknown>): Promise<DesktopConfigState> {
  const folder = mkdtempSync(join(tmpdir(), 'box-sso-harness-'));
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
 * The platform effects in the harness: the "system browser" is whatever the test or the
 * start:browser launcher does with each URL, and the OS dialogs are the test's answers
 * (by default the user cancels, as closing a dialog would).
 */
export interface HarnessEffects {
  mode?: 'sandbox' | 'company';
  openExternal?: (url: string) => Promise<void>;
  dialogs?: Partial<CoreEffects['dialogs']>;
  openPath?: (path: string) => Promise<void>;
}

/** The core as the Electron shell builds it, with what Electron would supply read from package.json. */
export function createHarnessCore(config: DesktopConfigState, effects: HarnessEffects = {}): Core {
  return createCore({
    appInfo: {
      name: packageJson.productName,
      version: packageJson.version,
      platform: process.platform,
      mode: effects.mode ?? 'company',
    },
    config,
    effects: {
      openExternal: effects.openExternal ?? (() => Promise.reject(new Error('this harness has no system browser'))),
      dialogs: {
        chooseSavePath: () => Promise.resolve(null),
        chooseDownloadFolder: () => Promise.resolve(null),
        chooseFilesToUpload: () => Promise.resolve(null),
        ...effects.dialogs,
      },
      ...(effects.openPath ? { openPath: effects.openPath } : {}),
    },
  });
}
