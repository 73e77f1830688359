import type { FastifyInstance } from 'fastify';
import type { JWTHeaderParameters, JWTPayload } from 'jose';
import { noteForAccessLog } from './access-log.ts';
import { HttpError, InvalidTokenError } from './http-errors.ts';
import type { IdTokenVerifier } from './id-token-verifier.ts';
import type { SharedState } from './shared-state/shared-state.ts';

const logoutEvent = 'http://schemas.openid.net/event/backchannel-logout';

/** A logout token older than this is refused (its `jti` is remembered as long, plus the clock skew). */
const maxLogoutTokenAgeSeconds = 600;
const jtiMemorySeconds = maxLogoutTokenAgeSeconds + 120;

/** Spec §2.8: a refused logout is `400` with `invalid_request`. */
class InvalidLogoutError extends HttpError {
  constructor(description: string) {
    super(400, 'invalid_request', description);
  }
}

/**
 * OpenID Connect Back-Channel Logout 1.0 §2.6: after the signature, `iss`, `aud` and `iat`
 * (the ID token verifier's checks), a logout token must be typed `logout+jwt` if typed at
 * all (so no ID token passes as one), carry the back-channel logout event, a `sid` or a
 * `sub`, a `jti`, and no `nonce`.
 */
function checkLogoutClaims(header: JWTHeaderParameters, payload: JWTPayload): void {
  if (header.typ !== undefined && header.typ.toLowerCase() !== 'logout+jwt')
    throw new InvalidLogoutError('not a logout token (typ)');
  const events = payload['events'];
  const event =
    typeof events === 'object' && events !== null ? (events as Record<string, unknown>)[logoutEvent] : undefined;
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw new InvalidLogoutError('events claim check failed');
  if ('nonce' in payload) throw new InvalidLogoutError('a logout token must not carry a nonce');
  if (typeof payload['sid'] !== 'string' && typeof payload.sub !== 'string')
    throw new InvalidLogoutError('a logout token needs a sid or a sub');
  if (typeof payload.jti !== 'string' || payload.jti === '') throw new InvalidLogoutError('jti claim check failed');
}

/**
 * `POST /v1/backchannel-logout`: the IdP tells us a session (or every session of a subject)
 * ended. From then on every replica refuses ID tokens of that session issued before now.
 */
export function registerBackchannelLogout(
  app: FastifyInstance,
  deps: { verifier: IdTokenVerifier; state: SharedState; issuer: string; onLogout: (outcome: string) => void },
): void {
  void app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, parsed) => parsed(null, new URLSearchParams(body as string)),
    );
    scope.post('/v1/backchannel-logout', async (request, reply) => {
      let outcome = 'refused';
      try {
        const form = request.body instanceof URLSearchParams ? request.body : undefined;
        const token = form?.get('logout_token');
        if (!token) throw new InvalidLogoutError('logout_token is required (application/x-www-form-urlencoded)');
        let verified;
        try {
          verified = await deps.verifier.verifySigned(token, {
            requiredClaims: ['iat', 'jti'],
            maxTokenAge: maxLogoutTokenAgeSeconds,
          });
        } catch (error) {
          if (error instanceof InvalidTokenError) throw new InvalidLogoutError(error.message);
          throw error;
        }
        const { header, payload } = verified;
        checkLogoutClaims(header, payload);
        if (!(await deps.state.claimOnce(`logout-jti:${deps.issuer} ${payload.jti!}`, jtiMemorySeconds)))
          throw new InvalidLogoutError('logout token already used (jti)');
        const now = Math.floor(Date.now() / 1000);
        const sid = payload['sid'];
        if (typeof sid === 'string') await deps.state.endSession(deps.issuer, sid, now);
        else await deps.state.endSubject(deps.issuer, payload.sub!, now);
        outcome = 'ended';
        noteForAccessLog(request, 'session ended by the identity provider', {
          scope: typeof sid === 'string' ? 'session' : 'subject',
        });
        return reply.code(200).send();
      } finally {
        deps.onLogout(outcome);
      }
    });
    done();
  });
}
