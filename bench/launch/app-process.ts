/**
 * The app's main process for the launch benchmark (bench/launch/run.ts): the core and the
 * browser shell, started the way main/electron/index.ts starts them, in a process of its own so
 * that its memory is the app's alone. The identity provider and the backend are reached through
 * a dispatcher that adds the benchmark's latency to each of their calls and notes when each ran
 * (openid-client and the Box token provider use the global fetch; Box calls get their latency in
 * the emulator).
 *
 * stdin takes one command per line: `start` (restore the session; sent after the window loaded
 * when the benchmark measures that order), `report` (answers one JSON line), `snapshot <file>` (a heap
 * snapshot of this process), `exit`.
 */
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';
import { Agent, type Dispatcher } from 'undici';
import type { SessionState } from '../../common/session-state.ts';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell } from '../../main/browser-shell/browser-shell-server.ts';
import type { Core } from '../../main/core/create-core.ts';

export interface NetworkCall {
  label: string;
  startedAt: number;
  endedAt: number;
}

export interface AppReport {
  calls: NetworkCall[];
  /** When the process started (epoch milliseconds), before Node loaded the bundle. */
  processStartedAt: number;
  /** CPU time the process had used when the bundle had loaded. */
  loadCpuMs: number;
  /** When the bundle had loaded and the core was about to be built. */
  startedAt: number;
  /** When the core began restoring the session (core.start()). */
  restoreStartedAt: number;
  /** The first request of each IPC channel the renderer made: when it arrived and when it was answered. */
  requests: NetworkCall[];
  /** When the session reached each state, epoch milliseconds. */
  states: { status: SessionState['status']; at: number }[];
  rssMb: number;
  heapUsedMb: number;
  /** Memory V8 accounts for outside its heap (Buffers, ArrayBuffers). */
  externalMb: number;
}

/** Notes the first request on each channel, so the report shows when the renderer asked for what. */
function noteFirstRequests(target: Core, into: NetworkCall[]): void {
  const handlers = target.handlers as unknown as Record<string, (request: unknown) => unknown>;
  for (const [channel, handler] of Object.entries(handlers)) {
    handlers[channel] = async (request: unknown) => {
      const first = into.some((call) => call.label === `renderer ${channel}`)
        ? undefined
        : { label: `renderer ${channel}`, startedAt: Date.now(), endedAt: 0 };
      if (first) into.push(first);
      try {
        return await handler(request);
      } finally {
        if (first) first.endedAt = Date.now();
      }
    };
  }
}

const settings = JSON.parse(process.env.LAUNCH_SETTINGS ?? '{}') as Record<string, string>;
const delayedOrigins = new Map<string, string>(
  (JSON.parse(process.env.LAUNCH_DELAYED ?? '[]') as [string, string][]).map(([origin, name]) => [origin, name]),
);
const delayMs = Number(process.env.LAUNCH_DELAY_MS ?? 20);
const calls: NetworkCall[] = [];

/**
 * +delayMs before each call to a delayed origin, and a note of when it ran. The core opens its
 * own undici Agent (main/core/network/outbound-network.ts), never the global dispatcher, so the
 * delay goes on every Agent's dispatch: each fetch of the core, whatever Agent it holds, passes here.
 */
const dispatchDirectly: (this: Agent, ...args: Parameters<Dispatcher['dispatch']>) => boolean = Reflect.get(
  Agent.prototype,
  'dispatch',
);
Agent.prototype.dispatch = function delayed(this: Agent, options, handler) {
  const origin = new URL(String(options.origin)).origin;
  const peer = delayedOrigins.get(origin);
  if (!peer) return dispatchDirectly.call(this, options, handler);
  const call = { label: `${peer} ${options.method} ${options.path.split('?')[0]}`, startedAt: Date.now(), endedAt: 0 };
  calls.push(call);
  const noted = new Proxy(handler, {
    get(target, property, receiver) {
      if (property === 'onResponseEnd' || property === 'onComplete') {
        return (...args: unknown[]) => {
          call.endedAt = Date.now();
          return (Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  setTimeout(() => dispatchDirectly.call(this, options, noted), delayMs);
  return true;
} satisfies Dispatcher['dispatch'];

const startedAt = Date.now();
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** CPU time, robust to a loaded machine where wall time is not: what loading the bundle took. */
const loadCpuMs = cpuMs();
const states: AppReport['states'] = [];
const requests: AppReport['requests'] = [];
const dataDir = process.env.LAUNCH_DATA_DIR;
const core = createBrowserShellCore(await loadBrowserShellConfig(settings), dataDir ? { dataDir } : {});
core.events.on('session:changed', (state: SessionState) => states.push({ status: state.status, at: Date.now() }));
noteFirstRequests(core, requests);
let restoreStartedAt = 0;
const startSession = (): void => {
  restoreStartedAt = Date.now();
  void core.start();
};
// As main/electron/index.ts: the session is restored while the window loads.
if (process.env.LAUNCH_START !== 'after-load') startSession();
const harness = await startBrowserShell({
  core,
  rendererDirectory: 'out/renderer',
  preloadFile: 'out/preload/index.cjs',
});
console.log(JSON.stringify({ ready: harness.url }));

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'start') startSession();
  if (line === 'report') {
    // At rest: what a collection leaves (the benchmark starts this process with --expose-gc).
    globalThis.gc?.();
    const memory = process.memoryUsage();
    const report: AppReport = {
      calls,
      processStartedAt: Math.round(performance.timeOrigin),
      loadCpuMs,
      startedAt,
      restoreStartedAt,
      requests,
      states,
      rssMb: memory.rss / 1024 / 1024,
      heapUsedMb: memory.heapUsed / 1024 / 1024,
      externalMb: memory.external / 1024 / 1024,
    };
    console.log(JSON.stringify(report));
  }
  if (line.startsWith('snapshot ')) {
    writeHeapSnapshot(line.slice('snapshot '.length));
    console.log(JSON.stringify({ written: true }));
  }
  if (line === 'exit') break;
}
await harness.close();
await core.dispose();
// What the core keeps open for reuse (kept-alive connections) must not keep a quitting app alive.
process.exit(0);
