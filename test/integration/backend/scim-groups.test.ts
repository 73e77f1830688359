import type { BoxClient } from 'box-node-sdk';
import { assertScim } from '../../support/scim-schemas.ts';
import { serviceClient, type BoxPeer, type RunningBackend } from './support/backend-harness.ts';
import { startKeyedIssuer, type KeyedIssuer } from './support/keyed-issuer.ts';
import { startScimPeers, type ScimPeers } from './support/scim-peers.ts';
import { oktaUser, scim } from './support/scim-client.ts';

const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patchOp = (Operations: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });

describe('SCIM Groups as Box groups, with members, as Okta and Entra ID send them', () => {
  let issuer: KeyedIssuer;
  let box: BoxPeer;
  let backend: RunningBackend;
  let peers: ScimPeers<KeyedIssuer>;
  let admin: BoxClient;
  let ann: string;
  let ben: string;

  beforeAll(async () => {
    issuer = await startKeyedIssuer();
    ({ box, backend } = peers = await startScimPeers(issuer, 'box-sso-desktop'));
    admin = await serviceClient(box.emulator);
    ann = (await scim(backend.url, 'POST', '/Users', oktaUser('ann@example.com', 'ann'))).body!['id'] as string;
    ben = (await scim(backend.url, 'POST', '/Users', oktaUser('ben@example.com', 'ben'))).body!['id'] as string;
  });
  afterAll(() => peers.close());

  const boxMembers = async (groupId: string) =>
    ((await admin.memberships.getGroupMemberships(groupId)).entries ?? []).map((entry) => entry.user?.id).sort();

  it('Okta: creates a group, adds and removes members, renames it, finds it by displayName, deletes it', async () => {
    const created = await scim(backend.url, 'POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'Finance',
      members: [],
    });
    expect(created.status).toBe(201);
    assertScim('Group', created.body);
    const id = created.body!['id'] as string;
    expect(created.headers.get('location')).toBe(`/scim/v2/Groups/${id}`);
    expect((await admin.groups.getGroupById(id)).name).toBe('Finance');

    const added = await scim(
      backend.url,
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'add', path: 'members', value: [{ value: ann, display: 'ann@example.com' }, { value: ben }] }]),
    );
    expect(added.status).toBe(200);
    assertScim('Group', added.body);
    expect(await boxMembers(id)).toEqual([ann, ben].sort());

    await scim(backend.url, 'PATCH', `/Groups/${id}`, patchOp([{ op: 'remove', path: `members[value eq "${ben}"]` }]));
    expect(await boxMembers(id)).toEqual([ann]);

    await scim(
      backend.url,
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'replace', value: { id, displayName: 'Finance EMEA' } }]),
    );
    expect((await admin.groups.getGroupById(id)).name).toBe('Finance EMEA');

    const found = await scim(
      backend.url,
      'GET',
      `/Groups?filter=${encodeURIComponent('displayName eq "Finance EMEA"')}`,
    );
    assertScim('ListResponse', found.body, 'Group');
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, members: [{ value: ann }] }] });

    expect((await scim(backend.url, 'DELETE', `/Groups/${id}`)).status).toBe(204);
    await expect(admin.groups.getGroupById(id)).rejects.toMatchObject({ responseInfo: { statusCode: 404 } });
    expect((await scim(backend.url, 'DELETE', `/Groups/${id}`)).status).toBe(404);
  });

  it('Entra ID: Add and Remove members with a value list, excludedAttributes=members', async () => {
    const created = await scim(backend.url, 'POST', '/Groups', {
      schemas: [groupSchema],
      externalId: '0d5c8a3e-entra-group',
      displayName: 'Sales',
    });
    const id = created.body!['id'] as string;
    await scim(
      backend.url,
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'Add', path: 'members', value: [{ value: ann }, { value: ben }] }]),
    );
    expect(await boxMembers(id)).toEqual([ann, ben].sort());
    await scim(
      backend.url,
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'Remove', path: 'members', value: [{ value: ann }] }]),
    );
    expect(await boxMembers(id)).toEqual([ben]);
    const lean = await scim(backend.url, 'GET', `/Groups/${id}?excludedAttributes=members`);
    assertScim('Group', lean.body);
    expect(lean.body).toMatchObject({ displayName: 'Sales', externalId: '0d5c8a3e-entra-group' });
    expect(lean.body!['members']).toBeUndefined();
  });

  it('refuses members SCIM did not provision and groups SCIM did not make, changing nothing at Box', async () => {
    const theirs = await admin.groups.createGroup({ name: 'Made in the Admin Console' });
    const created = await scim(backend.url, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Legal' });
    const id = created.body!['id'] as string;
    const before = await box.emulator.controls.callCounts();
    const stranger = await scim(
      backend.url,
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'add', path: 'members', value: [{ value: box.emulator.serviceAccountId }] }]),
    );
    expect(stranger.status).toBe(400);
    assertScim('Error', stranger.body);
    expect(stranger.body).toMatchObject({ scimType: 'invalidValue' });
    expect((await scim(backend.url, 'GET', `/Groups/${theirs.id}`)).status).toBe(404);
    expect((await scim(backend.url, 'DELETE', `/Groups/${theirs.id}`)).status).toBe(404);
    const writes = (counts: Record<string, number>) =>
      Object.entries(counts).filter(([route]) => !route.startsWith('GET '));
    expect(writes(await box.emulator.controls.callCounts())).toEqual(writes(before));
    const duplicate = await scim(backend.url, 'POST', '/Groups', { schemas: [groupSchema], displayName: 'Legal' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ scimType: 'uniqueness' });
  });
});
