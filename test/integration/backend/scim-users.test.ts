import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoxClient } from 'box-node-sdk';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { assertScim } from '../../support/scim-schemas.ts';
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
import { entraSetActive, oktaDeactivate, oktaUser, scim, scimToken } from './support/scim-client.ts';

const listOf = (filter: string) => `/Users?filter=${encodeURIComponent(filter)}&startIndex=1&count=100`;

describe('SCIM Users as Okta sends them, against the sandbox IdP and the Box emulator', () => {
  let dir: string;
  let idp: SandboxIdp;
  let box: BoxPeer;
  let backend: RunningBackend;
  let admin: BoxClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scim-'));
    idp = await startSandboxIdp();
    box = await startBoxPeer();
    env = backendEnv(idp.issuer, idp.desktopClientId, box, {
      SCIM_BEARER_TOKEN: scimToken,
      SCIM_STATE_FILE: join(dir, 'scim-users.json'),
    });
    backend = await startBackend(env);
    admin = await serviceClient(box.emulator);
  });
  afterAll(async () => {
    await backend.close();
    await box.close();
    await idp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim(backend.url, 'GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    const types = await scim(backend.url, 'GET', '/ResourceTypes');
    assertScim('ListResponse', types.body);
    expect((types.body!['Resources'] as { id: string }[]).map((type) => type.id)).toContain('User');
    const schemas = await scim(backend.url, 'GET', '/Schemas');
    expect((schemas.body!['Resources'] as { id: string }[]).map((schema) => schema.id)).toContain(
      'urn:ietf:params:scim:schemas:core:2.0:User',
    );
    const userSchema = await scim(backend.url, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
    expect(userSchema.status).toBe(200);
  });

  it('creates a user before their first sign-in; the sign-in finds it instead of creating another', async () => {
    // Okta first asks whether the user exists, then creates it.
    const lookup = await scim(backend.url, 'GET', listOf('userName eq "alice@example.com"'));
    assertScim('ListResponse', lookup.body, 'User');
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim(
      backend.url,
      'POST',
      '/Users',
      oktaUser('alice@example.com', 'sandbox-user-alice', 'Alice', 'Example'),
    );
    expect(created.status).toBe(201);
    assertScim('User', created.body);
    const id = created.body!['id'] as string;
    expect(created.headers.get('location')).toBe(`/scim/v2/Users/${id}`);
    expect(created.body).toMatchObject({
      userName: 'alice@example.com',
      externalId: 'sandbox-user-alice',
      active: true,
      emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
    });
    const boxUser = await admin.users.getUserById(id, { queryParams: { fields: ['name', 'external_app_user_id'] } });
    expect(boxUser).toMatchObject({ name: 'Alice Example', externalAppUserId: 'sandbox-user-alice' });

    const signIn = await requestToken(backend, (await signInAs(idp, 'alice')).idToken);
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as TokenResponse).box_user.id).toBe(id);
    expect((await admin.users.getUsers({ externalAppUserId: 'sandbox-user-alice' })).entries).toHaveLength(1);

    const found = await scim(backend.url, 'GET', listOf('userName eq "ALICE@example.com"'));
    assertScim('ListResponse', found.body, 'User');
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, userName: 'alice@example.com' }] });
    const byExternalId = await scim(
      backend.url,
      'GET',
      listOf('externalId eq "sandbox-user-alice" and userName eq "alice@example.com"'),
    );
    expect(byExternalId.body).toMatchObject({ totalResults: 1 });
    const one = await scim(backend.url, 'GET', `/Users/${id}`);
    assertScim('User', one.body);
    expect(one.body).toMatchObject({ id, active: true });
  });

  it('deactivates (PATCH replace {active:false}) and reactivates: the token path refuses and restores', async () => {
    const id = await userIdOf('alice@example.com');
    const deactivated = await scim(backend.url, 'PATCH', `/Users/${id}`, oktaDeactivate);
    expect(deactivated.status).toBe(200);
    assertScim('User', deactivated.body);
    expect(deactivated.body).toMatchObject({ active: false });
    expect(String((await admin.users.getUserById(id, { queryParams: { fields: ['status'] } })).status)).toBe(
      'inactive',
    );

    const refused = await requestToken(backend, (await signInAs(idp, 'alice')).idToken);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'account_disabled' });
    const metrics = await (await fetch(`${backend.url}/metrics`)).text();
    expect(metrics).toMatch(/box_token_requests_total\{outcome="account_disabled"\} 1/);

    // Repeated (IdPs retry): the same answer, no second Box write.
    const before = (await box.emulator.controls.callCounts())['PUT /2.0/users/{user_id}'] ?? 0;
    expect((await scim(backend.url, 'PATCH', `/Users/${id}`, oktaDeactivate)).status).toBe(200);
    expect((await box.emulator.controls.callCounts())['PUT /2.0/users/{user_id}'] ?? 0).toBe(before);

    const reactivate = { ...oktaDeactivate, Operations: [{ op: 'replace', value: { active: true } }] };
    expect((await scim(backend.url, 'PATCH', `/Users/${id}`, reactivate)).body).toMatchObject({ active: true });
    expect((await requestToken(backend, (await signInAs(idp, 'alice')).idToken)).status).toBe(200);
  });

  it('replaces the profile with PUT (Okta profile push) and renames the Box user', async () => {
    const id = await userIdOf('alice@example.com');
    const replacement = { ...oktaUser('alice@example.com', 'sandbox-user-alice'), displayName: 'Alice Renamed' };
    const replaced = await scim(backend.url, 'PUT', `/Users/${id}`, { id, ...replacement });
    expect(replaced.status).toBe(200);
    assertScim('User', replaced.body);
    expect((await admin.users.getUserById(id, { queryParams: { fields: ['name'] } })).name).toBe('Alice Renamed');
  });

  it('Entra ID: Replace with path "active" and the string "False", multi-valued emails, then "True"', async () => {
    const entraUser = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: 'sandbox-user-bob',
      userName: 'bob@example.com',
      active: true,
      displayName: 'Bob Example',
      emails: [{ primary: true, type: 'work', value: 'bob@example.com' }],
      name: { formatted: 'Bob Example', familyName: 'Example', givenName: 'Bob' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Finance', employeeNumber: '1042' },
    };
    expect((await scim(backend.url, 'GET', '/Users?filter=userName+eq+%22bob%40example.com%22')).body).toMatchObject({
      totalResults: 0,
    });
    const created = await scim(backend.url, 'POST', '/Users', entraUser);
    expect(created.status).toBe(201);
    const id = created.body!['id'] as string;
    const update = await scim(backend.url, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Robert Example' },
        { op: 'Add', path: 'emails[type eq "home"].value', value: 'bob@home.example' },
        { op: 'Replace', path: 'name.givenName', value: 'Robert' },
      ],
    });
    expect(update.status).toBe(200);
    assertScim('User', update.body);
    expect(update.body).toMatchObject({
      displayName: 'Robert Example',
      name: { givenName: 'Robert' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Finance' },
    });
    expect(update.body!['emails']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'bob@example.com', type: 'work' }),
        expect.objectContaining({ value: 'bob@home.example', type: 'home' }),
      ]),
    );
    const off = await scim(backend.url, 'PATCH', `/Users/${id}`, entraSetActive(false));
    expect(off.body).toMatchObject({ active: false });
    expect((await requestToken(backend, (await signInAs(idp, 'bob')).idToken)).status).toBe(403);
    const on = await scim(backend.url, 'PATCH', `/Users/${id}`, entraSetActive(true));
    expect(on.body).toMatchObject({ active: true });
    expect((await requestToken(backend, (await signInAs(idp, 'bob')).idToken)).status).toBe(200);
  });

  it('keeps userName and emails across a restart (SCIM_STATE_FILE), so the IdP finds rather than duplicates', async () => {
    const restarted = await startBackend(env);
    try {
      const found = await scim(restarted.url, 'GET', listOf('userName eq "bob@example.com"'));
      expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ userName: 'bob@example.com' }] });
    } finally {
      await restarted.close();
    }
  });

  it('pages with startIndex and count', async () => {
    const all = await scim(backend.url, 'GET', '/Users?startIndex=1&count=1');
    assertScim('ListResponse', all.body, 'User');
    expect(all.body).toMatchObject({ totalResults: 2, itemsPerPage: 1, startIndex: 1 });
    expect(all.body!['Resources']).toHaveLength(1);
    const second = await scim(backend.url, 'GET', '/Users?startIndex=2&count=1');
    expect((second.body!['Resources'] as { id: string }[])[0]!.id).not.toBe(
      (all.body!['Resources'] as { id: string }[])[0]!.id,
    );
  });

  async function userIdOf(userName: string): Promise<string> {
    const found = await scim(backend.url, 'GET', listOf(`userName eq "${userName}"`));
    return (found.body!['Resources'] as { id: string }[])[0]!.id;
  }
});
