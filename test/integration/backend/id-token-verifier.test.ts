import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { createIdTokenVerifier, type IdTokenVerifier } from '../../../backend/id-token-verifier.ts';
import { InvalidTokenError, UpstreamUnavailableError } from '../../../backend/http-errors.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { closeServer, listen } from '../../support/http-server.ts';
import { signInAs } from '../../support/sign-in-as.ts';
import { keyedAudience, startKeyedIssuer, type KeyedIssuer } from './support/keyed-issuer.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function rejection(verifier: IdTokenVerifier, token: string): Promise<string> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  const message = (error as InvalidTokenError).message;
  expect(message).not.toContain(token);
  return message;
}

describe('ID token verification against an issuer key (oidc-provider discovery + JWKS)', () => {
  let issuer: KeyedIssuer;
  let jwksFetches = 0;
  let verifier: IdTokenVerifier;

  beforeAll(async () => {
    issuer = await startKeyedIssuer();
    verifier = createIdTokenVerifier({
      issuer: issuer.issuer,
      audience: ['another-client', keyedAudience],
      jwksCooldownMs: 60_000,
      onJwksFetch: () => jwksFetches++,
    });
  });
  afterAll(() => issuer.close());

  it('accepts a valid token and returns the identity', async () => {
    const iat = Math.floor(Date.now() / 1000) - 5;
    const identity = await verifier.verify(await issuer.sign({ iat, sid: 'session-1' }));
    expect(identity).toEqual({
      issuer: issuer.issuer,
      subject: 'keyed-user-1',
      name: 'Keyed User',
      email: 'keyed@example.com',
      emailVerified: true,
      linkId: 'keyed-user-1',
      sessionId: 'session-1',
      issuedAt: iat,
    });
  });

  it('links by the configured claim (oid for Entra ID) and refuses a token without it', async () => {
    const byOid = createIdTokenVerifier({ issuer: issuer.issuer, audience: [keyedAudience], linkClaim: 'oid' });
    const identity = await byOid.verify(await issuer.sign({ oid: '00000000-0000-0000-0000-00000000a11c' }));
    expect(identity.linkId).toBe('00000000-0000-0000-0000-00000000a11c');
    expect(identity.subject).toBe('keyed-user-1');
    expect(await rejection(byOid, await issuer.sign())).toBe('oid claim check failed');
  });

  it('rejects a tampered payload (signature no longer matches)', async () => {
    const [header, , signature] = (await issuer.sign()).split('.');
    const forged = `${header}.${b64({ iss: issuer.issuer, aud: keyedAudience, sub: 'admin', iat: 1, exp: 9e9 })}.${signature}`;
    expect(await rejection(verifier, forged)).toMatch(/signature/);
  });

  it('rejects alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', kid: issuer.kid })}.${b64({ iss: issuer.issuer, aud: keyedAudience, sub: 'x', iat: now, exp: now + 60 })}.`;
    expect(await rejection(verifier, unsigned)).toMatch(/algorithm not allowed|malformed/);
  });

  it('rejects HS256 signed with the public key as the secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    const pem = await exportSPKI(issuer.publicKey);
    const input = `${b64({ alg: 'HS256', kid: issuer.kid })}.${b64({ iss: issuer.issuer, aud: keyedAudience, sub: 'x', iat: now, exp: now + 60 })}`;
    const mac = createHmac('sha256', pem).update(input).digest('base64url');
    expect(await rejection(verifier, `${input}.${mac}`)).toBe('signing algorithm not allowed');
  });

  it('rejects a wrong issuer and a wrong audience', async () => {
    expect(await rejection(verifier, await issuer.sign({ iss: 'https://evil.example.com' }))).toBe(
      'iss claim check failed',
    );
    expect(await rejection(verifier, await issuer.sign({ aud: 'someone-else' }))).toBe('aud claim check failed');
  });

  it('allows 60 s of clock skew and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await issuer.sign({ exp: now - 30 }))).resolves.toBeDefined();
    expect(await rejection(verifier, await issuer.sign({ exp: now - 90 }))).toMatch(/expired/);
    await expect(verifier.verify(await issuer.sign({ nbf: now + 30 }))).resolves.toBeDefined();
    expect(await rejection(verifier, await issuer.sign({ nbf: now + 120 }))).toBe('nbf claim check failed');
    expect(await rejection(verifier, await issuer.sign({ iat: now + 120 }))).toBe('iat claim check failed');
  });

  it('with several audiences, requires azp to name an accepted client', async () => {
    const aud = [keyedAudience, 'https://api.example.com'];
    expect(await rejection(verifier, await issuer.sign({ aud }))).toBe('azp claim check failed');
    expect(await rejection(verifier, await issuer.sign({ aud, azp: 'https://api.example.com' }))).toBe(
      'azp claim check failed',
    );
    await expect(verifier.verify(await issuer.sign({ aud, azp: keyedAudience }))).resolves.toBeDefined();
  });

  it('rejects a JWT access token (typ at+jwt) carrying our audience', async () => {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ iss: issuer.issuer, aud: keyedAudience, sub: 'x', iat: now, exp: now + 60 })
      .setProtectedHeader({ alg: 'RS256', kid: issuer.kid, typ: 'at+jwt' })
      .sign(issuer.privateKey);
    expect(await rejection(verifier, accessToken)).toBe('an access token is not an ID token');
  });

  it('requires sub, exp and iat', async () => {
    for (const claim of ['sub', 'exp', 'iat']) {
      expect(await rejection(verifier, await issuer.sign({ [claim]: undefined }))).toMatch(
        /claim check failed|missing/,
      );
    }
  });

  it('rejects an unknown kid, refetching the JWKS at most once per cooldown', async () => {
    const stranger = await generateKeyPair('RS256');
    const before = jwksFetches;
    const forged = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        issuer.sign({ sub: `u${i}` }, { kid: `unknown-${i}`, key: stranger.privateKey }),
      ),
    );
    for (const token of forged) expect(await rejection(verifier, token)).toMatch(/unknown kid/);
    expect(jwksFetches - before).toBeLessThanOrEqual(1);
  });

  it('rejects a token signed by a stranger key that reuses the issuer kid', async () => {
    const stranger = await generateKeyPair('RS256');
    expect(await rejection(verifier, await issuer.sign({}, { key: stranger.privateKey }))).toMatch(/signature/);
  });

  it('rejects a token signed with an algorithm the issuer does not advertise', async () => {
    const ec = await generateKeyPair('ES256');
    const token = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'ES256', kid: issuer.kid })
      .setIssuer(issuer.issuer)
      .setAudience(keyedAudience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(ec.privateKey);
    expect(await rejection(verifier, token)).toMatch(/algorithm not allowed|unknown kid/);
  });
});

describe('an unreachable identity provider', () => {
  it('answers 503 with Retry-After instead of calling the token invalid', async () => {
    const idp = await startSandboxIdp();
    const { idToken } = await signInAs(idp, 'alice');
    await idp.close();
    const verifier = createIdTokenVerifier({ issuer: idp.issuer, audience: [idp.desktopClientId] });
    const error = await verifier.verify(idToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    await expect(verifier.ready()).rejects.toThrow();
  });
});

describe('ID tokens from a real sign-in at the sandbox IdP', () => {
  let idp: SandboxIdp;
  beforeAll(async () => {
    idp = await startSandboxIdp();
  });
  afterAll(() => idp.close());

  it('accepts the new key after a rotation at the IdP, without a restart', async () => {
    const verifier = createIdTokenVerifier({ issuer: idp.issuer, audience: [idp.desktopClientId], jwksCooldownMs: 0 });
    const first = await signInAs(idp, 'alice');
    await expect(verifier.verify(first.idToken)).resolves.toMatchObject({
      subject: 'sandbox-user-alice',
      emailVerified: true,
    });
    await idp.rotateKeys();
    const second = await signInAs(idp, 'bob');
    const kid = (token: string) =>
      (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
    expect(kid(second.idToken)).not.toBe(kid(first.idToken));
    await expect(verifier.verify(second.idToken)).resolves.toMatchObject({ subject: 'sandbox-user-bob' });
    // Tokens issued before the rotation stay valid while the IdP still publishes the old key.
    await expect(verifier.verify(first.idToken)).resolves.toMatchObject({ subject: 'sandbox-user-alice' });
  });

  it('judges expiry and not-yet-valid on real tokens with a shifted clock', async () => {
    const { idToken } = await signInAs(idp, 'alice');
    const at = (offsetSeconds: number) =>
      createIdTokenVerifier({
        issuer: idp.issuer,
        audience: [idp.desktopClientId],
        now: () => new Date(Date.now() + offsetSeconds * 1000),
      });
    expect(await rejection(at(2 * 3600), idToken)).toMatch(/expired/);
    expect(await rejection(at(-300), idToken)).toBe('iat claim check failed');
    await expect(at(-30).verify(idToken)).resolves.toBeDefined();
  });
});

describe('discovery', () => {
  it('refuses signing keys published at a plain-http address off this machine', async () => {
    let issuerUrl = '';
    const server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          issuer: issuerUrl,
          jwks_uri: 'http://keys.example.com/jwks',
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    });
    issuerUrl = await listen(server);
    try {
      const verifier = createIdTokenVerifier({ issuer: issuerUrl, audience: ['desktop'] });
      await expect(verifier.ready()).rejects.toThrow(/jwks_uri must be https/);
      await expect(verifier.verify(`${b64({ alg: 'RS256' })}.${b64({ sub: 'x' })}.sig`)).rejects.toBeInstanceOf(
        UpstreamUnavailableError,
      );
    } finally {
      await closeServer(server);
    }
  });
});
