import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { assertScim } from '../../support/scim-schemas.ts';
import { type BoxPeer, type RunningBackend } from './support/backend-harness.ts';
import { startScimPeers, type ScimPeers } from './support/scim-peers.ts';
import { oktaUser, scim, scimToken, type ScimAnswer } from './support/scim-client.ts';

/** Box calls that change something; none may happen for a refused request. */
function writes(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([route]) => !route.startsWith('GET ')));
}

describe('SCIM refuses hostile and malformed requests with RFC 7644 errors, changing nothing at Box', () => {
  let idp: SandboxIdp;
  let box: BoxPeer;
  let backend: RunningBackend;
  let peers: ScimPeers<SandboxIdp>;
  let aliceId: string;

  beforeAll(async () => {
    idp = await startSandboxIdp();
    ({ box, backend } = peers = await startScimPeers(idp, idp.desktopClientId));
    aliceId = (await scim(backend.url, 'POST', '/Users', oktaUser('alice@example.com', 'sandbox-user-alice'))).body![
      'id'
    ] as string;
  });
  afterAll(() => peers.close());

  function expectError(answer: ScimAnswer, status: number, scimType?: string): void {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    assertScim('Error', answer.body);
    expect(answer.body!['status']).toBe(String(status));
    if (scimType) expect(answer.body!['scimType']).toBe(scimType);
  }

  it('refuses every request without the right bearer secret', async () => {
    const before = await box.emulator.controls.callCounts();
    for (const token of ['wrong', `${scimToken}x`, scimToken.slice(0, -1), '']) {
      const answer = await scim(backend.url, 'POST', '/Users', oktaUser('mallory@example.com', 'm'), { token });
      expectError(answer, 401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="SCIM"');
    }
    const noHeader = await fetch(`${backend.url}/scim/v2/Users`);
    expect(noHeader.status).toBe(401);
    expectError(await scim(backend.url, 'GET', '/ServiceProviderConfig', undefined, { token: 'nope' }), 401);
    expect(await box.emulator.controls.callCounts()).toEqual(before);
  });

  it('refuses bad filters, unknown attributes, wrong types, huge bodies, wrong content types and bad JSON', async () => {
    const before = writes(await box.emulator.controls.callCounts());
    expectError(
      await scim(backend.url, 'GET', `/Users?filter=${encodeURIComponent('userName eq')}`),
      400,
      'invalidFilter',
    );
    expectError(await scim(backend.url, 'GET', `/Users?filter=${encodeURIComponent('(((')}`), 400, 'invalidFilter');
    expectError(await scim(backend.url, 'GET', '/Users?startIndex=-1'), 400, 'invalidValue');
    expectError(await scim(backend.url, 'GET', '/Users?count=lots'), 400, 'invalidValue');
    expectError(
      await scim(backend.url, 'POST', '/Users', { ...oktaUser('eve@example.com', 'eve'), favouriteColour: 'red' }),
      400,
    );
    expectError(
      await scim(backend.url, 'POST', '/Users', { ...oktaUser('eve@example.com', 'eve'), active: 'yes' }),
      400,
    );
    expectError(await scim(backend.url, 'POST', '/Users', { schemas: oktaUser('x', 'y')['schemas'] }), 400);
    expectError(
      await scim(backend.url, 'POST', '/Users', { ...oktaUser('eve@example.com', 'eve'), externalId: undefined }),
      400,
      'invalidValue',
    );
    const huge = { ...oktaUser('eve@example.com', 'eve'), displayName: 'x'.repeat(1024 * 1024) };
    expectError(await scim(backend.url, 'POST', '/Users', huge), 413);
    expectError(
      await scim(backend.url, 'POST', '/Users', undefined, { rawBody: 'userName=eve', contentType: 'text/plain' }),
      415,
    );
    expectError(
      await scim(backend.url, 'POST', '/Users', undefined, { rawBody: '{"userName": ' }),
      400,
      'invalidSyntax',
    );
    expectError(
      await scim(backend.url, 'PATCH', `/Users/${aliceId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'explode', path: 'active' }],
      }),
      400,
      'invalidSyntax',
    );
    expectError(
      await scim(backend.url, 'PATCH', `/Users/${aliceId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: 'maybe' }],
      }),
      400,
    );
    expectError(await scim(backend.url, 'PATCH', `/Users/${aliceId}`, { Operations: [] }), 400);
    expect(writes(await box.emulator.controls.callCounts())).toEqual(before);
    expect((await scim(backend.url, 'GET', `/Users/${aliceId}`)).body).toMatchObject({ active: true });
  });

  it('never reaches Box users SCIM did not provision (the service account, users of sign-in only)', async () => {
    const before = writes(await box.emulator.controls.callCounts());
    const serviceAccount = box.emulator.serviceAccountId;
    expectError(await scim(backend.url, 'GET', `/Users/${serviceAccount}`), 404);
    expectError(await scim(backend.url, 'DELETE', `/Users/${serviceAccount}`), 404);
    expectError(
      await scim(backend.url, 'PUT', `/Users/${serviceAccount}`, oktaUser('admin@example.com', 'admin')),
      404,
    );
    expectError(await scim(backend.url, 'DELETE', '/Users/does-not-exist'), 404);
    expectError(await scim(backend.url, 'GET', '/Nothing'), 404);
    // A second user may not take alice's userName, in any case.
    expectError(await scim(backend.url, 'POST', '/Users', oktaUser('ALICE@example.com', 'other')), 409, 'uniqueness');
    expect(writes(await box.emulator.controls.callCounts())).toEqual(before);
  });
});
