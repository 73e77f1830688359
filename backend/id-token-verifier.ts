import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  UnsecuredJWT,
  type JWTHeaderParameters,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import { z } from 'zod';
import { InvalidTokenError, UpstreamUnavailableError } from './http-errors.ts';
import { jwsSignatureValid } from './jws-signature.ts';
import { secureOrLoopbackUrl } from './secure-url-schema.ts';

/** Allowed clock skew between the IdP and us, in seconds (issue 4: at most 60 s). */
const clockToleranceSeconds = 60;

/** Asymmetric algorithms only: never `none`, never HMAC (a public key must not become a shared secret). */
const asymmetricAlgorithms = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);

const discoverySchema = z.object({
  issuer: z.string(),
  // The keys that decide whether a token is genuine: never fetched over plain http off this machine.
  jwks_uri: secureOrLoopbackUrl('jwks_uri must be https (or http on a loopback host)'),
  id_token_signing_alg_values_supported: z.array(z.string()).default(['RS256']),
});

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  name: string | undefined;
  email: string | undefined;
  emailVerified: boolean;
  /** The value of the configured link claim (`sub` unless `linkClaim` says otherwise). */
  linkId: string;
  /** The IdP session (`sid`), when the IdP puts one in the token (back-channel logout needs it). */
  sessionId: string | undefined;
  /** `iat`, Unix seconds: a token issued before its session ended is refused. */
  issuedAt: number;
}

export interface IdTokenVerifierOptions {
  issuer: string;
  audience: string[];
  /** Least time between two JWKS downloads triggered by an unknown `kid` (jose's cooldown). */
  jwksCooldownMs?: number;
  /** How long a downloaded JWKS is trusted before it is fetched again. */
  jwksMaxAgeMs?: number;
  /** Called on every JWKS download, for metrics and tests. */
  onJwksFetch?: () => void;
  /** Clock for tests of expiry and not-yet-valid tokens. */
  now?: () => Date;
  /** The claim that links the identity to its Box user; `sub` by default. */
  linkClaim?: string;
  /**
   * How discovery and the JWKS are fetched: the backend's outbound transport (its proxy and
   * CA_BUNDLE_FILE, as for its Box calls); the global fetch by default.
   */
  fetch?: typeof fetch;
}

export type SignatureChecks = Pick<JWTVerifyOptions, 'requiredClaims' | 'maxTokenAge'>;

export interface IdTokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
  /**
   * Checks a token's signature against the issuer's keys, its `iss` and `aud`, and the claims
   * `options` asks for; used for back-channel logout tokens, whose own claims the caller checks.
   */
  verifySigned(token: string, options: SignatureChecks): Promise<{ payload: JWTPayload; header: JWTHeaderParameters }>;
  /** Fetches discovery if not done yet; throws when the IdP cannot be reached. */
  ready(): Promise<void>;
}

/**
 * Verifies OIDC ID tokens against the issuer's keys, found through discovery. The JWKS
 * is cached and refetched when an unknown `kid` shows up (a key rotation), at most once
 * per cooldown, so a flood of forged tokens cannot turn us into a JWKS amplifier.
 */
