import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventChannels } from '../../common/ipc-contract.ts';
import type { Core } from '../core/create-core.ts';
import { browserShellPreviewPath } from './browser-shell-core.ts';
import { servePreview } from './serve-preview.ts';
import { dispatchRequest } from '../core/ipc/dispatch-request.ts';
import { contentSecurityPolicy } from '../electron/content-security-policy.ts';
import { buildPreloadShim } from './preload-shim.ts';
import type { ProxySignInPages } from './proxy-sign-in-pages.ts';

/**
 * The browser shell, the Electron shell's sibling: runs the main-process core (the same handler
 * table Electron registers) in plain Node, serves the built renderer on loopback with the app's
 * CSP, and bridges the real built preload to the core over a WebSocket. It lets Chromium run the
 * whole app where Electron cannot: `npm run start:browser`, and the browser tests.
 */
export interface BrowserShellOptions {
  core: Core;
  rendererDirectory: string;
  preloadFile: string;
  port?: number;
  /** The proxy sign-in pages, when the core was given them (browser-shell-core.ts). */
  proxySignIn?: ProxySignInPages;
}

export interface BrowserShell {
  url: string;
  origin: string;
  close(): Promise<void>;
}

const preloadScriptPath = '/__browser-shell/preload.js';
const socketPath = '/__browser-shell/ipc';
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const root = normalize(options.rendererDirectory + sep);
  const preloadShim = buildPreloadShim(await readFile(options.preloadFile, 'utf8'), socketPath);
  const indexHtml = (await readFile(join(root, 'index.html'), 'utf8')).replace(
    '<head>',
    // A classic script runs before the app's module script, as a preload runs before the page.
    `<head>\n    <script src="${preloadScriptPath}"></script>`,
  );

  const server = createServer((request, response) => void serve(request, response));
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://browser-shell').pathname;
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
    if (pathname === preloadScriptPath) {
      response.writeHead(200, { ...headers, 'Content-Type': contentTypes['.js'] }).end(preloadShim);
      return;
    }
    if (await options.proxySignIn?.handle(request, response, pathname)) return;
    if (pathname.startsWith(browserShellPreviewPath)) {
      await servePreview(options.core.preview, request, response, `http://127.0.0.1:${port()}`);
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      response.writeHead(200, { ...headers, 'Content-Type': contentTypes['.html'] }).end(indexHtml);
      return;
    }
    const file = normalize(join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...headers,
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  }

  const port = () => (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${port()}`;
  options.proxySignIn?.attach(origin);

  // Only our own page may connect: the browser shell's equivalent of validating the IPC sender.
  const sockets = new WebSocketServer({
    server,
    path: socketPath,
    verifyClient: ({ origin: requestOrigin }: { origin: string }) => requestOrigin === origin,
  });
  sockets.on('connection', (socket) => bridgeSocket(options.core, socket));

  return {
    url: `${origin}/`,
    origin,
    async close() {
      options.proxySignIn?.cancelAll();
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function bridgeSocket(core: Core, socket: WebSocket): void {
  const stopEvents = core.events.forwardAll((event, payload) => {
    socket.send(JSON.stringify({ kind: 'event', event, payload }));
  }, eventChannels);
  socket.on('close', stopEvents);
  socket.on('message', (raw: Buffer) => {
    void (async () => {
      const message = JSON.parse(raw.toString('utf8')) as { id: number; channel: unknown; request: unknown };
      const result = await dispatchRequest(core.handlers, message.channel, message.request, (channel, description) =>
        console.error(`[browser shell] handler ${channel} failed: ${description}`),
      );
      socket.send(JSON.stringify({ kind: 'result', id: message.id, result }));
    })();
  });
}
