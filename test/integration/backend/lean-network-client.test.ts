/**
 * The backend's undici network client under box-node-sdk: the SDK's own managers and auth,
 * against the Box emulator (and, for answers Box never gives, small real HTTP servers).
 */
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import type { BoxClient } from 'box-node-sdk';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import type { Dispatcher } from 'undici';
import { LeanNetworkClient } from '../../../backend/lean-network-client.ts';
import { outboundDispatcher } from '../../../backend/outbound-dispatcher.ts';
import { startBoxPeer, type BoxPeer } from './support/backend-harness.ts';
import { closeServer, listen } from '../../support/http-server.ts';
import { retryLimits, sdkClient, type SdkClientOptions } from './support/sdk-over-undici.ts';

describe('LeanNetworkClient (box-node-sdk over undici)', () => {
  let box: BoxPeer;
  let dispatcher: Dispatcher;

  const serviceClient = (origin: string, options: Omit<SdkClientOptions, 'configPath' | 'via'> = {}): BoxClient =>
    sdkClient(origin, { configPath: box.configPath, via: dispatcher, ...options });

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
    expect(performance.now() - started).toBeLessThan(4500);
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
      expect(performance.now() - started).toBeLessThan(4500);
    } finally {
      await closeServer(trickle);
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
      await closeServer(dropping);
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
      await expect(serviceClient(origin, { fixedToken: 'token' }).users.getUsers({ limit: 1 })).rejects.toBeInstanceOf(
        BoxSdkError,
      );
      expect(requests).toBe(retryLimits.maxAttempts);
    } finally {
      await closeServer(flaky);
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
    afterAll(() => closeServer(server));

    it('refuses a 2xx answer that is not JSON instead of handing the SDK nonsense, and does not ask again', async () => {
      seen.length = 0;
      const error: unknown = await serviceClient(origin)
        .users.getUserById('1')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BoxSdkError);
      expect((error as Error).message).toBe('Box answered with a body that is not JSON');
      expect(seen.filter((line) => line.startsWith('GET /2.0/users/1'))).toHaveLength(1);
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
});