export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  const now = options.now ?? (() => new Date());
  const fetchFromIdp = options.fetch ?? fetch;
  let setup: Promise<{ jwks: ReturnType<typeof createRemoteJWKSet>; algorithms: string[] }> | undefined;

  async function discover() {
    const url = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetchFromIdp(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const metadata = discoverySchema.parse(await response.json());
    if (metadata.issuer !== options.issuer) throw new Error('discovery document names another issuer');
    const algorithms = metadata.id_token_signing_alg_values_supported.filter((alg) => asymmetricAlgorithms.has(alg));
    if (algorithms.length === 0) throw new Error('the issuer advertises no asymmetric ID token algorithm');
    const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri), {
      cooldownDuration: options.jwksCooldownMs ?? 10_000,
      cacheMaxAge: options.jwksMaxAgeMs ?? 10 * 60_000,
      timeoutDuration: 5_000,
      [customFetch]: (...args: Parameters<typeof fetch>) => {
        options.onJwksFetch?.();
        return fetchFromIdp(...args);
      },
    });
    return { jwks, algorithms };
  }

  function discovered() {
    // A failed discovery is forgotten so the next request tries again.
    setup ??= discover().catch((error: unknown) => {
      setup = undefined;
      throw error;
    });
    return setup;
  }

  async function verifySignature(
    token: string,
    checks: SignatureChecks,
  ): Promise<{ payload: JWTPayload; header: JWTHeaderParameters }> {
    let keys;
    try {
      keys = await discovered();
    } catch {
      throw new UpstreamUnavailableError('the identity provider cannot be reached', 5);
    }
    try {
      const { header, parts } = signedHeader(token, keys.algorithms);
      const [headerPart, payloadPart, signature] = parts;
      // jose picks the key (by kid and alg, refetching the JWKS on an unknown kid within its cooldown).
      const key = await keys.jwks(header, { payload: payloadPart, signature, protected: headerPart });
      if (!jwsSignatureValid(header.alg, `${headerPart}.${payloadPart}`, signature, key))
        throw new errors.JWSSignatureVerificationFailed();
      // The signature holds: jose judges the claims of the same payload (iss, aud, exp, nbf, iat, required ones).
      const { payload } = UnsecuredJWT.decode(`${unsecuredHeader}.${payloadPart}.`, {
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: clockToleranceSeconds,
        currentDate: now(),
        ...checks,
      });
      return { payload, header };
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
  }

  return {
    async ready() {
      await discovered();
    },
    async verify(token) {
      const { payload, header } = await verifySignature(token, {
        // maxTokenAge makes jose check that `iat` is present and not in the future.
        maxTokenAge: '1 day',
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      checkTokenKind(header, payload, options.audience);
      const linkClaim = options.linkClaim ?? 'sub';
      const linkId = payload[linkClaim];
      if (typeof linkId !== 'string' || linkId === '') throw new InvalidTokenError(`${linkClaim} claim check failed`);
      const email = typeof payload['email'] === 'string' ? payload['email'] : undefined;
      return {
        issuer: options.issuer,
        subject: payload.sub!,
        name: typeof payload['name'] === 'string' ? payload['name'] : undefined,
        email,
        emailVerified: payload['email_verified'] === true,
        linkId,
        sessionId: typeof payload['sid'] === 'string' ? payload['sid'] : undefined,
        issuedAt: payload.iat!,
      };
    },
    verifySigned: verifySignature,
  };
}

/** `{"alg":"none"}`: how jose is handed a payload whose signature was checked already. */
const unsecuredHeader = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');

/**
 * The protected header of a compact JWS signed with one of `algorithms`: three parts, a JSON
 * header, no extension we would have to understand (`crit`) and an encoded payload (`b64`).
 */
function signedHeader(
  token: string,
  algorithms: readonly string[],
): { header: JWTHeaderParameters & { alg: string }; parts: [string, string, string] } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => part === '')) throw new errors.JWSInvalid('not a compact JWS');
  const header = decodeProtectedHeader(token);
  if (header.crit !== undefined || header.b64 !== undefined) throw new errors.JOSENotSupported('JWS extensions');
  if (typeof header.alg !== 'string' || !algorithms.includes(header.alg)) throw new errors.JOSEAlgNotAllowed();
  return { header: header as JWTHeaderParameters & { alg: string }, parts: parts as [string, string, string] };
}

/**
 * An ID token, not an access token that happens to carry our audience: JWT access tokens
 * (RFC 9068) say `typ: at+jwt`. With several audiences, OIDC Core §3.1.3.7 wants `azp`
 * to name the client the token was issued to.
 */
function checkTokenKind(header: JWTHeaderParameters, payload: JWTPayload, audience: readonly string[]): void {
  const typ = header.typ?.toLowerCase();
  if (typ === 'at+jwt' || typ === 'application/at+jwt')
    throw new InvalidTokenError('an access token is not an ID token');
  if (Array.isArray(payload.aud) && payload.aud.length > 1) {
    const azp = payload['azp'];
    if (typeof azp !== 'string' || !audience.includes(azp)) throw new InvalidTokenError('azp claim check failed');
  }
}

/** A short reason for error_description that names the failed check but never echoes the token. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return `token expired (${error.claim} check failed)`;
  if (error instanceof errors.JWTClaimValidationFailed) return `${error.claim} claim check failed`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'signing algorithm not allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches the token (unknown kid)';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'several keys of the issuer match the token';
  if (error instanceof errors.JWKSTimeout) return 'the issuer keys could not be fetched in time';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed token';
  if (error instanceof errors.JOSENotSupported) return 'unsupported token algorithm or key';
  return 'token verification failed';
}
