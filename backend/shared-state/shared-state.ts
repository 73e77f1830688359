import { HttpError } from '../http-errors.ts';
import type { ScimUserStore } from './scim-user-store.ts';

/** What the shared store knows about one identity when it asks for a Box token. */
export interface AccessState {
  /** Deactivated over SCIM (or deleted): no token for it until reactivated. */
  disabled: boolean;
  /** Unix seconds of the latest back-channel logout of this session, if any. */
  sessionEndedAt: number | undefined;
  /** Unix seconds of the latest back-channel logout of every session of this subject, if any. */
  subjectEndedAt: number | undefined;
}

export interface AccessKey {
  /** The Box `external_app_user_id` the sign-in path computes. */
  externalId: string;
  issuer: string;
  subject: string;
  sessionId: string | undefined;
}

/**
 * The state replicas must agree on (docs/backend.md, "Several replicas"): ended sessions,
 * deactivated identities, per-identity rate limits, user-cache invalidations, SCIM
 * idempotency and the SCIM attributes Box cannot hold. In memory for one replica, in
 * Redis when `REDIS_URL` is set.
 */
export interface SharedState {
  readonly kind: 'memory' | 'redis';
  readonly scimUsers: ScimUserStore;
  accessState(key: AccessKey): Promise<AccessState>;
  endSession(issuer: string, sessionId: string, atSeconds: number): Promise<void>;
  endSubject(issuer: string, subject: string, atSeconds: number): Promise<void>;
  setDisabled(externalId: string, disabled: boolean): Promise<void>;
  /** True for the first claim of `key` within `ttlSeconds` (a logout token's `jti`, a SCIM delete in progress). */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  release(key: string): Promise<void>;
  /** Token bucket shared by all replicas: 0 when allowed, else seconds until a token is free. */
  takeToken(key: string, capacity: number, perSecond: number): Promise<number>;
  /** Tells every replica (this one included) to drop its cached Box user for the identity. */
  invalidateUser(externalId: string): Promise<void>;
  onUserInvalidated(listener: (externalId: string) => void): void;
  /** Resolves when the store answers; rejects when it does not. */
  ping(): Promise<void>;
  /** False while the store is unreachable (metrics and /readyz). */
  isUp(): boolean;
  close(): Promise<void>;
}

/**
 * Ended sessions are remembered a day and two minutes: the ID token verifier refuses tokens
 * older than a day (plus clock skew), so an older logout can no longer matter.
 */
export const sessionEndTtlSeconds = 24 * 3600 + 120;

/** Seconds a client waits before asking again when the shared store is down. */
const unavailableRetryAfterSeconds = 2;

/**
 * The shared store did not answer. Revocation checks fail closed: no token is issued while
 * the backend cannot tell whether the session was ended or the identity deactivated.
 */
export class SharedStateUnavailableError extends HttpError {
  constructor() {
    super(
      503,
      'temporarily_unavailable',
      'the session store cannot be reached, try again later',
      unavailableRetryAfterSeconds,
    );
  }
}

/** Runs a store command; any failure (down, timed out, refused) becomes our 503, so callers fail closed. */
export async function orUnavailable<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch {
    throw new SharedStateUnavailableError();
  }
}
