import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { tokenClient } from '../../support/box-emulator-harness.ts';
import { signInAs } from '../../support/sign-in-as.ts';
import {
  backendEnv,
  requestToken,
  serviceClient,
  startBackend,
  startBoxPeer,
  type BoxPeer,
  type RunningBackend,
  type TokenResponse,
} from './support/backend-harness.ts';

describe('provisioning with the sandbox IdP and the Box emulator', () => {
  let idp: SandboxIdp;
  let box: BoxPeer;
  let backend: RunningBackend;
  let aliceIdToken: string;

  beforeAll(async () => {
    idp = await startSandboxIdp();
    box = await startBoxPeer();
    backend = await startBackend(backendEnv(idp.issuer, idp.desktopClientId, box));
    aliceIdToken = (await signInAs(idp, 'alice')).idToken;
  });
  afterAll(async () => {
    await backend.close();
    await box.close();
    await idp.close();
  });

  it('creates exactly one app user on the first login, linked by external_app_user_id', async () => {
    const response = await requestToken(backend, aliceIdToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenResponse;
    expect(body).toMatchObject({ token_type: 'bearer', box_user: { name: 'Alice Example' } });
    expect(body.expires_in).toBeGreaterThan(0);
    expect(body.scopes).toEqual([
      'base_explorer',
      'item_preview',
      'item_download',
      'item_upload',
      'item_rename',
      'item_delete',
      'item_share',
    ]);

    const admin = await serviceClient(box.emulator);
    const linked = await admin.users.getUsers({ externalAppUserId: 'sandbox-user-alice' });
    expect(linked.entries?.map((user) => user.id)).toEqual([body.box_user.id]);
    const counts = await box.emulator.controls.callCounts();
    expect(counts['POST /2.0/users']).toBe(1);
  });

  it('reuses the user on a second login, with at most two Box calls', async () => {
    const first = (await (await requestToken(backend, aliceIdToken)).json()) as TokenResponse;
    await box.emulator.controls.clearRequests();
    const again = await requestToken(backend, (await signInAs(idp, 'alice')).idToken);
    expect(again.status).toBe(200);
    expect(((await again.json()) as TokenResponse).box_user.id).toBe(first.box_user.id);
    const counts = await box.emulator.controls.callCounts();
    expect(counts['POST /2.0/users']).toBeUndefined();
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(2);
  });

  it('returns a token that works against Box, only within its scopes', async () => {
    const body = (await (await requestToken(backend, aliceIdToken)).json()) as TokenResponse;
    const client = tokenClient(box.emulator, body.access_token);
    const me = await client.users.getUserMe();
    expect(me.id).toBe(body.box_user.id);
    const folder = await client.folders.createFolder({ name: 'Reports', parent: { id: '0' } });
    const items = await client.folders.getFolderItems('0');
    expect(items.entries?.map((item) => item.id)).toContain(folder.id);
    // Administering users is outside the granted scopes.
    await expect(client.users.getUsers()).rejects.toMatchObject({ responseInfo: { statusCode: 403 } });
  });

  it('grants only the configured scopes (BOX_TOKEN_SCOPES)', async () => {
    const readOnly = await startBackend(
      backendEnv(idp.issuer, idp.desktopClientId, box, { BOX_TOKEN_SCOPES: 'base_explorer item_preview' }),
    );
    try {
      const body = (await (await requestToken(readOnly, aliceIdToken)).json()) as TokenResponse;
      expect(body.scopes).toEqual(['base_explorer', 'item_preview']);
      const client = tokenClient(box.emulator, body.access_token);
      await expect(client.folders.getFolderItems('0')).resolves.toBeDefined();
      await expect(client.folders.createFolder({ name: 'Nope', parent: { id: '0' } })).rejects.toMatchObject({
        responseInfo: { statusCode: 403 },
      });
    } finally {
      await readOnly.close();
    }
  });

  it('answers a bad bearer with 401 invalid_token, a reason, and no echo of the token', async () => {
    const tampered = `${aliceIdToken.slice(0, -4)}AAAA`;
    for (const token of [tampered, 'not-a-jwt', undefined]) {
      const response = await requestToken(backend, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      const body = JSON.parse(text) as { error: string; error_description: string };
      expect(body.error).toBe('invalid_token');
      expect(body.error_description.length).toBeGreaterThan(0);
      if (token) expect(text).not.toContain(token);
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('rejects an ID token issued to another audience', async () => {
    const other = await startBackend(backendEnv(idp.issuer, 'some-other-client', box));
    try {
      const response = await requestToken(other, aliceIdToken);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error_description: string }).error_description).toBe(
        'aud claim check failed',
      );
    } finally {
      await other.close();
    }
  });

  it('ignores the request body, whatever its content type', async () => {
    for (const init of [{ 'content-type': 'application/json' }, { 'content-type': 'text/plain' }]) {
      const response = await fetch(`${backend.url}/v1/box-token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${aliceIdToken}`, ...init },
      });
      expect(response.status).toBe(200);
    }
  });

  it('limits header and body size', async () => {
    const huge = await fetch(`${backend.url}/v1/box-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${'a'.repeat(20_000)}.b.c` },
    });
    expect(huge.status).toBe(431);
    const body = await fetch(`${backend.url}/v1/box-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${aliceIdToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
    expect(body.status).toBe(413);
  });

  it('tells every cache to keep none of its answers, refusals and unknown paths included', async () => {
    const answers = await Promise.all([
      fetch(`${backend.url}/healthz`),
      fetch(`${backend.url}/metrics`),
      fetch(`${backend.url}/no-such-path`),
      fetch(`${backend.url}/v1/box-token`),
      requestToken(backend, aliceIdToken),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 404, 200]);
    for (const answer of answers) {
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('pragma')).toBe('no-cache');
    }
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${backend.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${backend.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', idp: 'ok', box: 'ok', sharedState: 'ok' });
    const metrics = await (await fetch(`${backend.url}/metrics`)).text();
    expect(metrics).toMatch(/box_token_requests_total\{outcome="issued"\} [1-9]/);
    expect(metrics).toMatch(/box_token_requests_total\{outcome="invalid_token"\} [1-9]/);
    expect(metrics).toMatch(/box_api_calls_total\{method="POST",endpoint="users"\} 1/);
    expect(metrics).toMatch(/box_users_created_total\{type="app"\} 1/);
    expect(metrics).toMatch(/box_provisioning_duration_seconds_count\{kind="first"\} 1/);
  });

  it('logs one line per request: a login with its Box user and time, a refusal with its reason, an unknown path, probes at debug', async () => {
    backend.logs.length = 0;
    await requestToken(backend, aliceIdToken);
    await requestToken(backend, 'not-a-jwt');
    await fetch(`${backend.url}/healthz`);
    await fetch(`${backend.url}/no-such-path?x=1`);
    const lines = backend.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    const [issued, refused, probe, unknown] = lines;
    expect(issued).toMatchObject({
      level: 30,
      msg: 'box token issued',
      method: 'POST',
      path: '/v1/box-token',
      status: 200,
    });
    expect(issued).toMatchObject({ created: false, remoteAddress: '127.0.0.1' });
    expect(typeof issued!['boxUserId']).toBe('string');
    expect(typeof issued!['ms']).toBe('number');
    expect(refused).toMatchObject({ level: 30, msg: 'request refused', status: 401, error: 'invalid_token' });
    expect(refused!['reason']).toMatch(/malformed/);
    expect(probe).toMatchObject({ level: 20, msg: 'request done', path: '/healthz', status: 200 });
    // Each line names its request, so a refusal can be matched with what the desktop saw.
    expect(unknown).toMatchObject({ level: 30, msg: 'request done', path: '/no-such-path', status: 404 });
    expect(new Set(lines.map((line) => line['reqId'])).size).toBe(4);
  });

  it('never logs ID tokens, Box tokens or the app secret', async () => {
    const body = (await (await requestToken(backend, aliceIdToken)).json()) as TokenResponse;
    await requestToken(backend, `${aliceIdToken.slice(0, -4)}AAAA`);
    // A careless log call elsewhere must still be caught by the redaction paths.
    backend.app.log.info(
      { headers: { authorization: `Bearer ${aliceIdToken}` }, access_token: body.access_token },
      'stray log call',
    );
    const logs = backend.logs.join('');
    expect(backend.logs.length).toBeGreaterThan(5);
    expect(logs).toContain('box token issued');
    const secrets = [
      aliceIdToken,
      aliceIdToken.split('.')[2]!,
      body.access_token,
      box.emulator.appConfig.boxAppSettings.clientSecret,
      box.emulator.appConfig.boxAppSettings.appAuth.privateKey.split('\n')[1]!,
    ];
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).toContain('[redacted]');
  });
});
