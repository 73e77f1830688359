import { HttpError, InvalidTokenError } from './http-errors.ts';
import type { VerifiedIdentity } from './id-token-verifier.ts';
import type { SharedState } from './shared-state/shared-state.ts';

/** IT deactivated the identity (SCIM `active: false`, or deleted it): no Box token until it is reactivated. */
export class AccountDisabledError extends HttpError {
  constructor() {
    super(403, 'account_disabled', 'the company account is disabled; contact IT');
  }
}

/**
 * The checks the shared store decides, on every token request: a deactivated identity gets
 * 403 account_disabled; an ID token of a session (`sid`) the IdP logged out, or issued (`iat`)
 * no later than a logout of its whole subject, gets 401 "session ended". Any token of an ended
 * session is refused, a refreshed one too: sessions are not reused, a new sign-in gets a new
 * `sid`. A store that cannot answer throws 503 (fail closed): a revoked session must never get
 * a token because Redis was down.
 */
export async function checkAccess(state: SharedState, identity: VerifiedIdentity, externalId: string): Promise<void> {
  const access = await state.accessState({
    externalId,
    issuer: identity.issuer,
    subject: identity.subject,
    sessionId: identity.sessionId,
  });
  if (access.disabled) throw new AccountDisabledError();
  const subjectEnded = access.subjectEndedAt !== undefined && identity.issuedAt <= access.subjectEndedAt;
  if (access.sessionEndedAt !== undefined || subjectEnded) throw new InvalidTokenError('session ended');
}
