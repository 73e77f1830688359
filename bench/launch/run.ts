/**
 * `node bench/launch/run.ts` (after `npx electron-vite build`; inside dbus-run-session with an
 * unlocked gnome-keyring, see README): time to files on launch, and memory at rest (issue 24).
 *
 * A remembered session (alice's refresh token) sits in the real keychain. Each run starts the
 * app's main process (bench/launch/app-process.ts: the core and the browser harness) and opens
 * its window in Chromium, with +20 ms on every identity-provider, backend and Box call, and
 * prints the time from launching the process to the first file rows drawn, with the network
 * round trips that lay on the way, in order. Side by side: the app as it starts now (session
 * restored while the window loads) and the order before issue 24 (restored once it had loaded).
 * The last run then measures the core's RSS and the renderer's JS heap (after a collection)
 * signed in, with the 10,000-item folder open, and after 100 folder changes.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { refreshTokenAccount } from '../../main/core/keychain/secret-store.ts';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-secret-store.ts';
import { startSandboxStack, type SandboxStack } from '../../sandbox/stack/start-sandbox-stack.ts';
import { chromiumArgs, chromiumExecutable } from '../../test/support/chromium.ts';
import { signInAs } from '../../test/support/sign-in-as.ts';
import type { AppReport, NetworkCall } from './app-process.ts';
import { bundleAppProcess } from './bundle-app-process.ts';
import { launchOrders, type LaunchOrder } from './launch-order.ts';

const latencyMs = 20;
const runs = Number(process.env.LAUNCH_RUNS ?? 3);
const bigFolderItems = 10_000;
const folderChanges = 100;
/** LAUNCH_SNAPSHOTS=<folder>: heap snapshots of the renderer and the core at each memory measurement. */
const snapshotDir = process.env.LAUNCH_SNAPSHOTS;
const fmt = (n: number, digits = 0): string => n.toFixed(digits);

interface RunResult {
  launchMs: number;
  /** From the process's start to its first line (Node up, the bundle loaded). */
  loadMs: number;
  /** CPU time of that loading (robust to load where wall time is not). */
  loadCpuMs: number;
  /** From the app process's first line (its bundle loaded) to the first rows. */
  fromCoreMs: number;
  path: NetworkCall[];
  /** The core built, the renderer asking, the first page and the rows, from the core's first line. */
  timeline: string;
}

// The app's main process is loaded from one bundle, as the packaged app's is (bench/launch/bundle-app-process.ts).
const appProcess = await bundleAppProcess();
const stack = await startSandboxStack({ demoContent: false });
const secrets = new KeytarSecretStore();
const dataDir = await mkdtemp(join(tmpdir(), 'box-sso-launch-'));
const account = refreshTokenAccount(stack.idp.issuer, stack.idp.desktopClientId);
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
try {
  const boxUserId = await rememberSession(stack);
  const controls = stack.emulator.controls;
  const big = await controls.createFolder({ ownerId: boxUserId, parentId: '0', name: 'Big' });
  await controls.seedItems({
    ownerId: boxUserId,
    parentId: big.id,
    count: bigFolderItems,
    namePrefix: 'item',
    size: 2048,
  });
  await controls.seedItems({ ownerId: boxUserId, parentId: '0', count: 40, namePrefix: 'report', size: 4096 });
  await controls.addFault({ route: '*', latencyMs });

  // The app has run before (it remembered the session): one launch, not counted, leaves in its data
  // folder what any earlier launch would have (the provider's discovery, the installation id).
  await launchOnce(browser, stack, 'while-loading', false);
  const results: Record<LaunchOrder, RunResult[]> = { 'while-loading': [], 'after-load': [] };
  let memory: string[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const order of launchOrders) {
      const measureMemory = run === runs && order === 'while-loading';
      const { result, memoryLines } = await launchOnce(browser, stack, order, measureMemory);
      results[order].push(result);
      if (measureMemory) memory = memoryLines;
    }
  }

  console.log(
    `\nlaunch benchmark: remembered session in the keychain, +${latencyMs} ms per IdP, backend and Box call, ${runs} runs`,
  );
  for (const order of launchOrders) {
    const launches = results[order].map((r) => r.launchMs).sort((a, b) => a - b);
    const median = launches[Math.floor(launches.length / 2)]!;
    const label =
      order === 'while-loading'
        ? 'launch to first rows'
        : 'launch to first rows, session restored after the window loaded (before issue 24)';
    const fromCore = results[order].map((r) => fmt(r.fromCoreMs)).join(', ');
    const loads = results[order].map((r) => `${fmt(r.loadMs)} (CPU ${fmt(r.loadCpuMs)})`).join(', ');
    console.log(
      `${label}: ${fmt(median)} ms (runs ${launches.map((n) => fmt(n)).join(', ')}; Node and the bundle loaded in ${loads} ms, then ${fromCore} ms to the rows)`,
    );
  }
  const last = results['while-loading'].at(-1)!;
  console.log(`critical path (last run): ${describePath(last.path)}`);
  console.log(`timeline (last run, from the core's first line): ${last.timeline}`);
  console.log(`targets: <= 3 sequential round trips, <= 400 ms`);
  for (const line of memory) console.log(line);
} finally {
  await browser.close();
  await secrets.delete(account).catch(() => false);
  await rm(dataDir, { recursive: true, force: true });
  await stack.close();
}

