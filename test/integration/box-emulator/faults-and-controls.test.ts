import { startConformanceHarness, tokenClient, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let userId: string;
let token: string;

beforeAll(async () => {
  h = await startConformanceHarness();
});
beforeEach(async () => {
  await h.emulator.controls.reset();
  userId = (await h.emulator.controls.createUser({ name: 'Faulty', externalAppUserId: 'ext-1' })).id;
  token = (await h.emulator.controls.issueToken({ userId })).access_token;
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

const me = () => fetch(`${h.emulator.origin}/2.0/users/me`, { headers: { authorization: `Bearer ${token}` } });

async function downloadUrl(size: number): Promise<string> {
  const file = await h.emulator.controls.createFile({ ownerId: userId, name: `f-${size}.bin`, size });
  const redirect = await fetch(`${h.emulator.origin}/2.0/files/${file.id}/content`, {
    headers: { authorization: `Bearer ${token}` },
    redirect: 'manual',
  });
  expect(redirect.status).toBe(302);
  return redirect.headers.get('location') ?? '';
}

describe('fault injection', () => {
  it('adds latency to one route only', async () => {
    await h.emulator.controls.addFault({ route: 'GET /2.0/users/me', latencyMs: 300 });
    let started = performance.now();
    expect((await me()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    started = performance.now();
    await fetch(`${h.emulator.origin}/2.0/folders/0`, { headers: { authorization: `Bearer ${token}` } });
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('answers 429 with a lower-case retry-after and a ClientError body, then recovers', async () => {
    await h.emulator.controls.addFault({ route: 'GET /2.0/users/me', status: 429, retryAfterSeconds: 3, times: 1 });
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ type: 'error', status: 429, code: 'too_many_requests' });
    expect((await me()).status).toBe(200);
  });

  it('lets box-node-sdk retry through 5xx faults, visible in the call counts', async () => {
    await h.emulator.controls.addFault({ route: 'GET /2.0/users/me', status: 503, times: 1 });
    const client = tokenClient(h.emulator, token);
    expect((await client.users.getUserMe()).id).toBe(userId);
    expect((await h.emulator.controls.callCounts())['GET /2.0/users/me']).toBe(2);
  });

  it('drops the connection mid-body', async () => {
    const url = await downloadUrl(200_000);
    await h.emulator.controls.addFault({ route: 'GET /d/1/{ticket}/download', dropAfterBytes: 1000, times: 1 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('throttles a body to the configured rate', async () => {
    const url = await downloadUrl(100_000);
    await h.emulator.controls.addFault({ route: 'GET /d/1/{ticket}/download', bytesPerSecond: 100_000, times: 1 });
    const started = performance.now();
    const body = await (await fetch(url)).arrayBuffer();
    expect(body.byteLength).toBe(100_000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(800);
  });

  it('sends injected statuses below 400 without a body and maps error codes by status', async () => {
    await h.emulator.controls.addFault({ route: 'GET /2.0/users/me', status: 202, retryAfterSeconds: 1, times: 1 });
    await h.emulator.controls.addFault({ route: 'GET /2.0/folders/{folder_id}', status: 412, times: 1 });
    const pending = await me();
    expect(pending.status).toBe(202);
    expect(pending.headers.get('retry-after')).toBe('1');
    expect(await pending.text()).toBe('');
    const failed = await fetch(`${h.emulator.origin}/2.0/folders/0`, { headers: { authorization: `Bearer ${token}` } });
    expect(await failed.json()).toMatchObject({ status: 412, code: 'precondition_failed' });
  });

  it('answers token endpoint faults in the OAuth2Error shape', async () => {
    await h.emulator.controls.addFault({ route: 'POST /oauth2/token', status: 503, retryAfterSeconds: 1, times: 1 });
    const response = await fetch(`${h.emulator.origin}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({}),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });

  it('lists and clears faults', async () => {
    await h.emulator.controls.addFault({ route: '*', latencyMs: 1 });
    expect(await h.emulator.controls.faults()).toHaveLength(1);
    await h.emulator.controls.clearFaults();
    expect(await h.emulator.controls.faults()).toHaveLength(0);
  });
});

describe('controls', () => {
  it('logs requests with their route and status, and counts calls per route', async () => {
    await me();
    await fetch(`${h.emulator.origin}/2.0/folders/999`, { headers: { authorization: `Bearer ${token}` } });
    const log = await h.emulator.controls.requests();
    expect(log.map((e) => [e.route, e.status])).toEqual([
      ['GET /2.0/users/me', 200],
      ['GET /2.0/folders/{folder_id}', 404],
    ]);
    expect(await h.emulator.controls.callCounts()).toEqual({
      'GET /2.0/users/me': 1,
      'GET /2.0/folders/{folder_id}': 1,
    });
  });

  it('resets users, content and tokens but keeps the app', async () => {
    const before = h.emulator.appConfig.boxAppSettings.clientID;
    await h.emulator.controls.reset();
    expect((await me()).status).toBe(401);
    const { appConfig } = await h.emulator.controls.app();
    expect(appConfig.boxAppSettings.clientID).toBe(before);
    expect((await h.admin.users.getUsers({ externalAppUserId: 'ext-1' })).totalCount).toBe(0);
  });
});
