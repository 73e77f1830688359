import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer, type RedisServer } from '../../support/redis-server.ts';
import {
  backendEnv,
  requestToken,
  serviceClient,
  startBackend,
  startBoxPeer,
  type BoxPeer,
  type RunningBackend,
} from './support/backend-harness.ts';
import { startKeyedIssuer, type KeyedIssuer } from './support/keyed-issuer.ts';
import { logoutClaims, postLogout, signLogoutToken } from './support/logout-tokens.ts';
import { oktaUser, scim, scimToken } from './support/scim-client.ts';

/** Polls until `check` holds, for what replicas must agree on "within 5 s". */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('three backend replicas sharing a real redis-server', () => {
  let dir: string;
  let redis: RedisServer;
  let issuer: KeyedIssuer;
  let box: BoxPeer;
  let replicas: RunningBackend[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'replicas-'));
    // Persisted like a production Redis that holds revocations, so a killed server comes back with them.
    redis = await startRedisServer({ persistDir: dir });
    issuer = await startKeyedIssuer();
    box = await startBoxPeer();
    const env = backendEnv(issuer.issuer, 'box-sso-desktop', box, {
      REDIS_URL: redis.url,
      SCIM_BEARER_TOKEN: scimToken,
      LOG_LEVEL: 'warn',
    });
    // 160 first logins at once on a shared 2-CPU machine, all in this process: Box calls get a generous deadline.
    const options = { box: { timeoutMs: 60_000 } };
    replicas = await Promise.all([startBackend(env, options), startBackend(env, options), startBackend(env, options)]);
    await Promise.all(replicas.map((replica) => within(10_000, async () => (await fetch(`${replica.url}/readyz`)).ok)));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await box.close();
    await issuer.close();
    await redis.close();
    await rm(dir, { recursive: true, force: true });
  });

  const idTokenFor = (sub: string, extra: Record<string, unknown> = {}) =>
    issuer.sign({ sub, iat: Math.floor(Date.now() / 1000) - 30, ...extra });

  it('160 concurrent first logins over 20 identities, spread over the replicas, create exactly 20 Box users', async () => {
    const people = Array.from({ length: 20 }, (_, index) => `wave-${index}`);
    const tokens = await Promise.all(people.map((sub) => idTokenFor(sub)));
    const answers = await Promise.all(
      Array.from({ length: 160 }, (_, index) => requestToken(replicas[index % 3]!, tokens[index % 20])),
    );
    const refused = await Promise.all(
      answers
        .filter((answer) => answer.status !== 200)
        .map(async (answer) => `${answer.status} ${await answer.text()}`),
    );
    expect(refused).toEqual([]);
    const admin = await serviceClient(box.emulator);
    const counts = await Promise.all(
      people.map(async (sub) => (await admin.users.getUsers({ externalAppUserId: sub })).entries?.length ?? 0),
    );
    expect(counts).toEqual(people.map(() => 1));
  });

  it('shares the per-identity rate limit: the 11th request in a minute is refused whichever replica gets it', async () => {
    const token = await idTokenFor('rate-limited');
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) statuses.push((await requestToken(replicas[index % 3]!, token)).status);
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(statuses[10]).toBe(429);
  });

  it('a back-channel logout delivered to replica 2 ends the session on replicas 1 and 3', async () => {
    const idToken = await idTokenFor('logout-user', { sid: 'replicated-session' });
    for (const replica of replicas) expect((await requestToken(replica, idToken)).status).toBe(200);
    const logout = await signLogoutToken(issuer, logoutClaims(issuer, { sid: 'replicated-session' }));
    expect((await postLogout(replicas[1]!.url, logout)).status).toBe(200);
    for (const replica of [replicas[0]!, replicas[2]!]) {
      const answer = await requestToken(replica, idToken);
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { error_description: string }).error_description).toBe('session ended');
    }
    // The jti is spent on every replica.
    expect((await postLogout(replicas[2]!.url, logout)).status).toBe(400);
  });

  it('deactivated over SCIM through replica 1: replicas 2 and 3 refuse within 5 s; reactivation restores all three', async () => {
    const created = await scim(replicas[0]!.url, 'POST', '/Users', oktaUser('dan@example.com', 'replicated-dan'));
    expect(created.status).toBe(201);
    const id = created.body!['id'] as string;
    const token = await idTokenFor('replicated-dan');
    for (const replica of replicas) expect((await requestToken(replica, token)).status).toBe(200);

    const off = await scim(replicas[0]!.url, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status).toBe(200);
    for (const replica of [replicas[1]!, replicas[2]!]) {
      const waited = await within(5_000, async () => (await requestToken(replica, token)).status === 403);
      expect(waited).toBeLessThanOrEqual(5_000);
      expect(await (await requestToken(replica, token)).json()).toMatchObject({ error: 'account_disabled' });
    }

    const on = await scim(replicas[2]!.url, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.body).toMatchObject({ active: true });
    for (const replica of replicas) expect((await requestToken(replica, token)).status).toBe(200);
  });

  it('SCIM attributes written through one replica are found through another', async () => {
    const created = await scim(
      replicas[0]!.url,
      'POST',
      '/Users',
      oktaUser('carol.shared@example.com', 'carol-shared'),
    );
    expect(created.status).toBe(201);
    const found = await scim(
      replicas[2]!.url,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "Carol.Shared@example.com"')}`,
    );
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: created.body!['id'] }] });
    const again = await scim(replicas[1]!.url, 'POST', '/Users', oktaUser('carol.shared@example.com', 'carol-2'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ scimType: 'uniqueness' });
  });

  it('Redis killed mid-run: token requests fail closed (503, Retry-After), /readyz and metrics say so, service resumes by itself', async () => {
    const revoked = await idTokenFor('outage-revoked', { sid: 'outage-session' });
    const fine = await idTokenFor('outage-fine');
    expect((await requestToken(replicas[0]!, fine)).status).toBe(200);
    expect(
      (
        await postLogout(
          replicas[0]!.url,
          await signLogoutToken(issuer, logoutClaims(issuer, { sid: 'outage-session' })),
        )
      ).status,
    ).toBe(200);

    const issuedToRevoked: number[] = [];
    let running = true;
    const load = (async () => {
      for (let round = 0; running; round += 1) {
        const answers = await Promise.all(replicas.map((replica) => requestToken(replica, revoked)));
        for (const answer of answers) if (answer.status === 200) issuedToRevoked.push(round);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await redis.kill();
    for (const replica of replicas) {
      await within(10_000, async () => (await requestToken(replica, fine)).status === 503);
      const answer = await requestToken(replica, fine);
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await answer.json()).toMatchObject({ error: 'temporarily_unavailable' });
      const ready = await fetch(`${replica.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not_ready', sharedState: 'unavailable' });
      expect(await (await fetch(`${replica.url}/metrics`)).text()).toMatch(/shared_state_up\{store="redis"\} 0/);
    }

    await redis.restart();
    for (const replica of replicas) {
      await within(15_000, async () => (await requestToken(replica, fine)).status === 200);
      expect((await fetch(`${replica.url}/readyz`)).status).toBe(200);
      expect(await (await fetch(`${replica.url}/metrics`)).text()).toMatch(/shared_state_up\{store="redis"\} 1/);
    }
    running = false;
    await load;
    // Before, during and after the outage: never a token for the ended session.
    expect(issuedToRevoked).toEqual([]);
    for (const replica of replicas) expect((await requestToken(replica, revoked)).status).toBe(401);
  });
});
