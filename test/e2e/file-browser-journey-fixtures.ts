/**
 * Fixtures for the file browser's whole journey with nothing simulated: the sandbox stack
 * (oidc-provider, Box API emulator, provisioning backend process), the real core with its
 * SessionManager (refresh tokens in the OS keychain: run inside a D-Bus session with an
 * unlocked gnome-keyring, see README), and a second browser context as the system browser,
 * where the test logs in on the identity provider's page. The upload dialog answers with the
 * files the test puts in `filesToUpload`.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import type { Core } from '../../main/core/create-core.ts';
import { startSandboxStack, type SandboxStack } from '../../sandbox/stack/start-sandbox-stack.ts';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import { logInAtSandboxIdp } from './support/idp-login.ts';

export interface JourneyWorld {
  stack: SandboxStack;
  harness: BrowserShell;
  core: Core;
  /** Local paths the next "choose files to upload" dialog answers with. */
  filesToUpload: string[];
  /** What the app put on the "clipboard" (Copy link), oldest first. */
  copied: string[];
  /** Clicks Sign in in the app (or presses Enter on it) and logs in as the user in the system browser. */
  signIn(page: Page, username: string, how?: 'mouse' | 'keyboard'): Promise<void>;
  /** The Box app user the backend provisioned for a sandbox user. */
  boxUserId(username: string): Promise<string>;
}

export const test = base.extend<{ journey: JourneyWorld }>({
  journey: async ({ browser }, use) => {
    const stack = await startSandboxStack({ demoContent: false });
    const opened: string[] = [];
    const waiters: Array<(url: string) => void> = [];
    const world: Partial<JourneyWorld> & { filesToUpload: string[]; copied: string[] } = {
      filesToUpload: [],
      copied: [],
    };
    const core = createBrowserShellCore(await loadBrowserShellConfig(stack.desktopSettings), {
      mode: 'sandbox',
      openExternal: (url) => {
        const waiter = waiters.shift();
        if (waiter) waiter(url);
        else opened.push(url);
        return Promise.resolve();
      },
      dialogs: { chooseFilesToUpload: () => Promise.resolve([...world.filesToUpload]) },
      copyText: (text) => void world.copied.push(text),
    });
    const harness = await startBrowserShell({
      core,
      rendererDirectory: 'out/renderer',
      preloadFile: 'out/preload/index.cjs',
    });
    const systemBrowser: BrowserContext = await browser.newContext();
    const nextOpenedUrl = () => {
      const url = opened.shift();
      return url !== undefined ? Promise.resolve(url) : new Promise<string>((resolve) => waiters.push(resolve));
    };
    const serviceToken = (await stack.emulator.controls.issueToken({ userId: stack.emulator.serviceAccountId }))
      .access_token;
    const admin = new BoxClient({
      auth: new BoxDeveloperTokenAuth({ token: serviceToken }),
      networkSession: new NetworkSession({
        baseUrls: new BaseUrls({
          baseUrl: stack.emulator.origin,
          uploadUrl: `${stack.emulator.origin}/api`,
          oauth2Url: `${stack.emulator.origin}/api/oauth2`,
        }),
      }),
    });

    Object.assign(world, {
      stack,
      harness,
      core,
      async signIn(page: Page, username: string, how: 'mouse' | 'keyboard' = 'mouse') {
        const user = stack.idp.users.find((candidate) => candidate.username === username);
        if (!user) throw new Error(`no sandbox user ${username}`);
        if (how === 'keyboard') await page.keyboard.press('Enter');
        else await page.getByRole('button', { name: 'Sign in' }).click();
        const tab = await systemBrowser.newPage();
        await logInAtSandboxIdp(tab, await nextOpenedUrl(), user);
        await tab.close();
        await page.getByTestId('signed-in-name').filter({ hasText: user.name }).waitFor();
      },
      async boxUserId(username: string) {
        const user = stack.idp.users.find((candidate) => candidate.username === username);
        const found = await admin.users.getUsers({ externalAppUserId: user?.sub ?? username });
        const id = found.entries?.[0]?.id;
        if (!id) throw new Error(`no Box app user for ${username}`);
        return id;
      },
    });
    await use(world as JourneyWorld);
    await systemBrowser.close();
    await harness.close();
    await core.dispose();
    await stack.close();
  },
});

export { expect } from '@playwright/test';
