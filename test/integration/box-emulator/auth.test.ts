import { createPrivateKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { BoxClient } from 'box-node-sdk';
import {
  startConformanceHarness,
  ccgAuth,
  jwtAuth,
  tokenClient,
  type ConformanceHarness,
} from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let appKey: KeyObject;

beforeAll(async () => {
  h = await startConformanceHarness();
  const { privateKey, passphrase } = h.emulator.appConfig.boxAppSettings.appAuth;
  appKey = createPrivateKey({ key: privateKey, format: 'pem', passphrase });
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

interface AssertionInput {
  key?: KeyObject;
  iss?: string;
  aud?: string;
  sub?: string;
  subType?: string;
  expSeconds?: number;
  jti?: string;
  kid?: string;
}

function assertion(input: AssertionInput = {}): Promise<string> {
  const settings = h.emulator.appConfig.boxAppSettings;
  return new SignJWT({ box_sub_type: input.subType ?? 'enterprise' })
    .setProtectedHeader({ alg: 'RS256', kid: input.kid ?? settings.appAuth.publicKeyID })
    .setIssuer(input.iss ?? settings.clientID)
    .setAudience(input.aud ?? 'https://api.box.com/oauth2/token')
    .setSubject(input.sub ?? h.emulator.appConfig.enterpriseID)
    .setJti(input.jti ?? randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + (input.expSeconds ?? 30))
    .sign(input.key ?? appKey);
}

async function postToken(fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${h.emulator.origin}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function jwtGrant(signed: string, clientId?: string): Record<string, string> {
  const settings = h.emulator.appConfig.boxAppSettings;
  return {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: signed,
    client_id: clientId ?? settings.clientID,
    client_secret: settings.clientSecret,
  };
}

describe('app config', () => {
  it('has the Box developer console shape with an encrypted PKCS#8 key', () => {
    const config = h.emulator.appConfig;
    expect(config.enterpriseID).toMatch(/^\d+$/);
    expect(config.boxAppSettings.clientID).toMatch(/^[a-z0-9]{32}$/);
    expect(config.boxAppSettings.appAuth.privateKey).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(() => createPrivateKey({ key: config.boxAppSettings.appAuth.privateKey, format: 'pem' })).toThrow();
  });
});

describe('box-node-sdk authentication', () => {
  it('gets an enterprise token with JWT and acts as the service account', async () => {
    const me = await h.admin.users.getUserMe();
    expect(me.id).toBe(h.emulator.serviceAccountId);
  });

  it('gets a user token with the JWT user subject and with CCG', async () => {
    const user = await h.admin.users.createUser({ name: 'Ada', isPlatformAccessOnly: true });
    expect((await h.asUser(user.id).users.getUserMe()).id).toBe(user.id);
    const ccgUser = new BoxClient({ auth: ccgAuth(h.emulator, user.id), networkSession: h.session });
    expect((await ccgUser.users.getUserMe()).id).toBe(user.id);
    const ccgEnterprise = new BoxClient({ auth: ccgAuth(h.emulator), networkSession: h.session });
    expect((await ccgEnterprise.users.getUserMe()).id).toBe(h.emulator.serviceAccountId);
  });

  it('downscopes through the custom base URLs; the token gets no refresh token and only its scopes', async () => {
    const user = await h.admin.users.createUser({ name: 'Grace', isPlatformAccessOnly: true });
    const auth = jwtAuth(h.emulator).withUserSubject(user.id);
    const scoped = await auth.downscopeToken(['base_explorer', 'item_download'], undefined, undefined, h.session);
    expect(scoped.accessToken).toBeTruthy();
    expect(scoped.refreshToken).toBeUndefined();
    expect(scoped.issuedTokenType).toBe('urn:ietf:params:oauth:token-type:access_token');
    const client = tokenClient(h.emulator, scoped.accessToken ?? '');
    expect((await client.folders.getFolderItems('0')).totalCount).toBe(0);
    await expect(client.folders.createFolder({ name: 'x', parent: { id: '0' } })).rejects.toMatchObject({
      // box-node-sdk 10 keeps `code` JSON-encoded (with quotes).
      responseInfo: { statusCode: 403, code: expect.stringContaining('insufficient_scope') as unknown },
    });
    await expect(client.users.getUsers()).rejects.toMatchObject({ responseInfo: { statusCode: 403 } });
  });

  it('limits a token downscoped to a resource to that folder', async () => {
    const user = await h.admin.users.createUser({ name: 'Linus', isPlatformAccessOnly: true });
    const userClient = h.asUser(user.id);
    const inside = await userClient.folders.createFolder({ name: 'inside', parent: { id: '0' } });
    const outside = await userClient.folders.createFolder({ name: 'outside', parent: { id: '0' } });
    const auth = jwtAuth(h.emulator).withUserSubject(user.id);
    const scoped = await auth.downscopeToken(
      ['root_readwrite'],
      `https://api.box.com/2.0/folders/${inside.id}`,
      undefined,
      h.session,
    );
    const client = tokenClient(h.emulator, scoped.accessToken ?? '');
    expect((await client.folders.getFolderById(inside.id)).name).toBe('inside');
    await expect(client.folders.getFolderById(outside.id)).rejects.toMatchObject({ responseInfo: { statusCode: 403 } });
  });
});

describe('token endpoint rejections (OAuth2Error)', () => {
  it('rejects an assertion signed by another key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { status, body } = await postToken(jwtGrant(await assertion({ key: privateKey })));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant' });
    expect(String(body.error_description)).toMatch(/signature/i);
  });

  it('rejects a replayed jti', async () => {
    const signed = await assertion({ jti: randomUUID() });
    expect((await postToken(jwtGrant(signed))).status).toBe(200);
    const replay = await postToken(jwtGrant(signed));
    expect(replay.status).toBe(400);
    expect(String(replay.body.error_description)).toMatch(/jti/);
  });

  it('rejects an expired assertion and one expiring too far ahead', async () => {
    const expired = await postToken(jwtGrant(await assertion({ expSeconds: -120 })));
    expect(expired).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(String(expired.body.error_description)).toMatch(/exp/);
    const tooLong = await postToken(jwtGrant(await assertion({ expSeconds: 300 })));
    expect(tooLong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('rejects the wrong audience, an unknown kid, and a user that does not exist', async () => {
    expect((await postToken(jwtGrant(await assertion({ aud: 'https://example.com/token' })))).status).toBe(400);
    expect((await postToken(jwtGrant(await assertion({ kid: 'nope' })))).status).toBe(400);
    expect((await postToken(jwtGrant(await assertion({ subType: 'user', sub: '999' })))).status).toBe(400);
  });

  it('rejects an unknown client and a wrong client secret', async () => {
    const unknown = await postToken(jwtGrant(await assertion(), 'not-a-client'));
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
    const settings = h.emulator.appConfig.boxAppSettings;
    const wrongSecret = await postToken({
      grant_type: 'client_credentials',
      client_id: settings.clientID,
      client_secret: 'wrong',
      box_subject_type: 'enterprise',
      box_subject_id: h.emulator.appConfig.enterpriseID,
    });
    expect(wrongSecret).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
  });

  it('refuses to widen a downscoped token and rejects unknown scopes', async () => {
    const { access_token } = await h.emulator.controls.issueToken({ scopes: ['base_explorer'] });
    const exchange = (scope: string) =>
      postToken({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: access_token,
        subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        scope,
      });
    const widened = await exchange('base_explorer item_upload');
    expect(widened).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(String(widened.body.error_description)).toMatch(/item_upload/);
    expect((await exchange('manage_everything')).body).toMatchObject({ error: 'invalid_scope' });
    expect((await exchange('base_explorer')).status).toBe(200);
  });
});

describe('token lifetime', () => {
  it('expires tokens after the configured TTL (401 with a challenge, no body)', async () => {
    const { access_token } = await h.emulator.controls.issueToken({ ttlSeconds: 0.2 });
    const call = () =>
      fetch(`${h.emulator.origin}/2.0/users/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect((await call()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });

  it('answers expires_in from the tokenTtlSeconds option', async () => {
    const { status, body } = await postToken(jwtGrant(await assertion()));
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(body.refresh_token).toBeUndefined();
  });
});
