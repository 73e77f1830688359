import { InvalidTokenError } from './http-errors.ts';

/** Compact JWS shape; anything else is rejected before any crypto runs. */
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Extracts the bearer credential (RFC 6750 §2.1), which must be a compact JWT. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined) throw new InvalidTokenError('missing Authorization: Bearer header');
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (!match) throw new InvalidTokenError('Authorization header is not a Bearer credential');
  const token = match[1]!;
  if (!compactJws.test(token)) throw new InvalidTokenError('malformed token');
  return token;
}
