import { connect as connectTcp, isIP, type OnReadOpts, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as connectTls, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { SocksClient } from 'socks';
import { buildConnector, Pool } from 'undici';
import { isLoopbackHost } from '../../../common/loopback-host.ts';
import { appError } from '../errors/error-catalog.ts';
import { certificateFailure, socksFailure } from './network-errors.ts';
import type { ProxyAuthenticator } from './proxy-credentials.ts';
import type { ProxyResolver } from './proxy-resolvers.ts';
import { describeRoute, parseProxyAnswer, proxyKey, type ProxyHop, type ProxyRoute } from './proxy-routes.ts';

/** Where one connection goes. */
export interface ConnectTarget {
  protocol: 'http:' | 'https:';
  host: string;
  port: number;
  /** Reads into one reused buffer (the download byte path); honoured through tunnels too. */
  onread?: OnReadOpts | undefined;
  /** ALPN to offer; HTTP/1.1 by default (every client here speaks it). */
  alpn?: string[] | undefined;
  signal?: AbortSignal | undefined;
}

export interface TunnelConnectorOptions {
  resolveProxy: ProxyResolver;
  ca: readonly string[];
  auth: ProxyAuthenticator;
  /** No TCP connection (or proxy answer) within this long counts as a failed route. */
  connectTimeoutMs?: number;
  /** A proxy that failed to connect is tried last for this long (as Chromium's bad-proxy list). */
  badProxyMs?: number;
  log?: (line: string) => void;
  clock?: () => number;
}

/** Failures that mean "this route cannot be used right now", after which a PAC answer's next entry is tried. */
const routeFailureCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'ERR_SOCKET_CLOSED',
]);

function isRouteFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && routeFailureCodes.has(code);
}

/**
 * Opens every connection the desktop makes: asks the resolver which routes to try for the
 * origin (loopback is always direct), tries them in order (a proxy that fails to connect falls
 * through to the next, and is tried last for a while), tunnels through HTTP proxies with CONNECT
 * (undici's client, with Basic proxy authentication) or SOCKS5 (the `socks` library), and puts
 * TLS with the trusted CAs on top. A certificate that does not verify is an AppError naming the host.
 */
export class TunnelConnector {
  readonly #options: TunnelConnectorOptions;
  readonly #proxyClients = new Map<string, Pool>();
  readonly #badUntil = new Map<string, number>();
  /** How each server was last reached (`PROXY h:p`, `DIRECT`), for the Network section. */
  readonly lastRoutes = new Map<string, string>();

  constructor(options: TunnelConnectorOptions) {
    this.#options = options;
  }

