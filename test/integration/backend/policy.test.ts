import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { signInAs } from '../../support/sign-in-as.ts';
import {
  backendEnv,
  requestToken,
  serviceClient,
  startBackend,
  startBoxPeer,
  type BoxPeer,
  type TokenResponse,
} from './support/backend-harness.ts';
import { keyedAudience, startKeyedIssuer, type KeyedIssuer } from './support/keyed-issuer.ts';

describe('managed-user mode (BOX_USER_TYPE=managed)', () => {
  let idp: SandboxIdp;
  let issuer: KeyedIssuer;
  let box: BoxPeer;

  beforeAll(async () => {
    idp = await startSandboxIdp();
    issuer = await startKeyedIssuer();
    box = await startBoxPeer();
  });
  afterAll(async () => {
    await box.close();
    await issuer.close();
    await idp.close();
  });

  it('creates a managed user with the verified email as login, then reuses it', async () => {
    const backend = await startBackend(backendEnv(idp.issuer, idp.desktopClientId, box, { BOX_USER_TYPE: 'managed' }));
    try {
      const first = await requestToken(backend, (await signInAs(idp, 'alice')).idToken);
      expect(first.status).toBe(200);
      const user = ((await first.json()) as TokenResponse).box_user;
      expect(user).toMatchObject({ login: 'alice@example.com', name: 'Alice Example' });
      const second = await requestToken(backend, (await signInAs(idp, 'alice')).idToken);
      expect(((await second.json()) as TokenResponse).box_user.id).toBe(user.id);
      const admin = await serviceClient(box.emulator);
      const found = await admin.users.getUsers({ filterTerm: 'alice@example.com', userType: 'managed' });
      expect(found.entries?.map((u) => u.id)).toEqual([user.id]);
      expect((await box.emulator.controls.callCounts())['POST /2.0/users']).toBe(1);
    } finally {
      await backend.close();
    }
  });

  it('finds a managed user that already exists instead of creating one', async () => {
    const existing = await box.emulator.controls.createUser({ name: 'Bob From HR', login: 'bob@example.com' });
    const before = (await box.emulator.controls.callCounts())['POST /2.0/users'] ?? 0;
    const backend = await startBackend(backendEnv(idp.issuer, idp.desktopClientId, box, { BOX_USER_TYPE: 'managed' }));
    try {
      const response = await requestToken(backend, (await signInAs(idp, 'bob')).idToken);
      expect(((await response.json()) as TokenResponse).box_user.id).toBe(existing.id);
      expect((await box.emulator.controls.callCounts())['POST /2.0/users'] ?? 0).toBe(before);
    } finally {
      await backend.close();
    }
  });

  it('refuses a token without a verified email (403)', async () => {
    const backend = await startBackend(backendEnv(issuer.issuer, keyedAudience, box, { BOX_USER_TYPE: 'managed' }));
    try {
      for (const claims of [{ email_verified: false }, { email: undefined, email_verified: undefined }]) {
        const response = await requestToken(backend, await issuer.sign({ sub: 'unverified', ...claims }));
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'access_denied' });
      }
    } finally {
      await backend.close();
    }
  });
});

describe('app user names and rate limits', () => {
  let issuer: KeyedIssuer;
  let box: BoxPeer;
  beforeAll(async () => {
    issuer = await startKeyedIssuer();
    box = await startBoxPeer();
  });
  afterAll(async () => {
    await box.close();
    await issuer.close();
  });

  it('names the app user from name, else email, else sub, within 50 characters', async () => {
    const backend = await startBackend(backendEnv(issuer.issuer, keyedAudience, box));
    try {
      const nameOf = async (claims: Record<string, unknown>) =>
        ((await (await requestToken(backend, await issuer.sign(claims))).json()) as TokenResponse).box_user.name;
      expect(await nameOf({ sub: 'n1', name: 'Zoë Ångström' })).toBe('Zoë Ångström');
      expect(await nameOf({ sub: 'n2', name: undefined, email: 'only@example.com' })).toBe('only@example.com');
      expect(await nameOf({ sub: 'n3', name: undefined, email: undefined })).toBe('n3');
      expect(await nameOf({ sub: 'n4', name: 'x'.repeat(80) })).toBe('x'.repeat(50));
    } finally {
      await backend.close();
    }
  });

  it('links by issuer and subject when BOX_EXTERNAL_ID=issuer-sub (several IdPs)', async () => {
    const backend = await startBackend(
      backendEnv(issuer.issuer, keyedAudience, box, { BOX_EXTERNAL_ID: 'issuer-sub' }),
    );
    try {
      const response = await requestToken(backend, await issuer.sign({ sub: 'multi-idp-user' }));
      const user = ((await response.json()) as TokenResponse).box_user;
      const admin = await serviceClient(box.emulator);
      const linked = await admin.users.getUsers({ externalAppUserId: `${issuer.issuer}#multi-idp-user` });
      expect(linked.entries?.map((u) => u.id)).toEqual([user.id]);
      expect((await admin.users.getUsers({ externalAppUserId: 'multi-idp-user' })).entries).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('limits requests per identity and in total, with Retry-After', async () => {
    const backend = await startBackend(backendEnv(issuer.issuer, keyedAudience, box, { RATE_LIMIT_PER_IDENTITY: '2' }));
    try {
      const token = await issuer.sign({ sub: 'busy' });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await requestToken(backend, token)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await requestToken(backend, token);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another identity is not affected by the first one's limit.
      expect((await requestToken(backend, await issuer.sign({ sub: 'calm' }))).status).toBe(200);
    } finally {
      await backend.close();
    }
  });

  it('limits the total before any signature check', async () => {
    const backend = await startBackend(backendEnv(issuer.issuer, keyedAudience, box, { RATE_LIMIT_GLOBAL: '5' }));
    try {
      const flood = await Promise.all(Array.from({ length: 20 }, () => requestToken(backend, 'a.b.c')));
      const limited = flood.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(10);
      expect(limited[0]!.headers.get('retry-after')).toBe('1');
      expect(flood.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(5);
    } finally {
      await backend.close();
    }
  });
});
