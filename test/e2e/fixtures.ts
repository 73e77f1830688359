import { test as base } from '@playwright/test';
import { startHarness, type Harness } from '../harness/harness-server.ts';
import { createHarnessCore, loadHarnessConfig } from '../harness/harness-core.ts';

/** Each test gets its own core and harness, serving the built renderer and preload from out/. */
export const test = base.extend<{ harness: Harness }>({
  // Playwright requires the destructuring pattern for fixtures even when none are used.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    // A valid company configuration; nothing is contacted until the user signs in.
    const core = createHarnessCore(
      await loadHarnessConfig({
        issuer: 'https://login.example.com',
        clientId: 'box-sso-desktop',
        backendUrl: 'https://box-sso.example.com',
      }),
    );
    const harness = await startHarness({
      core,
      rendererDirectory: 'out/renderer',
      preloadFile: 'out/preload/index.cjs',
    });
    await use(harness);
    await harness.close();
    await core.dispose();
  },
});

export { expect } from '@playwright/test';
