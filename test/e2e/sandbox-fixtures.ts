/**
 * Playwright fixtures for whole-app journeys: the real sandbox stack (oidc-provider, the Box
 * API emulator, the provisioning backend as its own process), the real core configured for
 * it, and the built renderer and preload in Chromium through the browser shell. A second browser
 * context plays the system browser: every URL the core opens lands there, where the test
 * logs in on the identity provider's own page.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import type { Core } from '../../main/core/create-core.ts';
import { startSandboxStack, type SandboxStack } from '../../sandbox/stack/start-sandbox-stack.ts';
import {
  createBrowserShellCore,
  loadBrowserShellConfig,
  type BrowserShellEffects,
} from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import { logInAtSandboxIdp } from './support/idp-login.ts';

export interface SandboxWorld {
  stack: SandboxStack;
  harness: BrowserShell;
  core: Core;
  /** Every URL the app asked the system browser to open, in order. */
  openedUrls: string[];
  /** Every local file the app asked the OS to open with its default app ("Open for editing"), in order. */
  openedPaths: string[];
  /** Every text the app put on the clipboard (a shared link), in order. */
  copied: string[];
  systemBrowser: BrowserContext;
  /** Waits for the app to open the sign-in page, then logs in there as the user; returns that tab. */
  completeSignIn(username: string): Promise<Page>;
}

export const test = base.extend<
  {
    world: SandboxWorld;
    demoContent: boolean;
    /** How the OS dialogs answer (save path, folders, files to upload); by default the user cancels. */
    dialogs: BrowserShellEffects['dialogs'];
  },
  {
    /** 'absent' (the no-keychain project): this worker's D-Bus session address leads nowhere. */
    secretService: 'present' | 'absent';
    withoutSecretService: void;
  }
>({
  secretService: ['present', { option: true, scope: 'worker' }],
  withoutSecretService: [
    async ({ secretService }, use) => {
      // Set before the core's first keychain call: libsecret connects lazily, once per process.
      if (secretService === 'absent') process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/no-secret-service';
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  demoContent: [false, { option: true }],
  dialogs: [undefined, { option: true }],
  world: async ({ browser, demoContent, dialogs }, use) => {
    const stack = await startSandboxStack({ demoContent });
    const openedUrls: string[] = [];
    const openedPaths: string[] = [];
    const copied: string[] = [];
    const waiters: Array<(url: string) => void> = [];
    const core = createBrowserShellCore(await loadBrowserShellConfig(stack.desktopSettings), {
      mode: 'sandbox',
      openExternal: (url) => {
        openedUrls.push(url);
        waiters.shift()?.(url);
        return Promise.resolve();
      },
      ...(dialogs ? { dialogs } : {}),
      copyText: (text) => void copied.push(text),
      openPath: (path) => {
        openedPaths.push(path);
        return Promise.resolve();
      },
    });
    const harness = await startBrowserShell({
      core,
      rendererDirectory: 'out/renderer',
      preloadFile: 'out/preload/index.cjs',
    });
    const systemBrowser = await browser.newContext();
    let consumed = 0;
    const nextOpenedUrl = () =>
      consumed < openedUrls.length
        ? Promise.resolve(openedUrls[consumed++]!)
        : new Promise<string>((resolve) =>
            waiters.push((url) => {
              consumed += 1;
              resolve(url);
            }),
          );

    const world: SandboxWorld = {
      stack,
      harness,
      core,
      openedUrls,
      openedPaths,
      copied,
      systemBrowser,
      async completeSignIn(username) {
        const user = stack.idp.users.find((candidate) => candidate.username === username);
        if (!user) throw new Error(`no sandbox user ${username}`);
        const tab = await systemBrowser.newPage();
        await logInAtSandboxIdp(tab, await nextOpenedUrl(), user);
        return tab;
      },
    };
    await use(world);
    await systemBrowser.close();
    await harness.close();
    await core.dispose();
    await stack.close();
  },
});

export { expect } from '@playwright/test';
