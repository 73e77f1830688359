import { test as base } from '@playwright/test';
import type { DesktopConfigState } from '../../common/desktop-config-schema.ts';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';

/** A core over `config` and the browser shell serving the built renderer and preload from out/, for one test. */
export async function serveBrowserShell(config: DesktopConfigState, use: (shell: BrowserShell) => Promise<void>) {
  const core = createBrowserShellCore(config);
  const harness = await startBrowserShell({
    core,
    rendererDirectory: 'out/renderer',
    preloadFile: 'out/preload/index.cjs',
  });
  await use(harness);
  await harness.close();
  await core.dispose();
}

/** Each test gets its own core and browser shell (its `harness`). */
export const test = base.extend<{ harness: BrowserShell }>({
  // Playwright requires the destructuring pattern for fixtures even when none are used.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    // A valid company configuration; nothing is contacted until the user signs in.
    const config = await loadBrowserShellConfig({
      issuer: 'https://login.example.com',
      clientId: 'box-sso-desktop',
      backendUrl: 'https://box-sso.example.com',
    });
    await serveBrowserShell(config, use);
  },
});

export { expect } from '@playwright/test';
