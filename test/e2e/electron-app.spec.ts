import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.ts';

/** Where an Electron binary exists (a normal download, or ELECTRON_OVERRIDE_DIST_PATH), this launches the real app. */
const executable = electronBinary();
const skipReason =
  'Electron binary not available on this machine (it cannot be downloaded here); set ELECTRON_OVERRIDE_DIST_PATH or install Electron normally to run this spec.';

test.describe('the real Electron app', () => {
  test.skip(!executable, skipReason);
  if (!executable) console.log(`[electron-app.spec] skipped: ${skipReason}`);

  test('launches with a hardened window and shows the app info', async () => {
    const app = await electron.launch({ executablePath: executable!, args: ['out/main/launch.js'] });
    try {
      const window = await app.firstWindow();
      // With contextIsolation, sandbox and no nodeIntegration the page sees neither Node nor Electron.
      const pageGlobals = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as unknown as { boxDesktop: object }).boxDesktop).sort(),
      }));
      expect(pageGlobals).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['invoke', 'on', 'uploadDroppedFiles'],
      });
      await expect(window.getByTestId('app-info')).toHaveText(/^Box SSO Desktop /);
      expect(window.url()).toBe('app://bundle/index.html');
    } finally {
      await app.close();
    }
  });
});
