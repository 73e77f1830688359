import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import { expect, test } from '@playwright/test';
import { portRefuses } from '../support/ports.ts';
import { logInAtSandboxIdp } from './support/idp-login.ts';

/**
 * Sandbox mode as a developer or IT evaluator meets it: `npm run sandbox` in a terminal, the
 * app pointed at the configuration it prints, two users who each see only their own demo
 * files, and Ctrl+C that leaves no process and no listening port behind.
 */
interface RunningSandbox {
  child: ChildProcess;
  output: () => string;
  settings: Record<string, string>;
  pids: number[];
  ports: number[];
}

async function startNpmSandbox(): Promise<RunningSandbox> {
  // Its own process group, so that the test can press "Ctrl+C" for the whole group as a terminal does.
  const child = spawn('npm', ['run', 'sandbox'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await expect.poll(() => output, { timeout: 60_000, message: 'sandbox ready line' }).toContain('Sandbox ready.');
  const json = /Desktop configuration[^\n]*\n(\{[\s\S]*?\n\})/.exec(output)?.[1];
  if (!json) throw new Error(`no desktop configuration in:\n${output}`);
  const settings = JSON.parse(json) as Record<string, string>;
  const pids = /Processes:\s+sandbox (\d+), backend (\d+)/.exec(output)!.slice(1).map(Number);
  const ports = [settings.issuer!, settings.backendUrl!, settings.boxApiUrl!].map((url) => Number(new URL(url).port));
  return { child, output: () => output, settings, pids, ports };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signInThroughSystemBrowser(
  page: Page,
  systemBrowser: Page,
  url: Promise<string>,
  user: string,
  password: string,
) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await logInAtSandboxIdp(systemBrowser, await url, { username: user, password });
}

test('npm run sandbox: alice and bob each see their own demo files; Ctrl+C stops every process and port', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const sandbox = await startNpmSandbox();
  let nextUrl: (url: string) => void = () => undefined;
  const core = createBrowserShellCore(await loadBrowserShellConfig(sandbox.settings), {
    mode: 'sandbox',
    openExternal: (url) => {
      nextUrl(url);
      return Promise.resolve();
    },
  });
  const harness = await startBrowserShell({
    core,
    rendererDirectory: 'out/renderer',
    preloadFile: 'out/preload/index.cjs',
  });
  const systemBrowser = await (await browser.newContext()).newPage();
  const opened = () => new Promise<string>((resolve) => (nextUrl = resolve));
  try {
    await page.goto(harness.url);
    await signInThroughSystemBrowser(page, systemBrowser, opened(), 'alice', 'alice-sandbox');
    await expect(page.getByTestId('signed-in-name')).toHaveText('Alice Example');
    await expect(page.getByText("Alice's notes.txt")).toBeVisible();
    await expect(page.getByText('Archive (10,000 items)')).toBeVisible();
    await expect(page.getByText("Bob's notes.txt")).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/sandbox-alice.png' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    // The same browser still holds Alice's session at the identity provider; after a sign-out
    // the app asks for the login page again, so Bob can sign in as himself.
    await signInThroughSystemBrowser(page, systemBrowser, opened(), 'bob', 'bob-sandbox');
    await expect(page.getByTestId('signed-in-name')).toHaveText('Bob Example');
    await expect(page.getByText("Bob's notes.txt")).toBeVisible();
    await expect(page.getByText("Alice's notes.txt")).toHaveCount(0);
  } finally {
    await harness.close();
    await core.dispose();
    process.kill(-sandbox.child.pid!, 'SIGINT');
  }
  await expect.poll(() => sandbox.child.exitCode ?? sandbox.child.signalCode, { timeout: 20_000 }).not.toBeNull();
  for (const pid of sandbox.pids) await expect.poll(() => isAlive(pid), { message: `process ${pid}` }).toBe(false);
  for (const port of sandbox.ports) expect(await portRefuses(port), `port ${port}`).toBe(true);
});
