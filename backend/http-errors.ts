/**
 * Errors the API answers with. Each carries its HTTP status and OAuth-style error code,
 * and its message is safe to show: it never holds a token, a key or a stack
 * (the oidc-provider pattern of one base class with a status and an exposable message).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly error: string;
  /** Seconds for the Retry-After header, when the client should come back later. */
  readonly retryAfterSeconds: number | undefined;
  constructor(status: number, error: string, description: string, retryAfterSeconds?: number) {
    super(description);
    this.name = new.target.name;
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The bearer ID token was missing, malformed or failed verification. */
export class InvalidTokenError extends HttpError {
  constructor(description: string) {
    super(401, 'invalid_token', description);
  }
}

/** The identity is valid but policy refuses it (for example no verified email in managed mode). */
export class AccessDeniedError extends HttpError {
  constructor(description: string) {
    super(403, 'access_denied', description);
  }
}

/** Too many requests from one identity or in total. */
export class RateLimitedError extends HttpError {
  constructor(description: string, retryAfterSeconds: number) {
    super(429, 'rate_limited', description, retryAfterSeconds);
  }
}

/** Box (or the IdP) stayed unavailable after bounded retries. */
export class UpstreamUnavailableError extends HttpError {
  constructor(description: string, retryAfterSeconds: number) {
    super(503, 'temporarily_unavailable', description, retryAfterSeconds);
  }
}

/**
 * Box refused the service account's call for a reason retrying will not fix (wrong app
 * credentials, app not authorized, a user Box no longer knows). The caller sees only that Box
 * refused; Box's status and code are for the log.
 */
export class BoxRejectedError extends HttpError {
  readonly boxStatus: number;
  readonly boxCode: string | undefined;
  constructor(boxStatus: number, boxCode: string | undefined) {
    super(502, 'server_error', 'Box refused the request');
    this.boxStatus = boxStatus;
    this.boxCode = boxCode;
  }

  /** What the log says: Box's own answer, which the client never sees. */
  get logLine(): string {
    return `Box answered ${this.boxStatus}${this.boxCode ? ` ${this.boxCode}` : ''}`;
  }
}

/**
 * Box's own "already exists" answer to a user create (another replica won the race). Never
 * answered to a client: the Provisioner catches it and looks the user up again.
 */
export class BoxConflictError extends Error {
  constructor() {
    super('Box user already exists');
    this.name = 'BoxConflictError';
  }
}
