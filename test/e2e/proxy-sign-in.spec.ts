/**
 * Proxy sign-in in the browser shell, with real parts: the sandbox stack, squid requiring Basic
 * authentication, and Box reached only through it (box.corp.test resolves only in squid's hosts
 * file, served over HTTPS with a certificate from a private CA the policy's CA bundle names). The
 * core's question opens the proxy sign-in dialog as a page of its own, where the test types as a
 * person would. The credential lands in the real OS keychain (run in the keyring session, see
 * README), never in a file, the diagnostics or a log line.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import keytar from 'keytar';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import { ProxySignInPages } from '../../main/browser-shell/proxy-sign-in-pages.ts';
import { keychainService } from '../../main/core/keychain/secret-store.ts';
import { proxyCredentialAccount } from '../../main/core/network/proxy-credentials.ts';
import { startSandboxStack, type SandboxStack } from '../../sandbox/stack/start-sandbox-stack.ts';
import { createPrivateCa } from '../support/private-ca.ts';
import { startSquid, type SquidProxy } from '../support/squid-proxy.ts';
import { startTlsFront } from '../support/tls-front.ts';
import { expectAccessible } from './support/accessibility.ts';
import { logInAtSandboxIdp } from './support/idp-login.ts';

const proxyUser = 'carol.proxy';
const proxyPassword = 'Pr0xy-Dialog-Secret';
/** What the keychain holds and every connection sends: it must not leak either. */
const proxyHeader = `Basic ${Buffer.from(`${proxyUser}:${proxyPassword}`).toString('base64')}`;

interface ProxyWorld {
  stack: SandboxStack;
  squid: SquidProxy;
  harness: BrowserShell;
  /** The folder of the test's own files: the settings, the saved diagnostics. */
  folder: string;
  /** Every line written to the console while the test ran (the browser shell logs there). */
  consoleLines: string[];
  proxy: string;
  /** Waits for the app to ask for the proxy password, and opens its dialog as a window of its own. */
  nextQuestion(page: Page): Promise<Page>;
  signIn(page: Page): Promise<void>;
}

const test = base.extend<{ world: ProxyWorld }>({
  world: async ({ browser }, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'proxy-sign-in-e2e-'));
    const ca = await createPrivateCa();
    const stack = await startSandboxStack({ demoContent: true });
    const front = await startTlsFront(stack.emulator.origin, await ca.issue(['box.corp.test']));
    const squid = await startSquid({
      user: proxyUser,
      password: proxyPassword,
      hosts: { 'box.corp.test': '127.0.0.1' },
    });
    const proxy = `127.0.0.1:${squid.port}`;
    await keytar.deletePassword(keychainService, proxyCredentialAccount(proxy));
    const consoleLines: string[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error };
    for (const level of ['log', 'warn', 'error'] as const) {
      console[level] = (...args: unknown[]) => {
        consoleLines.push(args.map(String).join(' '));
        originals[level](...args);
      };
    }
    const questions: string[] = [];
    const waiting: ((url: string) => void)[] = [];
    const proxySignIn = new ProxySignInPages((url) => {
      const waiter = waiting.shift();
      if (waiter) waiter(url);
      else questions.push(url);
      return Promise.resolve();
    });
    const opened: string[] = [];
    const openedWaiters: ((url: string) => void)[] = [];
    const box = `https://box.corp.test:${front.port}`;
    const core = createBrowserShellCore(
      await loadBrowserShellConfig({
        ...stack.desktopSettings,
        boxApiUrl: box,
        boxUploadUrl: `${box}/api`,
        proxyMode: 'fixed',
        proxyUrl: squid.url,
        caBundleFiles: [ca.caFile],
      }),
      {
        mode: 'sandbox',
        openExternal: (url) => {
          const waiter = openedWaiters.shift();
          if (waiter) waiter(url);
          else opened.push(url);
          return Promise.resolve();
        },
        dialogs: { chooseSavePath: (name) => Promise.resolve(join(folder, name)) },
        proxySignIn,
      },
    );
    const harness = await startBrowserShell({
      core,
      rendererDirectory: 'out/renderer',
      preloadFile: 'out/preload/index.cjs',
      proxySignIn,
    });
    const systemBrowser = await browser.newContext();
    const next = (queue: string[], waiters: ((url: string) => void)[]) =>
      queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<string>((resolve) => waiters.push(resolve));
    await use({
      stack,
      squid,
      harness,
      folder,
      consoleLines,
      proxy,
      async nextQuestion(page) {
        const url = await next(questions, waiting);
        const dialog = await page.context().newPage();
        await dialog.goto(url);
        return dialog;
      },
      async signIn(page) {
        const alice = stack.idp.users.find((user) => user.username === 'alice')!;
        await page.getByRole('button', { name: 'Sign in' }).click();
        const tab = await systemBrowser.newPage();
        await logInAtSandboxIdp(tab, await next(opened, openedWaiters), alice);
        await tab.close();
      },
    });
    await systemBrowser.close();
    await harness.close();
    await core.dispose();
    Object.assign(console, originals);
    await keytar.deletePassword(keychainService, proxyCredentialAccount(proxy));
    await squid.close();
    await front.close();
    await stack.close();
    await ca.close();
    await rm(folder, { recursive: true, force: true });
  },
});

