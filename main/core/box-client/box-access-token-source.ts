/**
 * Where the Box service gets its scoped token. The session owns the token (it asks the
 * provisioning backend for one); the Box service only borrows it, and reports a token Box
 * refused so the next call gets a fresh one instead of failing the same way again.
 */
export interface BoxAccessTokenSource {
  /** A valid scoped token; rejects with an AppError (`session_expired`, `backend_unreachable`, ...) when none can be had. */
  getToken(): Promise<string>;
  /** Box answered 401 to this token: drop it if it is still the current one. */
  invalidate(token: string): void;
}
