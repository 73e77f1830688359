import type { BoxClient } from 'box-node-sdk';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { assertScim } from '../../support/scim-schemas.ts';
import { signInAs } from '../../support/sign-in-as.ts';
import {
  requestToken,
  serviceClient,
  type BoxPeer,
  type RunningBackend,
  type TokenResponse,
} from './support/backend-harness.ts';
import { startKeyedIssuer, type KeyedIssuer } from './support/keyed-issuer.ts';
import { startScimPeers, type ScimPeers } from './support/scim-peers.ts';
import { oktaUser, scim } from './support/scim-client.ts';

const transferRoute = 'PUT /2.0/users/{user_id}/folders/0';
const deleteRoute = 'DELETE /2.0/users/{user_id}';

describe('SCIM deprovisioning: transfer, then delete', () => {
  let idp: SandboxIdp;
  let box: BoxPeer;
  let backend: RunningBackend;
  let peers: ScimPeers<SandboxIdp>;
  let admin: BoxClient;

  beforeAll(async () => {
    idp = await startSandboxIdp();
    ({ box, backend } = peers = await startScimPeers(idp, idp.desktopClientId));
    admin = await serviceClient(box.emulator);
  });
  afterAll(() => peers.close());

  async function signedInUserWithContent(username: string, externalId: string, login: string, name: [string, string]) {
    const signIn = await requestToken(backend, (await signInAs(idp, username)).idToken);
    const boxUser = ((await signIn.json()) as TokenResponse).box_user;
    await box.emulator.controls.createFile({ ownerId: boxUser.id, name: 'report.txt', text: 'quarterly numbers' });
    const created = await scim(backend.url, 'POST', '/Users', oktaUser(login, externalId, ...name));
    // Signed in before SCIM knew them: adopted, not created twice.
    expect(created.status).toBe(201);
    expect(created.body!['id']).toBe(boxUser.id);
    return boxUser;
  }

  it('moves the content to the service account, deletes the user, refuses their tokens; a repeated DELETE transfers nothing', async () => {
    const alice = await signedInUserWithContent('alice', 'sandbox-user-alice', 'alice@example.com', [
      'Alice',
      'Example',
    ]);
    expect((await admin.users.getUsers({ externalAppUserId: 'sandbox-user-alice' })).entries).toHaveLength(1);

    const deleted = await scim(backend.url, 'DELETE', `/Users/${alice.id}`);
    expect(deleted.status).toBe(204);
    await expect(admin.users.getUserById(alice.id)).rejects.toMatchObject({ responseInfo: { statusCode: 404 } });
    const root = await admin.folders.getFolderItems('0');
    const kept = root.entries?.find((item) => item.name?.endsWith("Alice Example's Files and Folders"));
    expect(kept).toBeDefined();
    const keptItems = await admin.folders.getFolderItems(kept!.id);
    expect(keptItems.entries?.map((item) => item.name)).toContain('report.txt');

    const refused = await requestToken(backend, (await signInAs(idp, 'alice')).idToken);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'account_disabled' });
    // A deleted identity's still-valid ID token does not create a new Box user.
    expect((await admin.users.getUsers({ externalAppUserId: 'sandbox-user-alice' })).entries).toEqual([]);

    const counts = await box.emulator.controls.callCounts();
    const again = await scim(backend.url, 'DELETE', `/Users/${alice.id}`);
    expect(again.status).toBe(404);
    assertScim('Error', again.body);
    expect((await box.emulator.controls.callCounts())[transferRoute]).toBe(counts[transferRoute]);
  });

  it('a failed transfer leaves the user inactive with their content, never deleted; a retry transfers once', async () => {
    const bob = await signedInUserWithContent('bob', 'sandbox-user-bob', 'bob@example.com', ['Bob', 'Example']);
    await box.emulator.controls.addFault({ route: transferRoute, status: 500, times: 10 });
    try {
      const failed = await scim(backend.url, 'DELETE', `/Users/${bob.id}`);
      expect(failed.status).toBeGreaterThanOrEqual(500);
      assertScim('Error', failed.body);
      expect(failed.body!['detail']).toMatch(/the user is inactive and was not deleted/);
    } finally {
      await box.emulator.controls.clearFaults();
    }
    const stillThere = await admin.users.getUserById(bob.id, { queryParams: { fields: ['status'] } });
    expect(String(stillThere.status)).toBe('inactive');
    expect((await box.emulator.controls.callCounts())[deleteRoute] ?? 0).toBe(1); // alice's only
    // The content stayed with bob: nothing arrived in the service account's root.
    const root = await admin.folders.getFolderItems('0');
    expect(root.entries?.some((item) => item.name?.endsWith("Bob Example's Files and Folders"))).toBe(false);
    const scimView = await scim(backend.url, 'GET', `/Users/${bob.id}`);
    expect(scimView.body).toMatchObject({ active: false });
    expect((await requestToken(backend, (await signInAs(idp, 'bob')).idToken)).status).toBe(403);

    const transfersBefore = (await box.emulator.controls.callCounts())[transferRoute] ?? 0;
    expect((await scim(backend.url, 'DELETE', `/Users/${bob.id}`)).status).toBe(204);
    expect((await box.emulator.controls.callCounts())[transferRoute]).toBe(transfersBefore + 1);
    await expect(admin.users.getUserById(bob.id)).rejects.toMatchObject({ responseInfo: { statusCode: 404 } });
  });

  it('a DELETE whose Box delete fails after the transfer does not transfer again when repeated', async () => {
    const created = await scim(backend.url, 'POST', '/Users', oktaUser('dave@example.com', 'dave-ext'));
    const id = created.body!['id'] as string;
    await box.emulator.controls.addFault({ route: deleteRoute, status: 500, times: 10 });
    try {
      expect((await scim(backend.url, 'DELETE', `/Users/${id}`)).status).toBeGreaterThanOrEqual(500);
    } finally {
      await box.emulator.controls.clearFaults();
    }
    const transfers = (await box.emulator.controls.callCounts())[transferRoute] ?? 0;
    expect((await scim(backend.url, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await box.emulator.controls.callCounts())[transferRoute]).toBe(transfers);
  });
});

describe('SCIM linked to Entra ID sign-ins by oid (OIDC_LINK_CLAIM=oid)', () => {
  let issuer: KeyedIssuer;
  let backend: RunningBackend;
  let peers: ScimPeers<KeyedIssuer>;

  beforeAll(async () => {
    issuer = await startKeyedIssuer();
    ({ backend } = peers = await startScimPeers(issuer, 'box-sso-desktop', { OIDC_LINK_CLAIM: 'oid' }));
  });
  afterAll(() => peers.close());

  it('finds the SCIM-created user at sign-in by oid although sub is pairwise', async () => {
    const oid = '7f3c9d2e-1b4a-4c8e-9f00-1a2b3c4d5e6f';
    const created = await scim(backend.url, 'POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: oid,
      userName: 'erin@contoso.example',
      active: true,
      displayName: 'Erin Contoso',
    });
    expect(created.status).toBe(201);
    const token = await issuer.sign({ sub: 'pairwise-AbC123xyz', oid });
    const signIn = await requestToken(backend, token);
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as TokenResponse).box_user.id).toBe(created.body!['id']);
    const withoutOid = await requestToken(backend, await issuer.sign({ sub: 'pairwise-AbC123xyz' }));
    expect(withoutOid.status).toBe(401);
  });
});
