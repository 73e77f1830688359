import { test as base } from '@playwright/test';
import { startFileBrowserWorld, type FileBrowserWorld } from './file-browser-world.ts';

/** Each file browser test gets its own IdP, Box emulator, backend, core and harness. */
export const test = base.extend<{ world: FileBrowserWorld }>({
  // Playwright requires the destructuring pattern for fixtures even when none are used.
  // eslint-disable-next-line no-empty-pattern
  world: async ({}, use) => {
    const world = await startFileBrowserWorld();
    await use(world);
    await world.close();
  },
});

export { expect } from '@playwright/test';
export type { FileBrowserWorld } from './file-browser-world.ts';
