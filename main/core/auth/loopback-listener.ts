import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackPageHeaders, errorPage, rejectedRequestPage, successPage } from './callback-pages.ts';
import { signInError } from './sign-in-errors.ts';

/**
 * The RFC 8252 loopback redirect receiver. Bound to 127.0.0.1 only; it accepts exactly one
 * callback that carries our `state` and a `code` or `error`, and turns everything else away
 * without ending the flow (a stray tab, a port scanner, a DNS-rebinding page with a foreign
 * Host header). The accepted tab waits for `finish()` so it can show the real outcome.
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

async function listenOnFirstFree(server: Server, ports: readonly number[]): Promise<number> {
  for (const port of ports.length > 0 ? ports : [0]) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (error as NodeJS.ErrnoException).code !== 'EACCES')
        throw error;
    }
  }
  throw signInError('sign_in_port_in_use', undefined, { ports });
}

export async function openLoopbackListener(options: {
  expectedState: string;
  ports?: readonly number[];
}): Promise<LoopbackListener> {
  let accepted: ServerResponse | undefined;
  let resolveCallback: (url: URL) => void = () => undefined;
  const callback = new Promise<URL>((resolve) => {
    resolveCallback = resolve;
  });
  let port = 0;

  const turnAway = (res: ServerResponse, status: number, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...callbackPageHeaders, ...extra, Connection: 'close' }).end(rejectedRequestPage());
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return turnAway(res, 405, { Allow: 'GET' });
    if (req.headers.host !== `127.0.0.1:${port}`) return turnAway(res, 421);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== callbackPath) return turnAway(res, 404);
    if (accepted) return turnAway(res, 409);
    const state = url.searchParams.get('state');
    if (state === null || !sameSecret(state, options.expectedState)) return turnAway(res, 400);
    if (!url.searchParams.has('code') && !url.searchParams.has('error')) return turnAway(res, 400);
    accepted = res;
    resolveCallback(url);
  });
  server.keepAliveTimeout = 1_000;
  port = await listenOnFirstFree(server, options.ports ?? []);

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
