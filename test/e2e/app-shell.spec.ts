import { expectAccessible } from './support/accessibility.ts';
import { expect, test } from './fixtures.ts';

test('app:getInfo round-trips from the core through the real preload to the screen', async ({ page, harness }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(harness.url);
  await expect(page.getByTestId('app-info')).toHaveText(/^Box SSO Desktop \d+\.\d+\.\d+ · (Linux|macOS|Windows)$/);
  await expect(page.getByRole('heading', { name: 'Your Box files, with your company sign-in' })).toBeVisible();
  expect(consoleErrors, 'no CSP violation or script error').toEqual([]);
});

test('the page gets only the contract: no ipcRenderer, no require, no Node', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  const globals = await page.evaluate(() => ({
    bridgeKeys: Object.keys((window as unknown as { boxDesktop: object }).boxDesktop).sort(),
    hasRequire: 'require' in window,
    hasProcess: 'process' in window,
  }));
  expect(globals).toEqual({ bridgeKeys: ['invoke', 'on', 'uploadDroppedFiles'], hasRequire: false, hasProcess: false });
});

test('an unknown channel is refused by the preload and by the core', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  const preloadRefusal = await page.evaluate(async () => {
    const bridge = (window as unknown as { boxDesktop: { invoke(channel: string): Promise<unknown> } }).boxDesktop;
    return bridge.invoke('fs:readFile').then(
      () => 'accepted',
      (error: Error) => error.message,
    );
  });
  expect(preloadRefusal).toBe('Unknown channel fs:readFile');
});

test('the page cannot name local files to upload: the dropped-files channel is the preload’s alone', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        boxDesktop: {
          invoke(channel: string, request?: unknown): Promise<unknown>;
          uploadDroppedFiles(folderId: string, files: unknown[]): Promise<unknown>;
        };
      }
    ).boxDesktop;
    const direct = await bridge.invoke('transfer:uploadDropped', { folderId: '0', paths: ['/etc/passwd'] }).then(
      () => 'accepted',
      (error: Error) => error.message,
    );
    // A File the page built itself has no local path, so nothing is sent.
    const forged = await bridge.uploadDroppedFiles('0', [new File(['x'], 'passwd')]);
    return { direct, forged };
  });
  expect(outcome).toEqual({ direct: 'Unknown channel transfer:uploadDropped', forged: { ok: true, value: [] } });
});

test('inline script is blocked by the content security policy', async ({ page, harness }) => {
  await page.goto(harness.url);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('an invalid configuration shows the configuration error screen naming the file and the setting', async ({
  page,
}) => {
  const { startBrowserShell } = await import('../../main/browser-shell/browser-shell-server.ts');
  const { createBrowserShellCore, loadBrowserShellConfig } =
    await import('../../main/browser-shell/browser-shell-core.ts');
  const config = await loadBrowserShellConfig({
    issuer: 'http://login.example.com',
    clientId: 'x',
    backendUrl: 'https://b.example.com',
  });
  const core = createBrowserShellCore(config);
  const harness = await startBrowserShell({
    core,
    rendererDirectory: 'out/renderer',
    preloadFile: 'out/preload/index.cjs',
  });
  try {
    await page.goto(harness.url);
    const screen = page.getByRole('alert');
    await expect(screen.getByRole('heading', { name: 'Configuration error' })).toBeVisible();
    await expect(screen).toContainText('bundled-settings.json');
    await expect(screen).toContainText('issuer');
    await expect(screen).toContainText('The URL may use http: only on this computer');
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/config-error.png' });
    await expectAccessible(page, 'configuration error');
  } finally {
    await harness.close();
    await core.dispose();
  }
});
