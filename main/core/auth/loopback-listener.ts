import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  callbackPageHeaders,
  errorPage,
  rejectedRequestPage,
  replacedSignInPage,
  successPage,
} from './callback-pages.ts';
import { appError } from '../errors/error-catalog.ts';
import { signInError } from './sign-in-errors.ts';

/**
 * The RFC 8252 loopback redirect receiver. Bound to 127.0.0.1 only; it accepts exactly one
 * callback that carries our `state` and a `code` or `error`, and turns everything else away
 * without ending the flow (a stray tab, a port scanner, a DNS-rebinding page with a foreign
 * Host header). The accepted tab waits for `finish()` so it can show the real outcome. A tab of
 * a sign-in this one replaced is told so and ignored.
 */
export interface LoopbackListener {
  port: number;
  redirectUri: string;
  /** Resolves with the accepted callback URL; never rejects (the flow races it with timeout and cancel). */
  callback: Promise<URL>;
  /** Answers the waiting browser tab and closes the listener. */
  finish(outcome: { ok: true } | { ok: false; message: string }): Promise<void>;
  /** Stops listening and drops every connection, so the port is free and connections are refused. */
  close(): Promise<void>;
}

export const callbackPath = '/callback';

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Tries the preferred ports first (those of replaced sign-ins, whose late tabs then reach this
 * listener and are told so), then IT's list, or any free port when IT configured none.
 */
async function listenOnFirstFree(
  server: Server,
  configured: readonly number[],
  preferred: readonly number[],
): Promise<number> {
  const busy: number[] = [];
  for (const port of new Set([...preferred, ...(configured.length > 0 ? configured : [0])])) {
    try {
      await listen(server, port);
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
      if (code === 'EADDRINUSE' && configured.includes(port)) busy.push(port);
    }
  }
  // The app's own replaced sign-in has let go of its port before this one listens, so a
  // busy port is another program's; a port we may not open at all is a bad setting.
  throw busy.length > 0
    ? appError('sign_in_port_in_use', 'default', { ports: busy })
    : appError('config_invalid', 'sign_in_ports');
}

export interface LoopbackListenerOptions {
  expectedState: string;
  /** IT's fixed ports; empty or absent: any free port. */
  ports?: readonly number[];
  /** Sign-ins this one replaced: their tabs get a page saying so, and their ports are tried first. */
  replaced?: readonly { state: string; port: number }[];
}

export async function openLoopbackListener(options: LoopbackListenerOptions): Promise<LoopbackListener> {
  let accepted: ServerResponse | undefined;
  let resolveCallback: (url: URL) => void = () => undefined;
  const callback = new Promise<URL>((resolve) => {
    resolveCallback = resolve;
  });
  let port = 0;
  const replaced = options.replaced ?? [];

  const turnAway = (res: ServerResponse, status: number, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...callbackPageHeaders, ...extra, Connection: 'close' }).end(rejectedRequestPage());
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return turnAway(res, 405, { Allow: 'GET' });
    if (req.headers.host !== `127.0.0.1:${port}`) return turnAway(res, 421);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== callbackPath) return turnAway(res, 404);
    const state = url.searchParams.get('state') ?? '';
    if (replaced.some((tab) => sameSecret(state, tab.state))) {
      return res.writeHead(410, { ...callbackPageHeaders, Connection: 'close' }).end(replacedSignInPage());
    }
    if (accepted) return turnAway(res, 409);
    if (!sameSecret(state, options.expectedState)) return turnAway(res, 400);
    if (!url.searchParams.has('code') && !url.searchParams.has('error')) return turnAway(res, 400);
    accepted = res;
    resolveCallback(url);
  });
  server.keepAliveTimeout = 1_000;
  port = await listenOnFirstFree(
    server,
    options.ports ?? [],
    replaced.map((tab) => tab.port),
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      if (accepted && !accepted.headersSent) {
        accepted.writeHead(200, callbackPageHeaders).end(errorPage(signInError('sign_in_cancelled').message));
      }
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    port,
    redirectUri: `http://127.0.0.1:${port}${callbackPath}`,
    callback,
    async finish(outcome) {
      if (accepted && !accepted.headersSent) {
        const body = outcome.ok ? successPage() : errorPage(outcome.message);
        await new Promise<void>((resolve) =>
          accepted?.writeHead(200, { ...callbackPageHeaders, Connection: 'close' }).end(body, resolve),
        );
      }
      await close();
    },
    close,
  };
}
