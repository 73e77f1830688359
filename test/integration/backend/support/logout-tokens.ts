/**
 * Back-Channel Logout tokens for tests, signed with the keyed issuer's key (or any other), so
 * a test can send the valid one and each hostile variant the spec's §2.6 says to refuse.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { keyedAudience, type KeyedIssuer } from './keyed-issuer.ts';

export const logoutEvent = 'http://schemas.openid.net/event/backchannel-logout';

export function logoutClaims(issuer: KeyedIssuer, claims: JWTPayload = {}): JWTPayload {
  return {
    iss: issuer.issuer,
    aud: keyedAudience,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 120,
    jti: randomUUID(),
    sub: 'keyed-user-1',
    events: { [logoutEvent]: {} },
    ...claims,
  };
}

export function signLogoutToken(
  issuer: KeyedIssuer,
  claims: JWTPayload,
  header: { typ?: string; kid?: string; key?: CryptoKey } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? issuer.kid, typ: header.typ ?? 'logout+jwt' })
    .sign(header.key ?? issuer.privateKey);
}

/** An unsigned token (`alg: none`), which no verifier may accept. */
export function unsignedToken(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'logout+jwt' })}.${part(claims)}.`;
}

export function postLogout(
  backendUrl: string,
  logoutToken: string | undefined,
  contentType?: string,
): Promise<Response> {
  return fetch(`${backendUrl}/v1/backchannel-logout`, {
    method: 'POST',
    headers: { 'content-type': contentType ?? 'application/x-www-form-urlencoded' },
    body: logoutToken === undefined ? '' : new URLSearchParams({ logout_token: logoutToken }).toString(),
  });
}
