import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.ts';

/** Journeys that sign in for real, run a second time on a machine without a Secret Service. */
const signInJourneys = ['sign-in.spec.ts', 'no-keychain.spec.ts'];

/** Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own here. */
export default defineConfig<object, { secretService: 'present' | 'absent' }>({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'keychain', testIgnore: ['no-keychain.spec.ts'] },
    { name: 'no-keychain', testMatch: signInJourneys, use: { secretService: 'absent' } },
  ],
});