async function answer(dialog: Page, password: string): Promise<void> {
  await dialog.getByLabel('User name').fill(proxyUser);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Thank you. You can close this window.');
  await dialog.close();
}

/** Every file under `folder`, as text. */
async function filesUnder(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(
    names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
}

test('a wrong proxy password asks again saying so; the right one is kept in the keychain and nowhere else', async ({
  page,
  world,
}, testInfo) => {
  await page.goto(world.harness.url);
  await world.signIn(page);

  const first = await world.nextQuestion(page);
  await expect(first.getByRole('heading', { name: 'Proxy sign-in' })).toBeVisible();
  await expect(first.getByText(`The network proxy ${world.proxy} (corp-proxy) asks you to sign in.`)).toBeVisible();
  await expect(first.getByRole('alert')).toHaveCount(0);
  await expectAccessible(first, 'proxy sign-in dialog');
  await answer(first, 'not-the-password');

  const second = await world.nextQuestion(page);
  await expect(second.getByRole('alert')).toHaveText(
    'The proxy refused that user name or password (try 2 of 3). Check them and try again.',
  );
  await expectAccessible(second, 'proxy sign-in dialog, after a refusal');
  await second.screenshot({ path: testInfo.outputPath('proxy-sign-in-refused.png') });
  await answer(second, proxyPassword);

  // The folder lists through the proxy.
  await expect(page.getByRole('row', { name: /Archive \(10,000 items\)/ })).toBeVisible();
  expect(await keytar.getPassword(keychainService, proxyCredentialAccount(world.proxy))).toBe(proxyHeader);

  // Settings → Network says which proxy and which certificates, and how Box was reached.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Network' }).click();
  const network = settings.getByRole('region', { name: 'Network' });
  await expect(network).toContainText(`${world.squid.url} for every server (proxyMode “fixed”)`);
  await expect(network).toContainText(/1 from .*ca\.pem \(set by your organization\)/);
  await expect(network).toContainText(`Through PROXY ${world.proxy}`);
  await expectAccessible(page, 'settings, network section');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`settings-network-${colorScheme}.png`) });
  }

  // The help desk's report carries the same lines, and no credential.
  await settings.getByRole('button', { name: 'About' }).click();
  await settings.getByRole('button', { name: 'Save diagnostics…' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  const [report] = (await readdir(world.folder)).filter((name) => name.startsWith('box-sso-desktop-diagnostics-'));
  const diagnostics = await readFile(join(world.folder, report!), 'utf8');
  expect(diagnostics).toContain(`PROXY ${world.proxy}`);
  expect(diagnostics).toContain(`${world.squid.url} for every server (proxyMode "fixed")`);

  for (const text of [
    diagnostics,
    ...(await filesUnder(world.folder)),
    await world.squid.accessLog(),
    ...world.consoleLines,
  ]) {
    expect(text).not.toContain(proxyPassword);
    expect(text).not.toContain(proxyHeader.slice('Basic '.length));
  }
});

test('three refused passwords end the asking with a clear error, and nothing is kept', async ({ page, world }) => {
  await page.goto(world.harness.url);
  await world.signIn(page);
  for (const attempt of [1, 2, 3]) {
    const dialog = await world.nextQuestion(page);
    if (attempt > 1) await expect(dialog.getByRole('alert')).toContainText(`(try ${attempt} of 3)`);
    await answer(dialog, `wrong-${attempt}`);
  }
  await expect(
    page.getByText(
      `The proxy ${world.proxy} refused your user name and password three times. Check them and try again, or contact your IT department.`,
    ),
  ).toBeVisible();
  await expectAccessible(page, 'file browser, proxy sign-in failed');
  expect(await keytar.getPassword(keychainService, proxyCredentialAccount(world.proxy))).toBeNull();
  expect(world.consoleLines.join('\n')).not.toMatch(/wrong-\d/);
});
