/**
 * `npm run start:browser`: the sandbox through the browser shell (main/browser-shell/), for machines where
 * Electron cannot run. With a display, Chromium opens the app, and the sign-in page opens in
 * a new tab of the same browser, playing the system browser. Without a display no browser is
 * launched: it prints the app's URL and every URL the app asks the system browser to open.
 */
import { chromium, type Browser } from '@playwright/test';
import { startSandboxStack } from '../sandbox/stack/start-sandbox-stack.ts';
import { createBrowserShellCore, loadBrowserShellConfig } from '../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell } from '../main/browser-shell/browser-shell-server.ts';
import { ProxySignInPages } from '../main/browser-shell/proxy-sign-in-pages.ts';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.ts';
import { buildApp } from './run-build.ts';

buildApp();
const stack = await startSandboxStack();
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let browser: Browser | null = null;

/** A URL the app opens in a window of its own (the system browser, the proxy sign-in dialog): a new tab here. */
async function openTab(url: string): Promise<void> {
  const context = browser?.contexts()[0];
  if (!context) throw new Error('no browser to show it in');
  await (await context.newPage()).goto(url);
}
// A proxy sign-in without a display cannot be shown: it is cancelled.
const proxySignIn = new ProxySignInPages(openTab);
const core = createBrowserShellCore(await loadBrowserShellConfig(stack.desktopSettings), {
  mode: 'sandbox',
  openExternal: async (url) => {
    console.log(`The app opens in the system browser: ${url}`);
    if (browser) await openTab(url);
  },
  proxySignIn,
});
await core.start();
const shell = await startBrowserShell({
  core,
  rendererDirectory: 'out/renderer',
  preloadFile: 'out/preload/index.cjs',
  proxySignIn,
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await browser?.close().catch(() => undefined);
  await shell.close();
  await core.dispose();
  await stack.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());

console.log(`Box SSO Desktop (sandbox) is at ${shell.url}`);
console.log(`Sign in as ${stack.idp.users.map((user) => `${user.username} / ${user.password}`).join(' or ')}.`);
if (hasDisplay) {
  browser = await chromium.launch({
    headless: false,
    executablePath: chromiumExecutable,
    args: chromiumArgs,
  });
  browser.once('disconnected', () => void stop());
  const context = await browser.newContext({ viewport: null });
  await (await context.newPage()).goto(shell.url);
} else {
  console.log(
    'No display: no browser was launched. Open the URL above in a browser on this machine. Press Ctrl+C to stop.',
  );
}
