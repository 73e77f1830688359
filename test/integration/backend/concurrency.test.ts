import { startSandboxIdp, type SandboxIdp, type SandboxUser } from '../../../sandbox/idp/index.ts';
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

const identities = 50;

const people: SandboxUser[] = Array.from({ length: identities }, (_, i) => ({
  sub: `crowd-${i}`,
  username: `crowd${i}`,
  password: `crowd-password-${i}`,
  name: `Crowd Member ${i}`,
  email: `crowd${i}@example.com`,
}));

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** How many Box users each identity's external_app_user_id finds. */
async function usersPerIdentity(box: BoxPeer): Promise<number[]> {
  const admin = await serviceClient(box.emulator);
  return Promise.all(
    people.map(async (person) => (await admin.users.getUsers({ externalAppUserId: person.sub })).entries?.length ?? 0),
  );
}

describe('exactly one Box user per identity under concurrency', () => {
  let idp: SandboxIdp;
  let idTokens: string[];

  beforeAll(async () => {
    idp = await startSandboxIdp({ users: people });
    idTokens = await pool(people, 5, async (person) => (await signInAs(idp, person.username)).idToken);
  }, 120_000);
  afterAll(() => idp.close());

  it('200 concurrent first logins over 50 identities create exactly 50 users', async () => {
    const box = await startBoxPeer();
    const backend = await startBackend(backendEnv(idp.issuer, idp.desktopClientId, box, { LOG_LEVEL: 'warn' }));
    try {
      const requests = Array.from({ length: 200 }, (_, i) => idTokens[i % identities]!);
      const responses = await Promise.all(requests.map((token) => requestToken(backend, token)));
      expect(responses.map((r) => r.status)).toEqual(requests.map(() => 200));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as TokenResponse[];
      for (let i = 0; i < bodies.length; i++) {
        expect(bodies[i]!.box_user.id).toBe(bodies[i % identities]!.box_user.id);
      }
      expect(new Set(bodies.map((b) => b.box_user.id)).size).toBe(identities);
      const counts = await box.emulator.controls.callCounts();
      expect(counts['POST /2.0/users']).toBe(identities);
      expect(await usersPerIdentity(box)).toEqual(people.map(() => 1));
    } finally {
      await backend.close();
      await box.close();
    }
  });

  it('two replicas racing on the same identities still create one user each (409 → look up again)', async () => {
    const box = await startBoxPeer();
    const env = backendEnv(idp.issuer, idp.desktopClientId, box, { LOG_LEVEL: 'warn' });
    const replicas: RunningBackend[] = [await startBackend(env), await startBackend(env)];
    try {
      // Slow lookups make both replicas miss and both try to create: Box must answer one with 409.
      await box.emulator.controls.addFault({ route: 'GET /2.0/users', latencyMs: 200 });
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => requestToken(replicas[i % 2]!, idTokens[Math.floor(i / 2) % identities])),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      expect(await usersPerIdentity(box)).toEqual(people.map(() => 1));
      const counts = await box.emulator.controls.callCounts();
      // At least one create lost the race and was answered 409 (how many depends on timing).
      expect(counts['POST /2.0/users']).toBeGreaterThan(identities);
      const created = await Promise.all(
        replicas.map(async (r) => (await r.metrics.usersCreated.get()).values.reduce((sum, v) => sum + v.value, 0)),
      );
      expect(created[0]! + created[1]!).toBe(identities);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
      await box.close();
    }
  });
});
