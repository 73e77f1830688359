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
  expect(globals).toEqual({ bridgeKeys: ['invoke', 'on'], hasRequire: false, hasProcess: false });
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
