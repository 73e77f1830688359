import { constants, KeyObject, verify, type VerifyKeyObjectInput } from 'node:crypto';

/**
 * A compact JWS's signature checked with node:crypto, synchronously. jose's `jwtVerify` checks
 * it through WebCrypto, whose every call is a job on the thread pool and a promise: measured on
 * an RS256 ID token, 268 µs of CPU against 56 µs for this plus jose's own claim checks — most of
 * a returning login's cost (issue 24). jose still finds the key (JWKS cache, rotation, cooldown)
 * and judges the claims; only the arithmetic moves here.
 */

/** How each JWS algorithm (RFC 7518 §3, RFC 8037) is checked: its hash and the key's options. */
const checks: Record<string, { hash: string | null; options: Omit<VerifyKeyObjectInput, 'key'> }> = {
  RS256: { hash: 'sha256', options: {} },
  RS384: { hash: 'sha384', options: {} },
  RS512: { hash: 'sha512', options: {} },
  PS256: pss('sha256'),
  PS384: pss('sha384'),
  PS512: pss('sha512'),
  // JWS carries ECDSA signatures as r‖s, not DER.
  ES256: { hash: 'sha256', options: { dsaEncoding: 'ieee-p1363' } },
  ES384: { hash: 'sha384', options: { dsaEncoding: 'ieee-p1363' } },
  ES512: { hash: 'sha512', options: { dsaEncoding: 'ieee-p1363' } },
  EdDSA: { hash: null, options: {} },
  Ed25519: { hash: null, options: {} },
};

function pss(hash: string) {
  return { hash, options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } };
}

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/** The node:crypto form of a key jose imported (kept per key, so each JWKS key converts once). */
function keyObjectOf(key: CryptoKey | KeyObject): KeyObject {
  if (key instanceof KeyObject) return key;
  let converted = keyObjects.get(key);
  if (converted === undefined) {
    converted = KeyObject.from(key);
    keyObjects.set(key, converted);
  }
  return converted;
}

/**
 * Whether `signature` (base64url) signs `header.payload` with `key` under `alg`. False, never an
 * exception, for a signature that does not fit the key (wrong length, wrong key type).
 */
export function jwsSignatureValid(
  alg: string,
  signingInput: string,
  signature: string,
  key: CryptoKey | KeyObject,
): boolean {
  const check = checks[alg];
  if (check === undefined) return false;
  try {
    return verify(
      check.hash,
      Buffer.from(signingInput),
      { key: keyObjectOf(key), ...check.options },
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
