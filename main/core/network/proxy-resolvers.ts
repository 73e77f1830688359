import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { getProxyForUrl } from 'proxy-from-env';
import { proxyUrlAsAnswer } from './proxy-routes.ts';

/**
 * Answers "how do I reach this URL?" in PAC form (`PROXY h:p; DIRECT`). In Electron it is
 * Chromium's `session.resolveProxy`, which honours the OS settings, PAC files and WPAD.
 */
export type ProxyResolver = (url: URL) => Promise<string>;

export const directResolver: ProxyResolver = () => Promise.resolve('DIRECT');

/** policy `proxyMode: fixed`: one proxy for everything (loopback excepted, by the transport). */
export function fixedProxyResolver(proxyUrl: string): ProxyResolver {
  const answer = proxyUrlAsAnswer(proxyUrl);
  return () => Promise.resolve(answer);
}

/** Development builds: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY with NO_PROXY, as curl and most tools read them. */
export const environmentResolver: ProxyResolver = (url) => {
  const proxy = getProxyForUrl(url);
  return Promise.resolve(proxy === '' ? 'DIRECT' : proxyUrlAsAnswer(proxy));
};

/**
 * policy `proxyMode: pac`: the PAC file at `pacUrl`, fetched directly (a PAC file is never behind
 * the proxy it chooses) and run in pac-resolver's QuickJS sandbox, so a PAC file's code never
 * touches the app's own JavaScript. It is fetched again after `refreshMs`, as browsers do.
 */
export function pacFileResolver(
  pacUrl: string,
  fetchPac: (url: string) => Promise<string>,
  options: { refreshMs?: number; clock?: () => number } = {},
): ProxyResolver {
  const refreshMs = options.refreshMs ?? 30 * 60_000;
  const clock = options.clock ?? Date.now;
  let compiled: { findProxy: Promise<(url: string) => Promise<string>>; at: number } | undefined;
  return async (url) => {
    if (!compiled || clock() - compiled.at > refreshMs) {
      const findProxy = compilePac(await fetchPac(pacUrl));
      compiled = { findProxy, at: clock() };
      // A PAC file that failed to load is tried again on the next request, not kept for half an hour.
      findProxy.catch(() => (compiled = undefined));
    }
    return (await compiled.findProxy)(url.href);
  };
}

let quickJs: Promise<Uint8Array> | undefined;

async function compilePac(source: string): Promise<(url: string) => Promise<string>> {
  // Loaded only where a policy names a PAC file: most desktops never need the PAC engine (docs/launch.md).
  const [{ createPacResolver }, { QuickJS }] = await Promise.all([import('pac-resolver'), import('quickjs-wasi')]);
  // quickjs-wasi leaves loading its binary to the caller; it sits beside the package.
  quickJs ??= readFile(createRequire(import.meta.url).resolve('quickjs-wasi/quickjs.wasm'));
  const vm = await QuickJS.create({ wasm: await quickJs });
  return createPacResolver(vm, source);
}

/**
 * Remembers each origin's answer for `ttlMs` (Chromium's resolveProxy and a PAC file are asked
 * once per origin, not once per request). Concurrent asks for one origin share one lookup.
 */
export function cachedPerOrigin(
  resolve: ProxyResolver,
  options: { ttlMs?: number; clock?: () => number } = {},
): ProxyResolver {
  const ttlMs = options.ttlMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  const answers = new Map<string, { answer: Promise<string>; at: number }>();
  return (url) => {
    const cached = answers.get(url.origin);
    if (cached && clock() - cached.at < ttlMs) return cached.answer;
    const answer = resolve(url);
    answers.set(url.origin, { answer, at: clock() });
    answer.catch(() => answers.delete(url.origin));
    return answer;
  };
}
