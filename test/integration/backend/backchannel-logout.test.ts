import { generateKeyPair } from 'jose';
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
import { startKeyedIssuer, type KeyedIssuer } from './support/keyed-issuer.ts';
import { logoutClaims, postLogout, signLogoutToken, unsignedToken } from './support/logout-tokens.ts';

function sidOf(idToken: string): string {
  const payload = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as { sid?: string };
  if (!payload.sid) throw new Error('the ID token carries no sid');
  return payload.sid;
}

describe('back-channel logout from the sandbox IdP (oidc-provider)', () => {
  let idp: SandboxIdp;
  let box: BoxPeer;
  let backend: RunningBackend;

  beforeAll(async () => {
    idp = await startSandboxIdp();
    box = await startBoxPeer();
    backend = await startBackend(backendEnv(idp.issuer, idp.desktopClientId, box));
    await idp.registerBackchannelLogout(`${backend.url}/v1/backchannel-logout`);
  });
  afterAll(async () => {
    await backend.close();
    await box.close();
    await idp.close();
  });

  it('ends the session the IdP logs out: its ID tokens get 401 "session ended", a new sign-in works', async () => {
    const session = await signInAs(idp, 'alice');
    expect((await requestToken(backend, session.idToken)).status).toBe(200);
    const other = await signInAs(idp, 'alice');
    expect(sidOf(other.idToken)).not.toBe(sidOf(session.idToken));

    await idp.sendBackchannelLogout('sandbox-user-alice', sidOf(session.idToken));

    const refused = await requestToken(backend, session.idToken);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await refused.json()).toEqual({ error: 'invalid_token', error_description: 'session ended' });
    // Only that session ended: alice's other session, and a new sign-in, still get tokens.
    expect((await requestToken(backend, other.idToken)).status).toBe(200);
    expect((await requestToken(backend, (await signInAs(idp, 'alice')).idToken)).status).toBe(200);
    const metrics = await (await fetch(`${backend.url}/metrics`)).text();
    expect(metrics).toMatch(/oidc_backchannel_logouts_total\{outcome="ended"\} 1/);
  });
});

describe('back-channel logout tokens the spec says to refuse (OIDC Back-Channel Logout 1.0 §2.6)', () => {
  let issuer: KeyedIssuer;
  let box: BoxPeer;
  let backend: RunningBackend;

  beforeAll(async () => {
    issuer = await startKeyedIssuer();
    box = await startBoxPeer();
    backend = await startBackend(backendEnv(issuer.issuer, 'box-sso-desktop', box));
  });
  afterAll(async () => {
    await backend.close();
    await box.close();
    await issuer.close();
  });

  async function expectRefused(response: Response, reason: RegExp): Promise<void> {
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(reason);
  }

  it('refuses hostile logout tokens and ends nothing', async () => {
    const sid = 'victim-session';
    const idToken = await issuer.sign({ sid, iat: Math.floor(Date.now() / 1000) - 30 });
    expect((await requestToken(backend, idToken)).status).toBe(200);
    const { privateKey: strangerKey } = await generateKeyPair('RS256');
    const claims = () => logoutClaims(issuer, { sid });
    const hostile: [string, Promise<string> | string, RegExp][] = [
      ['wrong aud', signLogoutToken(issuer, { ...claims(), aud: 'another-client' }), /aud/],
      ['wrong iss', signLogoutToken(issuer, { ...claims(), iss: 'https://evil.example' }), /iss/],
      ['a nonce', signLogoutToken(issuer, { ...claims(), nonce: 'n-0S6_WzA2Mj' }), /nonce/],
      ['no events', signLogoutToken(issuer, { ...claims(), events: undefined }), /events/],
      ['another event', signLogoutToken(issuer, { ...claims(), events: { 'urn:other': {} } }), /events/],
      ['alg none', unsignedToken(claims()), /algorithm|malformed|verification/],
      ['a stranger’s key', signLogoutToken(issuer, claims(), { key: strangerKey }), /signature/],
      ['an ID token (typ JWT)', signLogoutToken(issuer, claims(), { typ: 'JWT' }), /typ/],
      ['neither sid nor sub', signLogoutToken(issuer, { ...claims(), sid: undefined, sub: undefined }), /sid or a sub/],
      ['no jti', signLogoutToken(issuer, { ...claims(), jti: undefined }), /jti/],
      ['no iat', signLogoutToken(issuer, { ...claims(), iat: undefined }), /iat/],
      ['too old', signLogoutToken(issuer, { ...claims(), iat: Math.floor(Date.now() / 1000) - 3600 }), /iat|exp/],
    ];
    for (const [, token, reason] of hostile) await expectRefused(await postLogout(backend.url, await token), reason);
    await expectRefused(await postLogout(backend.url, undefined), /logout_token is required/);
    expect((await postLogout(backend.url, await signLogoutToken(issuer, claims()), 'application/json')).status).toBe(
      415,
    );

    // Nothing above ended the session.
    expect((await requestToken(backend, idToken)).status).toBe(200);
  });

  it('accepts a valid token once: the replayed jti is refused', async () => {
    const sid = 'replayed-session';
    const idToken = await issuer.sign({ sid, iat: Math.floor(Date.now() / 1000) - 30 });
    const logoutToken = await signLogoutToken(issuer, logoutClaims(issuer, { sid }));
    expect((await postLogout(backend.url, logoutToken)).status).toBe(200);
    await expectRefused(await postLogout(backend.url, logoutToken), /already used/);
    expect((await requestToken(backend, idToken)).status).toBe(401);
  });

  it('a logout by sub alone ends every session of the subject issued before it', async () => {
    const before = await issuer.sign({ sub: 'leaver', sid: 'a', iat: Math.floor(Date.now() / 1000) - 30 });
    const otherSession = await issuer.sign({ sub: 'leaver', sid: 'b', iat: Math.floor(Date.now() / 1000) - 30 });
    const bystander = await issuer.sign({ sub: 'stayer', sid: 'c', iat: Math.floor(Date.now() / 1000) - 30 });
    const token = await signLogoutToken(issuer, logoutClaims(issuer, { sub: 'leaver' }));
    expect((await postLogout(backend.url, token)).status).toBe(200);
    expect((await requestToken(backend, before)).status).toBe(401);
    expect((await requestToken(backend, otherSession)).status).toBe(401);
    expect((await requestToken(backend, bystander)).status).toBe(200);
    // A sign-in after the logout (a later iat) is a new session.
    const after = await issuer.sign({ sub: 'leaver', sid: 'd', iat: Math.floor(Date.now() / 1000) + 2 });
    expect((await requestToken(backend, after)).status).toBe(200);
  });
});
