import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { refreshTokenAccount } from '../../../main/core/keychain/secret-store.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { startHandoffStack, type HandoffStack } from './support/handoff-stack.ts';
import { keychainUnavailableReason, testSecretStore } from './support/keychain.ts';
import { createSession } from './support/session-fixture.ts';
import { silentSystemBrowser } from './support/system-browser.ts';
import { chromiumArgs, chromiumExecutable } from '../../support/chromium.ts';

const noKeychain = await keychainUnavailableReason();
const noChromium = existsSync(chromiumExecutable) ? null : `no Chromium at ${chromiumExecutable}`;
if (noChromium) console.warn(`Skipping the Chromium sign-in test: ${noChromium}.`);

/** The system browser played by a real Chromium: the sandbox login page is clicked like a person would. */
describe.skipIf(noKeychain !== null || noChromium !== null)('sign-in with Chromium as the system browser', () => {
  let idp: SandboxIdp;
  let stack: HandoffStack;
  let browser: Browser;
  const store = testSecretStore();

  beforeAll(async () => {
    idp = await startSandboxIdp();
    stack = await startHandoffStack(idp);
    browser = await chromium.launch({
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    });
  });
  afterAll(async () => {
    await store.delete(refreshTokenAccount(idp.issuer, idp.desktopClientId));
    await browser?.close();
    await stack?.close();
    await idp?.close();
  });

  it('logs in on the sandbox page, lands on the success page and signs the app in', async () => {
    const system = silentSystemBrowser();
    const { manager } = createSession({
      idp,
      backendUrl: stack.backendUrl,
      secretStore: store,
      openExternal: system.openExternal,
    });
    const page = await browser.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));

    const signedIn = manager.signIn();
    await page.goto(await system.nextOpened());
    await page.getByText('Sandbox sign-in — not your company login').waitFor();
    await page.getByRole('button', { name: /Alice Example/ }).click({ noWaitAfter: true });

    expect(await signedIn).toMatchObject({ status: 'signed-in', user: { name: 'Alice Example' } });
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await page.getByText("You're signed in.").waitFor();
    expect(await page.content()).not.toContain(new URL(page.url()).searchParams.get('code') ?? 'no-code');
    await page.screenshot({ path: 'test-results/sign-in/chromium-callback-success.png' });
    expect(scriptErrors).toEqual([]);
    await page.close();
  });
});
