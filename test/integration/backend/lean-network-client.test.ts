/**
 * The backend's undici network client under box-node-sdk: the SDK's own managers and auth,
 * against the Box emulator (and, for answers Box never gives, small real HTTP servers).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Readable, type Duplex } from 'node:stream';
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import type { Dispatcher } from 'undici';
import { createBoxAuth } from '../../../backend/box-auth.ts';
import { loadConfig } from '../../../backend/config.ts';
import { ExpiringTokenStorage } from '../../../backend/expiring-token-storage.ts';
import { LeanNetworkClient } from '../../../backend/lean-network-client.ts';
import { outboundDispatcher } from '../../../backend/outbound-dispatcher.ts';
import { BoxRetryStrategy } from '../../../common/box-retry-strategy.ts';
import { startBoxPeer, type BoxPeer } from './support/backend-harness.ts';

const retryLimits = { maxAttempts: 3, maxDelaySeconds: 2, baseDelaySeconds: 0.01 };

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('LeanNetworkClient (box-node-sdk over undici)', () => {
  let box: BoxPeer;
  let dispatcher: Dispatcher;

  interface ClientOptions {
    timeoutMs?: number;
    via?: Dispatcher;
    /** A fixed token instead of the service account's JWT auth: no token request before the call. */
    fixedToken?: string;
    additionalHeaders?: Record<string, string>;
  }

  /** The service account's client, as the backend builds it, with our network client underneath. */
  function serviceClient(origin: string, options: ClientOptions = {}): BoxClient {
    const config = loadConfig({
      OIDC_ISSUER: 'https://idp.example.com',
      OIDC_AUDIENCE: 'desktop',
      BOX_CONFIG_FILE: box.configPath,
    });
    const session = new NetworkSession({
      baseUrls: new BaseUrls({ baseUrl: origin, uploadUrl: `${origin}/api`, oauth2Url: `${origin}/api/oauth2` }),
      retryStrategy: new BoxRetryStrategy(retryLimits),
      networkClient: new LeanNetworkClient(options.via ?? dispatcher),
      ...(options.timeoutMs === undefined ? {} : { timeoutConfig: { timeoutMs: options.timeoutMs } }),
      ...(options.additionalHeaders === undefined ? {} : { additionalHeaders: options.additionalHeaders }),
    });
    const auth =
      options.fixedToken === undefined
        ? createBoxAuth(config.box, new ExpiringTokenStorage()).service
        : new BoxDeveloperTokenAuth({ token: options.fixedToken });
    return new BoxClient({ auth, networkSession: session });
  }

  beforeAll(async () => {
    box = await startBoxPeer();
    dispatcher = outboundDispatcher({});
  });
  afterAll(async () => {
    await dispatcher.close();
    await box.close();
  });
  afterEach(async () => {
    await box.emulator.controls.clearFaults();
    await box.emulator.controls.clearRequests();
  });

  it('sends JSON bodies and query parameters and reads JSON answers', async () => {
    const client = serviceClient(box.emulator.origin);
    const created = await client.users.createUser({
      name: 'Lean User',
      isPlatformAccessOnly: true,
      externalAppUserId: 'lean-1',
    });
    const found = await client.users.getUsers({ externalAppUserId: 'lean-1', limit: 2 });
    expect(found.entries?.map((user) => user.id)).toEqual([created.id]);
    const requests = await box.emulator.controls.requests();
    expect(requests.map((r) => r.route)).toEqual(['POST /oauth2/token', 'POST /2.0/users', 'GET /2.0/users']);
    expect(requests[2]?.query).toContain('external_app_user_id=lean-1');
  });

  it('turns a Box error answer into the SDK’s BoxApiError with status, code and request id', async () => {
    const client = serviceClient(box.emulator.origin);
    const error: unknown = await client.users.getUserById('999999999').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BoxApiError);
    const { responseInfo, message } = error as BoxApiError;
    expect(responseInfo.statusCode).toBe(404);
    expect(responseInfo.code).toBe('not_found');
    expect(responseInfo.requestId).toMatch(/\S/);
    expect(message).toMatch(/^404 not_found/);
  });

  it('retries 429 as the session’s retry strategy says, waiting the retry-after Box sends', async () => {
    const client = serviceClient(box.emulator.origin);
    await client.users.getUsers({ limit: 1 }); // the service token first
    await box.emulator.controls.clearRequests();
    await box.emulator.controls.addFault({ route: 'GET /2.0/users', status: 429, retryAfterSeconds: 1, times: 2 });
    const started = performance.now();
    await client.users.getUsers({ limit: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    expect((await box.emulator.controls.requests()).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('renews the token once after a 401 and repeats the call', async () => {
    const client = serviceClient(box.emulator.origin);
    await client.users.getUsers({ limit: 1 });
    await box.emulator.controls.clearRequests();
    await box.emulator.controls.addFault({ route: 'GET /2.0/users', status: 401, times: 1 });
    await client.users.getUsers({ limit: 1 });
    expect((await box.emulator.controls.requests()).map((r) => `${r.route} ${r.status}`)).toEqual([
      'GET /2.0/users 401',
      'POST /oauth2/token 200',
      'GET /2.0/users 200',
    ]);
  });

  it('gives up on a call that outlasts the timeout, and does not repeat a POST', async () => {
    const client = serviceClient(box.emulator.origin, { timeoutMs: 1000 });
    await client.users.getUsers({ limit: 1 });
    await box.emulator.controls.clearRequests();
    await box.emulator.controls.addFault({ route: 'POST /2.0/users', latencyMs: 4000 });
    const started = performance.now();
    const error: unknown = await client.users.createUser({ name: 'Slow' }).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(BoxSdkError);
    expect(error).not.toBeInstanceOf(BoxApiError);
    expect((error as Error).message).toBe('Connection timeout after 1000ms');
    expect(await box.emulator.controls.callCounts()).toEqual({ 'POST /2.0/users': 1 });
  });

  it('bounds the whole call, not just the wait between bytes: a trickling answer times out', async () => {
    const trickle = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const drip = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(drip));
    });
    const origin = await listen(trickle);
    try {
      const started = performance.now();
      const error: unknown = await serviceClient(origin, { timeoutMs: 800, fixedToken: 'token' })
        .users.createUser({ name: 'Trickle' })
        .catch((caught: unknown) => caught);
      expect((error as Error).message).toBe('Connection timeout after 800ms');
      expect(performance.now() - started).toBeLessThan(2500);
    } finally {
      await close(trickle);
    }
  });

  it('retries a GET after a dropped connection up to the strategy’s limit, and never repeats a POST', async () => {
    let connections = 0;
    const dropping = createServer();
    dropping.on('connection', (socket) => {
      connections++;
      socket.destroy();
    });
    const origin = await listen(dropping);
    try {
      const client = serviceClient(origin, { fixedToken: 'token' });
      const failedGet: unknown = await client.users.getUsers({ limit: 1 }).catch((caught: unknown) => caught);
      expect(failedGet).toBeInstanceOf(BoxSdkError);
      expect(failedGet).not.toBeInstanceOf(BoxApiError);
      expect(connections).toBe(retryLimits.maxAttempts);

      connections = 0;
      const failedPost: unknown = await client.users.createUser({ name: 'Once' }).catch((caught: unknown) => caught);
      expect(failedPost).toBeInstanceOf(BoxSdkError);
      expect(connections).toBe(1);
    } finally {
      await close(dropping);
    }
  });

  it('counts error answers and dropped connections together against the attempt limit', async () => {
    let requests = 0;
    const flaky = createServer((req, res) => {
      requests++;
      // First an error answer Box asks to retry, then dropped connections.
      if (requests === 1) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
        return res.end('{"type":"error","status":503,"code":"unavailable"}');
      }
      req.socket.destroy();
    });
    const origin = await listen(flaky);
    try {
      await serviceClient(origin, { fixedToken: 'token' })
        .users.getUsers({ limit: 1 })
        .catch(() => undefined);
      expect(requests).toBe(retryLimits.maxAttempts);
    } finally {
      await close(flaky);
    }
  });

  describe('answers Box does not give', () => {
    let server: Server;
    let origin: string;
    const seen: string[] = [];
    const userAgents: (number | string)[] = [];
    const conflictBody = JSON.stringify({
      type: 'error',
      status: 409,
      code: 'user_login_already_used',
      context_info: { conflicts: [{ type: 'user', id: '7' }] },
      request_id: 'abc123',
    });
    beforeAll(async () => {
      server = createServer((req, res) => {
        seen.push(`${req.method} ${req.url} auth=${req.headers.authorization === undefined ? 'no' : 'yes'}`);
        if (req.url?.startsWith('/oauth2/token')) {
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify({ access_token: 'service-token', expires_in: 3600, token_type: 'bearer' }));
        }
        if (req.url?.startsWith('/2.0/users/1')) {
          res.statusCode = 200;
          return res.end('<html>a captive portal</html>');
        }
        if (req.url?.startsWith('/2.0/users/2')) {
          res.statusCode = 302;
          res.setHeader('location', `${origin}/elsewhere`);
          return res.end();
        }
        if (req.url?.startsWith('/2.0/users/3')) {
          res.writeHead(409, { 'content-type': 'application/json' });
          return res.end(conflictBody);
        }
        if (req.url?.startsWith('/2.0/users/4')) {
          userAgents.push(
            req.rawHeaders.filter((_, i) => i % 2 === 0 && /^user-agent$/i.test(req.rawHeaders[i]!)).length,
          );
          userAgents.push(req.headers['user-agent'] ?? '');
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end('{"type":"user","id":"4"}');
        }
        res.statusCode = 404;
        res.end();
      });
      origin = await listen(server);
    });
    afterAll(() => close(server));

    it('refuses a 2xx answer that is not JSON instead of handing the SDK nonsense', async () => {
      const error: unknown = await serviceClient(origin)
        .users.getUserById('1')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BoxSdkError);
      expect((error as Error).message).toBe('Box answered with a body that is not JSON');
    });

    it('keeps Box’s context_info and the raw body of an error answer', async () => {
      const error = (await serviceClient(origin)
        .users.getUserById('3')
        .catch((caught: unknown) => caught)) as BoxApiError;
      expect(error.responseInfo.contextInfo).toEqual({ conflicts: [{ type: 'user', id: '7' }] });
      expect(error.responseInfo.rawBody).toBe(conflictBody);
      expect(error.message).toBe('409 user_login_already_used; Request ID: abc123');
    });

    it('lets the session’s additional headers replace its own, whatever their case', async () => {
      userAgents.length = 0;
      await serviceClient(origin, { additionalHeaders: { 'User-Agent': 'box-sso-backend/test' } }).users.getUserById(
        '4',
      );
      expect(userAgents).toEqual([1, 'box-sso-backend/test']);
    });

    it('does not follow a redirect, so credentials never travel on', async () => {
      seen.length = 0;
      const error: unknown = await serviceClient(origin)
        .users.getUserById('2')
        .catch((caught: unknown) => caught);
      expect((error as BoxApiError).responseInfo.statusCode).toBe(302);
      expect(seen.some((line) => line.startsWith('GET /elsewhere'))).toBe(false);
    });
  });

  it('refuses uploads, which the backend never sends', async () => {
    const client = new LeanNetworkClient(dispatcher);
    await expect(
      client.fetch({
        url: `${box.emulator.origin}/api/2.0/files/content`,
        method: 'POST',
        fileStream: Readable.from([]),
      }),
    ).rejects.toThrow('the backend sends no uploads or downloads to Box');
  });

  describe('outbound proxy', () => {
    let proxy: Server;
    let proxyUrl: string;
    const tunnels: string[] = [];
    beforeAll(async () => {
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
    afterAll(() => close(proxy));
    beforeEach(() => {
      tunnels.length = 0;
    });

    async function usersVia(env: Record<string, string>): Promise<void> {
      const via = outboundDispatcher(env);
      try {
        const users = await serviceClient(box.emulator.origin, { via }).users.getUsers({ limit: 1 });
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
        const error: unknown = await serviceClient(box.emulator.origin, { via, timeoutMs: 800, fixedToken: 'token' })
          .users.createUser({ name: 'Stuck' })
          .catch((caught: unknown) => caught);
        expect((error as Error).message).toBe('Connection timeout after 800ms');
        expect(performance.now() - started).toBeLessThan(2500);
      } finally {
        await via.destroy();
        await close(silent);
      }
    });
  });
});