  /** The routes for `url`, in the order they will be tried (for diagnostics too). */
  async routesFor(url: URL): Promise<ProxyRoute[]> {
    if (isLoopbackHost(url.hostname)) return [{ kind: 'direct' }];
    let answer: string;
    try {
      answer = await this.#options.resolveProxy(url);
    } catch (error) {
      // What browsers do when the PAC file or the OS settings cannot be read.
      this.#options.log?.(`proxy lookup for ${url.origin} failed (${String(error)}); connecting directly`);
      answer = 'DIRECT';
    }
    const routes = parseProxyAnswer(answer);
    const now = (this.#options.clock ?? Date.now)();
    const isBad = (route: ProxyRoute): boolean =>
      route.kind !== 'direct' && (this.#badUntil.get(proxyKey(route)) ?? 0) > now;
    return [...routes.filter((route) => !isBad(route)), ...routes.filter(isBad)];
  }

  /** A connected socket to the target: TLS-verified for https:, plain for http:. */
  async open(target: ConnectTarget): Promise<Socket> {
    const url = new URL(
      `${target.protocol}//${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`,
    );
    const routes = await this.routesFor(url);
    let lastFailure: unknown;
    for (const [index, route] of routes.entries()) {
      target.signal?.throwIfAborted();
      try {
        const socket = await this.#openRoute(route, target);
        this.lastRoutes.set(url.host, describeRoute(route));
        return socket;
      } catch (error) {
        if (!isRouteFailure(error)) throw error;
        lastFailure = error;
        if (route.kind !== 'direct') {
          this.#badUntil.set(
            proxyKey(route),
            (this.#options.clock ?? Date.now)() + (this.#options.badProxyMs ?? 60_000),
          );
        }
        const next = routes[index + 1];
        this.#options.log?.(
          `${describeRoute(route)} failed for ${url.host} (${(error as { code?: string }).code})` +
            (next ? `; trying ${describeRoute(next)}` : ''),
        );
      }
    }
    const proxies = routes.filter((route) => route.kind !== 'direct');
    // Without any proxy in the way, the plain connection error lets each caller say "offline" in its own words.
    if (proxies.length === 0 || routes.at(-1)?.kind === 'direct') throw lastFailure;
    throw appError(
      'proxy_unreachable',
      'default',
      { host: url.host, proxy: proxies.map((route) => describeRoute(route).split(' ')[1]).join(', ') },
      { cause: lastFailure },
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.#proxyClients.values()].map((pool) => pool.close()));
    this.#proxyClients.clear();
  }

  async #openRoute(route: ProxyRoute, target: ConnectTarget): Promise<Socket> {
    if (route.kind === 'direct') {
      if (target.protocol === 'https:') return this.#secure(undefined, target);
      return await connected(
        connectTcp({ host: target.host, port: target.port, ...onreadOf(target) }),
        'connect',
        this.#timeout(),
        target.signal,
      );
    }
    const tunnel =
      route.kind === 'socks5' ? await this.#socks(route, target) : await this.#connectThrough(route, target);
    if (target.protocol === 'https:') return this.#secure(tunnel, target);
    return readInto(tunnel as Socket, target.onread);
  }

  async #secure(tunnel: Duplex | undefined, target: ConnectTarget): Promise<TLSSocket> {
    const host = target.host;
    const options: ConnectionOptions = {
      ...(tunnel ? { socket: tunnel } : { host, port: target.port }),
      ...(isIP(host) ? {} : { servername: host }),
      ca: [...this.#options.ca],
      ALPNProtocols: target.alpn ?? ['http/1.1'],
      // tls.connect reads into `onread` only on a socket of its own; a tunnel's bytes are handed over below.
      ...(tunnel ? {} : onreadOf(target)),
    };
    try {
      const socket = await connected(connectTls(options), 'secureConnect', this.#timeout(), target.signal);
      return tunnel ? readInto(socket, target.onread) : socket;
    } catch (error) {
      throw certificateFailure(error, `${host}:${target.port}`) ?? error;
    }
  }

  /** HTTP CONNECT through an HTTP(S) proxy with undici's client; a `407` asks for Basic credentials. */
  async #connectThrough(route: ProxyHop, target: ConnectTarget): Promise<Duplex> {
    const key = proxyKey(route);
    const proxy = `${route.host}:${route.port}`;
    const authority = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    const auth = this.#options.auth;
    let header = await auth.headerFor(proxy);
    for (;;) {
      const answer = await this.#proxyClient(route, key)
        .connect({
          path: authority,
          headers: { host: authority, ...(header === undefined ? {} : { 'proxy-authorization': header }) },
          signal: target.signal ?? null,
        })
        .catch((error: unknown) => {
          // An `HTTPS` proxy's own certificate: the clear error names the proxy, not the server behind it.
          throw (route.kind === 'https' ? certificateFailure(error, `the proxy ${proxy}`) : undefined) ?? error;
        });
      if (answer.statusCode === 200) {
        await auth.accepted(proxy, header);
        return answer.socket;
      }
      answer.socket.destroy();
      if (answer.statusCode !== 407) {
        throw Object.assign(new Error(`the proxy ${proxy} answered ${answer.statusCode} to CONNECT ${authority}`), {
          code: answer.statusCode === 502 || answer.statusCode === 504 ? 'ECONNREFUSED' : 'PROXY_REFUSED',
        });
      }
      this.#options.log?.(`the proxy ${proxy} asks for authentication (407)`);
      const challenge = answer.headers['proxy-authenticate'];
      header = await auth.refused(proxy, header, Array.isArray(challenge) ? challenge.join(', ') : challenge);
    }
  }

  #proxyClient(route: ProxyHop, key: string): Pool {
    let pool = this.#proxyClients.get(key);
    if (!pool) {
      const connect = buildConnector({ ca: [...this.#options.ca], timeout: this.#timeout(), allowH2: false });
      // undici would name the server behind the proxy (the CONNECT's host) in the TLS handshake
      // to an `HTTPS` proxy; the proxy's certificate is for the proxy's own name (or IP address).
      const servername = isIP(route.host) ? '' : route.host;
      pool = new Pool(key, { connect: (options, callback) => connect({ ...options, servername }, callback) });
      this.#proxyClients.set(key, pool);
    }
    return pool;
  }

  /** A SOCKS5 tunnel (the `socks` library); the name travels to the proxy, which resolves it. */
  async #socks(route: ProxyHop, target: ConnectTarget): Promise<Socket> {
    try {
      const { socket } = await SocksClient.createConnection({
        proxy: { host: route.host, port: route.port, type: 5 },
        destination: { host: target.host, port: target.port },
        command: 'connect',
        timeout: this.#timeout(),
      });
      return socket;
    } catch (error) {
      throw socksFailure(error, `${route.host}:${route.port}`);
    }
  }

  #timeout(): number {
    return this.#options.connectTimeoutMs ?? 20_000;
  }
}

function onreadOf(target: ConnectTarget): { onread?: OnReadOpts } {
  return target.onread ? { onread: target.onread } : {};
}

/**
 * Gives a socket's bytes to `onread` as net.Socket would for one of its own (returning false
 * pauses), for sockets that cannot read into a caller's buffer (TLS over a tunnel).
 */
function readInto<S extends Duplex>(socket: S, onread: OnReadOpts | undefined): S {
  if (!onread) return socket;
  socket.on('data', (chunk: Buffer) => {
    if (onread.callback(chunk.length, chunk) === false) socket.pause();
  });
  return socket;
}

/** Resolves when `socket` emits `ready`, rejects on its error, on the timeout or on the signal. */
function connected<S extends Socket>(
  socket: S,
  ready: 'connect' | 'secureConnect',
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<S> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void => {
      cleanup();
      socket.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onError = (error: Error): void => fail(error);
    const onAbort = (): void => fail(signal?.reason);
    const timer = setTimeout(
      () =>
        fail(Object.assign(new Error(`no connection within ${Math.round(timeoutMs / 1000)} s`), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once(ready, () => {
      cleanup();
      resolve(socket);
    });
  });
}
