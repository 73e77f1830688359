import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { KeyObject } from 'node:crypto';
import { OAuthError } from './errors.ts';
import { pruneExpired } from './store.ts';

export const TOKEN_AUDIENCE = 'https://api.box.com/oauth2/token';
const MAX_LIFETIME_SECONDS = 60;

const invalidGrant = (description: string): OAuthError => new OAuthError(400, 'invalid_grant', description);

/**
 * Verifies a JWT bearer assertion as Box does: signature by the app key named in `kid` (box-node-sdk
 * 10 omits `kid`, so without one every key of the app is tried), `iss` = client id, Box's token URL
 * as `aud`, an `exp` no more than 60 s ahead, and a `jti` never seen before.
 */
export async function verifyAssertion(
  assertion: string,
  clientId: string,
  keys: Map<string, KeyObject>,
  usedJtis: Map<string, { expiresAt: number }>,
): Promise<JWTPayload> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(assertion).kid;
  } catch {
    throw invalidGrant('Invalid JWT assertion');
  }
  const candidates = kid === undefined ? [...keys.values()] : [keys.get(kid)].filter((k) => k !== undefined);
  if (candidates.length === 0) throw invalidGrant("Please check the 'kid' header: no public key with that id");
  let payload: JWTPayload | undefined;
  for (const key of candidates) {
    try {
      payload = (await jwtVerify(assertion, key, { audience: TOKEN_AUDIENCE, issuer: clientId })).payload;
      break;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw invalidGrant("Please check the 'exp' claim.");
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw invalidGrant(`Please check the '${error.claim}' claim.`);
      }
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) throw invalidGrant('Invalid JWT assertion');
    }
  }
  if (!payload)
    throw invalidGrant('Signature verification error. The public key identified by the JWT header does not match.');
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp > now + MAX_LIFETIME_SECONDS) {
    throw invalidGrant("Please check the 'exp' claim. The 'exp' must be within 60 seconds of now.");
  }
  if (typeof payload.jti !== 'string' || payload.jti.length < 16 || payload.jti.length > 128) {
    throw invalidGrant("Please check the 'jti' claim.");
  }
  // A jti is remembered until its assertion expires; after that the assertion is refused for its `exp` anyway.
  pruneExpired(usedJtis);
  const used = usedJtis.get(payload.jti);
  if (used && used.expiresAt > Date.now())
    throw invalidGrant("Please check the 'jti' claim. The 'jti' has already been used.");
  usedJtis.set(payload.jti, { expiresAt: payload.exp * 1000 });
  return payload;
}