/** Signs alice in once (the scripted browser), lets the backend create her Box user, and leaves her refresh token in the keychain. */
async function rememberSession(peers: SandboxStack): Promise<string> {
  const tokens = await signInAs(peers.idp, 'alice');
  const response = await fetch(new URL('/v1/box-token', peers.backend.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.idToken}` },
  });
  if (!response.ok) throw new Error(`the backend answered ${response.status}`);
  const { box_user: boxUser } = (await response.json()) as { box_user: { id: string } };
  await secrets.set(account, tokens.refreshToken);
  return boxUser.id;
}

async function launchOnce(
  chromiumBrowser: Browser,
  peers: SandboxStack,
  order: LaunchOrder,
  measureMemory: boolean,
): Promise<{ result: RunResult; memoryLines: string[] }> {
  await peers.emulator.controls.clearRequests();
  const launchedAt = Date.now();
  const app = spawn(process.execPath, ['--expose-gc', appProcess], {
    env: {
      ...process.env,
      LAUNCH_SETTINGS: JSON.stringify(peers.desktopSettings),
      LAUNCH_DELAYED: JSON.stringify([
        [new URL(peers.idp.issuer).origin, 'IdP'],
        [new URL(peers.backend.url).origin, 'backend'],
      ]),
      LAUNCH_DELAY_MS: String(latencyMs),
      LAUNCH_START: order,
      LAUNCH_DATA_DIR: dataDir,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers = createInterface({ input: app.stdout })[Symbol.asyncIterator]();
  const ask = async <T>(command?: string): Promise<T> => {
    if (command) app.stdin.write(`${command}\n`);
    const { value, done } = await answers.next();
    if (done) throw new Error('the app process ended');
    return JSON.parse(String(value)) as T;
  };
  const page = await chromiumBrowser.newPage({ viewport: { width: 1100, height: 700 }, locale: 'en-US' });
  try {
    const { ready } = await ask<{ ready: string }>();
    // Noted on this process's clock, the one the peers' call times use (Chromium's performance clock drifts from it).
    let drawn: (at: number) => void = () => undefined;
    const firstRows = new Promise<number>((resolve) => (drawn = resolve));
    await page.exposeFunction('firstRowsDrawn', () => drawn(Date.now()));
    await page.addInitScript(watchForFirstRows, 'Big');
    await page.goto(ready);
    if (order === 'after-load') app.stdin.write('start\n');
    const firstRowsAt = await Promise.race([firstRows, timeout(60_000)]);
    const report = await ask<AppReport>('report');
    if (firstRowsAt === undefined) {
      const seen = report.states.map((state) => state.status).join(' → ') || 'none';
      const screen = (await page.locator('main, [role="main"], body').first().innerText()).slice(0, 300);
      throw new Error(`no file rows within 60 s of launch; session states: ${seen}; the page shows: ${screen}`);
    }
    const boxCalls: NetworkCall[] = (await peers.emulator.controls.requests()).map((r) => ({
      label: `Box ${r.method} ${r.path}`,
      startedAt: r.startedAt,
      endedAt: r.startedAt + r.durationMs,
    }));
    const keychain = report.states[0];
    const steps: NetworkCall[] = [
      ...(keychain ? [{ label: 'keychain read', startedAt: report.restoreStartedAt, endedAt: keychain.at }] : []),
      ...report.calls,
      ...boxCalls,
    ];
    // The rows wait for the first page of All Files (whoever asked for it) and for the renderer to ask.
    const firstPage = boxCalls.find((call) => call.label === 'Box GET /2.0/folders/0/items');
    if (!firstPage) throw new Error('the first rows came without a Box listing of All Files');
    const asked = report.requests.find((call) => call.label === 'renderer box:listFolder');
    const result = {
      launchMs: firstRowsAt - launchedAt,
      loadMs: report.startedAt - report.processStartedAt,
      loadCpuMs: report.loadCpuMs,
      fromCoreMs: firstRowsAt - report.startedAt,
      path: [...criticalPath(steps, firstPage.startedAt), firstPage],
      timeline: [
        `core built in ${report.restoreStartedAt - report.startedAt} ms`,
        ...report.requests
          .filter((call) => /session:get|box:listFolder/.test(call.label))
          .map(
            (call) =>
              `${call.label} at ${call.startedAt - report.startedAt} ms, answered at ${call.endedAt - report.startedAt} ms`,
          ),
        `first page from Box at ${firstPage.endedAt - report.startedAt} ms`,
        `rows drawn at ${firstRowsAt - report.startedAt} ms`,
        asked && asked.startedAt > firstPage.endedAt
          ? 'the renderer was the later of the two'
          : 'the network was the later of the two',
      ].join('; '),
    };
    const memoryLines = measureMemory ? await memoryAtRest(page, ask) : [];
    return { result, memoryLines };
  } finally {
    await page.close();
    // The app quits as when its window closes; a process that lingers is not this benchmark's subject.
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.stdin.write('exit\n');
    const lingering = setTimeout(() => app.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(lingering);
  }
}

async function heapSnapshot(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }): void => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  return chunks.join('');
}

function timeout(ms: number): Promise<undefined> {
  return sleep(ms, undefined, { ref: false });
}

/**
 * In the page before its scripts: tells the benchmark about the first animation frame that shows
 * the row of `name`, a real item (a placeholder row while loading is not a file).
 */
function watchForFirstRows(name: string): void {
  const tick = (): void => {
    const rows = document.querySelectorAll('[data-testid="file-list-body"] [role="row"]');
    if ([...rows].some((row) => row.textContent.includes(name))) {
      void (window as unknown as { firstRowsDrawn: () => Promise<void> }).firstRowsDrawn();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Walking back from the first page's call: each step is the call that ended last before the current
 * one began (calls inside another, like the backend's own call to Box, are skipped).
 */
function criticalPath(steps: NetworkCall[], end: number): NetworkCall[] {
  const path: NetworkCall[] = [];
  for (let until = end; ;) {
    const previous = steps
      .filter((step) => step.endedAt > 0 && step.endedAt <= until)
      .sort((a, b) => b.endedAt - a.endedAt)[0];
    if (!previous) break;
    path.unshift(previous);
    until = previous.startedAt;
  }
  return path;
}

function describePath(path: NetworkCall[]): string {
  const roundTrips = path.filter((step) => step.label !== 'keychain read').length;
  const steps = path.map((step) => `${step.label} (${step.endedAt - step.startedAt} ms)`).join(' → ');
  return `${steps}: ${roundTrips} sequential round trips`;
}

async function memoryAtRest(page: Page, ask: <T>(command?: string) => Promise<T>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  let snapshots = 0;
  const measure = async (moment: string): Promise<{ line: string; heapMb: number; rssMb: number }> => {
    await page.waitForTimeout(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const report = await ask<AppReport>('report');
    const heapMb = usedSize / 1024 / 1024;
    if (snapshotDir) {
      // For finding what grows: compare two of them in Chromium's DevTools (Memory, Comparison).
      snapshots += 1;
      await writeFile(join(snapshotDir, `renderer-${snapshots}.heapsnapshot`), await heapSnapshot(cdp));
      await ask(`snapshot ${join(snapshotDir, `core-${snapshots}.heapsnapshot`)}`);
    }
    return {
      heapMb,
      rssMb: report.rssMb,
      line: `memory ${moment}: core RSS ${fmt(report.rssMb)} MB (JS heap ${fmt(report.heapUsedMb)} MB, outside it ${fmt(report.externalMb)} MB), renderer JS heap ${fmt(heapMb, 1)} MB`,
    };
  };
  const signedIn = await measure('after sign-in');
  const bigRow = page.getByRole('row').filter({ hasText: 'Big' });
  const allItems = page.locator('.status-bar', {
    hasText: `${new Intl.NumberFormat('en-US').format(bigFolderItems)} items`,
  });
  await bigRow.dblclick();
  await allItems.waitFor({ timeout: 60_000 });
  const opened = await measure(`with the ${bigFolderItems.toLocaleString('en-US')}-item folder open`);
  let halfway = opened;
  for (let change = 1; change <= folderChanges; change++) {
    if (change % 2 === 1) {
      await page.getByRole('button', { name: 'Up one level' }).click();
      await bigRow.waitFor();
    } else {
      await bigRow.dblclick();
      await allItems.waitFor({ timeout: 60_000 });
    }
    if (change === folderChanges / 2) halfway = await measure(`after ${change} folder changes`);
  }
  const changed = await measure(`after ${folderChanges} folder changes (back in the big folder)`);
  const growth = changed.heapMb - opened.heapMb;
  // What a leak does in both halves, a cache filling up or code warming up does in the first only.
  const secondHalf = `renderer ${fmt(changed.heapMb - halfway.heapMb, 1)} MB, core RSS ${fmt(changed.rssMb - halfway.rssMb)} MB`;
  return [
    signedIn.line,
    opened.line,
    halfway.line,
    changed.line,
    `renderer heap growth over ${folderChanges} folder changes: ${fmt(growth, 1)} MB (over the last ${folderChanges / 2}: ${secondHalf}); targets: core < 150 MB RSS, renderer heap < 60 MB, no growth`,
  ];
}
