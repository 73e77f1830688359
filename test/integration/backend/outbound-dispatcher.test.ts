/**
 * `outboundDispatcher`: which proxy the backend's Box calls go through, read from the settings it
 * is given (never from the process environment behind them), through real proxies.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { outboundDispatcher } from '../../../backend/outbound-dispatcher.ts';
import { startBoxPeer, type BoxPeer } from './support/backend-harness.ts';
import { closeServer, listen } from '../../support/http-server.ts';
import { sdkClient } from './support/sdk-over-undici.ts';

describe('outbound proxy for the backend’s Box calls (undici, from the settings given)', () => {
  let box: BoxPeer;
  let proxy: Server;
  let proxyUrl: string;
  /** What the proxy was asked to reach. */
  const tunnels: string[] = [];
  beforeAll(async () => {
    box = await startBoxPeer();
    proxy = createServer((req, res) => {
      // A plain forward proxy request (absolute URL), should undici send one.
      tunnels.push(`forward ${req.url}`);
      const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    proxy.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      tunnels.push(`CONNECT ${req.url}`);
      const [host, port] = req.url!.split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    proxyUrl = await listen(proxy);
  });
  afterAll(async () => {
    await closeServer(proxy);
    await box.close();
  });
  beforeEach(() => {
    tunnels.length = 0;
  });

  async function usersVia(env: Record<string, string>): Promise<void> {
    const via = outboundDispatcher(env);
    try {
      const users = await sdkClient(box.emulator.origin, { configPath: box.configPath, via }).users.getUsers({
        limit: 1,
      });
      expect(users.entries).toBeDefined();
    } finally {
      await via.close();
    }
  }

  it.each(['HTTP_PROXY', 'http_proxy', 'ALL_PROXY'])('goes through the proxy named by %s', async (name) => {
    await usersVia({ [name]: proxyUrl });
    const emulatorHost = new URL(box.emulator.origin).host;
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((line) => line.includes(emulatorHost))).toBe(true);
  });

  it('prefers the lower-case name when both spellings are set, as curl does', async () => {
    await usersVia({ http_proxy: proxyUrl, HTTP_PROXY: 'http://127.0.0.1:9' });
    expect(tunnels.length).toBeGreaterThan(0);
  });

  it('goes straight to the hosts NO_PROXY names', async () => {
    await usersVia({ HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(tunnels).toEqual([]);
  });

  it('reads the settings it is given, never the process environment behind them', async () => {
    const saved = { HTTP_PROXY: process.env['HTTP_PROXY'], NO_PROXY: process.env['NO_PROXY'] };
    const restore = (name: 'HTTP_PROXY' | 'NO_PROXY') => {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    };
    try {
      process.env['NO_PROXY'] = '127.0.0.1';
      await usersVia({ HTTP_PROXY: proxyUrl });
      expect(tunnels.length).toBeGreaterThan(0);

      tunnels.length = 0;
      delete process.env['NO_PROXY'];
      process.env['HTTP_PROXY'] = proxyUrl;
      await usersVia({});
      expect(tunnels).toEqual([]);
    } finally {
      restore('HTTP_PROXY');
      restore('NO_PROXY');
    }
  });

  it('times out on a proxy that never answers instead of hanging the login', async () => {
    const silent = createServer(() => undefined);
    silent.on('connect', () => undefined);
    const silentUrl = await listen(silent);
    const via = outboundDispatcher({ HTTP_PROXY: silentUrl });
    try {
      const started = performance.now();
      const error: unknown = await sdkClient(box.emulator.origin, {
        configPath: box.configPath,
        via,
        timeoutMs: 800,
        fixedToken: 'token',
      })
        .users.createUser({ name: 'Stuck' })
        .catch((caught: unknown) => caught);
      expect((error as Error).message).toBe('Connection timeout after 800ms');
      expect(performance.now() - started).toBeLessThan(4500);
    } finally {
      await via.destroy();
      await closeServer(silent);
    }
  });
});
