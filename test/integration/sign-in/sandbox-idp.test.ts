import * as oidc from 'openid-client';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { completeLogin } from '../../../sandbox/idp/scripted-browser.ts';
import { discoverSandbox, signInAs } from '../../support/sign-in-as.ts';

let idp: SandboxIdp;
beforeAll(async () => {
  idp = await startSandboxIdp();
});
afterAll(async () => {
  await idp.close();
});

function authorizeUrl(config: oidc.Configuration, extra: Record<string, string> = {}): URL {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: 'http://127.0.0.1:9/callback',
    scope: 'openid profile email offline_access',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    state: 'some-state',
    ...extra,
  });
}

describe('sandbox identity provider', () => {
  it('advertises RFC 9207 iss, PKCE S256, revocation and end-session', async () => {
    const config = await discoverSandbox(idp);
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(idp.issuer);
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.revocation_endpoint).toBeTruthy();
    expect(metadata.end_session_endpoint).toBeTruthy();
  });

  it('signs alice in with real tokens carrying her profile and a refresh token', async () => {
    const tokens = await signInAs(idp, 'alice');
    const claims = decodeJwt(tokens.idToken);
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: idp.desktopClientId,
      sub: 'sandbox-user-alice',
      email: 'alice@example.com',
      name: 'Alice Example',
    });
    expect(tokens.refreshToken).toBeTruthy();
  });

  it('shows a styled login page with the banner and the seeded users, without script', async () => {
    const config = await discoverSandbox(idp);
    const first = await fetch(authorizeUrl(config), { redirect: 'manual' });
    const location = first.headers.get('location') ?? '';
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await fetch(new URL(location, idp.issuer), { headers: { cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('Sandbox sign-in — not your company login');
    for (const user of idp.users) {
      expect(html).toContain(user.username);
      expect(html).toContain(user.password);
    }
    expect(html).not.toContain('<script');
    const css = await fetch(new URL('/sandbox-assets/login.css', idp.issuer));
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('turns away a wrong password and answers Cancel with access_denied', async () => {
    const config = await discoverSandbox(idp);
    await expect(completeLogin(authorizeUrl(config).href, { username: 'alice', password: 'nope' })).rejects.toThrow(
      /401/,
    );
    const cancelled = new URL(
      await completeLogin(authorizeUrl(config).href, { username: 'alice', password: '', action: 'cancel' }),
    );
    expect(cancelled.searchParams.get('error')).toBe('access_denied');
    expect(cancelled.searchParams.get('state')).toBe('some-state');
    expect(cancelled.searchParams.get('iss')).toBe(idp.issuer);
  });

  it('rotates refresh tokens and revokes the grant when an old one is reused', async () => {
    const config = await discoverSandbox(idp);
    const tokens = await signInAs(idp, 'bob', { config });
    const rotated = await oidc.refreshTokenGrant(config, tokens.refreshToken);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refreshToken);
    await expect(oidc.refreshTokenGrant(config, tokens.refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(config, rotated.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('shows its own pages (sign-out, errors) with the sandbox banner and no web font', async () => {
    const config = await discoverSandbox(idp);
    const cookies = new Map<string, string>();
    await completeLogin(authorizeUrl(config).href, { username: 'alice', password: 'alice-sandbox', cookies });
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const logout = await fetch(oidc.buildEndSessionUrl(config, { client_id: idp.desktopClientId }), {
      headers: { cookie },
    });
    const logoutHtml = await logout.text();
    expect(logoutHtml).toContain('Sandbox sign-in — not your company login');
    expect(logoutHtml).toContain('Yes, sign me out');
    expect(logoutHtml).not.toContain('fonts.googleapis.com');
    const broken = await fetch(new URL('/auth?client_id=nobody&response_type=code', idp.issuer));
    const brokenHtml = await broken.text();
    expect(broken.status).toBe(400);
    expect(brokenHtml).toContain('Sandbox sign-in — not your company login');
    expect(brokenHtml).toContain('invalid_client');
  });

  it('rotateKeys signs with a new key and keeps the old one published', async () => {
    const before = decodeProtectedHeader((await signInAs(idp, 'alice')).idToken).kid;
    await idp.rotateKeys();
    const after = decodeProtectedHeader((await signInAs(idp, 'alice')).idToken).kid;
    expect(after).not.toBe(before);
    const jwks = (await (await fetch(new URL('/jwks', idp.issuer))).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([before, after]));
  });
});
