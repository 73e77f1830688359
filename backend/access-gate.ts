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
 * 403 account_disabled; an ID token issued (`iat`) no later than a back-channel logout of its
 * session (`sid`) or of its subject gets 401 "session ended". A store that cannot answer
 * throws 503 (fail closed): a revoked session must never get a token because Redis was down.
 */
export async function checkAccess(state: SharedState, identity: VerifiedIdentity, externalId: string): Promise<void> {
  const access = await state.accessState({
    externalId,
    issuer: identity.issuer,
    subject: identity.subject,
    sessionId: identity.sessionId,
  });
  if (access.disabled) throw new AccountDisabledError();
  const endedAt = Math.max(access.sessionEndedAt ?? -Infinity, access.subjectEndedAt ?? -Infinity);
  if (identity.issuedAt <= endedAt) throw new InvalidTokenError('session ended');
}
