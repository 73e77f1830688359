import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { signInAs } from '../../support/sign-in-as.ts';
import {
  backendEnv,
  requestToken,
  startBackend,
  startBoxPeer,
  type BoxPeer,
  type RunningBackend,
} from './support/backend-harness.ts';

async function timed(call: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
  const started = performance.now();
  const response = await call();
  return { response, ms: performance.now() - started };
}

const totalCalls = async (box: BoxPeer) =>
  Object.values(await box.emulator.controls.callCounts()).reduce((sum, n) => sum + n, 0);

describe('Box faults: bounded retries honouring retry-after, then 503 with Retry-After', () => {
  let idp: SandboxIdp;
  let box: BoxPeer;
  let backend: RunningBackend;
  let idToken: string;

  beforeAll(async () => {
    idp = await startSandboxIdp();
    box = await startBoxPeer();
    backend = await startBackend(backendEnv(idp.issuer, idp.desktopClientId, box, { LOG_LEVEL: 'warn' }));
    idToken = (await signInAs(idp, 'alice')).idToken;
  });
  afterEach(async () => {
    await box.emulator.controls.clearFaults();
    await box.emulator.controls.clearRequests();
  });
  afterAll(async () => {
    await backend.close();
    await box.close();
    await idp.close();
  });

  it('rides out a 429 storm, waiting as long as Box asks', async () => {
    await box.emulator.controls.addFault({ route: '*', status: 429, retryAfterSeconds: 1, times: 2 });
    const { response, ms } = await timed(() => requestToken(backend, idToken));
    expect(response.status).toBe(200);
    // Two honoured retry-after waits of 1 s (our own backoff would start at 0.25 s).
    expect(ms).toBeGreaterThanOrEqual(1900);
    const requests = await box.emulator.controls.requests();
    expect(requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it('answers 503 at once with Box’s Retry-After when Box asks for a long pause', async () => {
    await box.emulator.controls.addFault({ route: '*', status: 429, retryAfterSeconds: 30 });
    const { response, ms } = await timed(() => requestToken(backend, idToken));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable' });
    expect(ms).toBeLessThan(3000);
    expect(await totalCalls(box)).toBe(1);
  });

  it('retries Box 5xx and succeeds when Box recovers', async () => {
    await box.emulator.controls.addFault({ route: '*', status: 500, times: 2 });
    const response = await requestToken(backend, idToken);
    expect(response.status).toBe(200);
    const requests = await box.emulator.controls.requests();
    expect(requests.filter((r) => r.status === 500)).toHaveLength(2);
  });

  it('gives up on a Box that keeps failing after a bounded number of attempts', async () => {
    await box.emulator.controls.addFault({ route: '*', status: 503 });
    backend.logs.length = 0;
    const { response, ms } = await timed(() => requestToken(backend, idToken));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(ms).toBeLessThan(8000);
    expect(await totalCalls(box)).toBe(4);
    // The backend logs at warn here: the refusal still reaches the log, as a warning operators see.
    const lines = backend.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'request refused', status: 503, error: 'temporarily_unavailable' }),
    ]);
  });

  it('answers 503 with Retry-After when Box is down, and readiness says so', async () => {
    const gone = await startBoxPeer();
    const env = backendEnv(idp.issuer, idp.desktopClientId, gone, { LOG_LEVEL: 'warn' });
    await gone.emulator.close();
    const orphan = await startBackend(env);
    try {
      const { response, ms } = await timed(() => requestToken(orphan, idToken));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(ms).toBeLessThan(8000);
      const ready = await fetch(`${orphan.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not_ready', idp: 'ok', box: 'unavailable', sharedState: 'ok' });
      const metrics = await (await fetch(`${orphan.url}/metrics`)).text();
      expect(metrics).toMatch(/box_token_requests_total\{outcome="unavailable"\} 1/);
      expect(await (await fetch(`${orphan.url}/healthz`)).json()).toEqual({ status: 'ok' });
    } finally {
      await orphan.close();
      await gone.close().catch(() => undefined);
    }
  });
});
