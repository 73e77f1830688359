/**
 * The app's main process for the launch benchmark (bench/launch/run.ts): the core and the
 * browser shell, started the way main/electron/index.ts starts them, in a process of its own so
 * that its memory is the app's alone. The identity provider and the backend are reached through
 * a dispatcher that adds the benchmark's latency to each of their calls and notes when each ran
 * (openid-client and the Box token provider use the global fetch; Box calls get their latency in
 * the emulator).
 *
 * stdin takes one command per line: `start` (restore the session; sent after the window loaded
 * when the benchmark measures that order), `report` (answers one JSON line), `exit`.
 */
import { createInterface } from 'node:readline';
import { Agent, setGlobalDispatcher, type Dispatcher } from 'undici';
import type { SessionState } from '../../common/session-state.ts';
import { createBrowserShellCore, loadBrowserShellConfig } from '../../main/browser-shell/browser-shell-core.ts';
import { startBrowserShell } from '../../main/browser-shell/browser-shell-server.ts';

export interface NetworkCall {
  label: string;
  startedAt: number;
  endedAt: number;
}

export interface AppReport {
  calls: NetworkCall[];
  startedAt: number;
  /** When the session reached each state, epoch milliseconds. */
  states: { status: SessionState['status']; at: number }[];
  rssMb: number;
  heapUsedMb: number;
}

const settings = JSON.parse(process.env.LAUNCH_SETTINGS ?? '{}') as Record<string, string>;
const delayedOrigins = new Map<string, string>(
  (JSON.parse(process.env.LAUNCH_DELAYED ?? '[]') as [string, string][]).map(([origin, name]) => [origin, name]),
);
const delayMs = Number(process.env.LAUNCH_DELAY_MS ?? 20);
const calls: NetworkCall[] = [];

/** +delayMs before each call to a delayed origin, and a note of when it ran. */
const delaying: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
  const origin = new URL(String(options.origin)).origin;
  const peer = delayedOrigins.get(origin);
  if (!peer) return dispatch(options, handler);
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
  setTimeout(() => dispatch(options, noted), delayMs);
  return true;
};
setGlobalDispatcher(new Agent().compose(delaying));

const startedAt = Date.now();
const states: AppReport['states'] = [];
const core = createBrowserShellCore(await loadBrowserShellConfig(settings));
core.events.on('session:changed', (state: SessionState) => states.push({ status: state.status, at: Date.now() }));
const harness = await startBrowserShell({
  core,
  rendererDirectory: 'out/renderer',
  preloadFile: 'out/preload/index.cjs',
});
const startSession = (): void => {
  void core.start();
};
if (process.env.LAUNCH_START !== 'after-load') startSession();
console.log(JSON.stringify({ ready: harness.url }));

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'start') startSession();
  if (line === 'report') {
    // At rest: what a collection leaves (the benchmark starts this process with --expose-gc).
    globalThis.gc?.();
    const memory = process.memoryUsage();
    const report: AppReport = {
      calls,
      startedAt,
      states,
      rssMb: memory.rss / 1024 / 1024,
      heapUsedMb: memory.heapUsed / 1024 / 1024,
    };
    console.log(JSON.stringify(report));
  }
  if (line === 'exit') break;
}
await harness.close();
await core.dispose();
// What the core keeps open for reuse (kept-alive connections) must not keep a quitting app alive.
process.exit(0);
