import { AppError } from '../../../common/app-error.ts';
import { appError } from '../errors/error-catalog.ts';

/** OpenSSL's verification failures (Node's `err.code`), as opposed to a connection that merely broke. */
const certificateCodes = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A TLS error that means "this certificate is not trusted", as the catalog's clear message naming the host. */
export function certificateFailure(error: unknown, host: string): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !certificateCodes.has(code)) return undefined;
  const reason =
    error instanceof Error ? error.message.replace(/^Hostname\/IP does not match certificate's altnames: /, '') : code;
  return appError('certificate_untrusted', 'default', { host, problem: `${reason} (${code})` }, { cause: error });
}

/** A SOCKS5 proxy's replies that mean "it could not reach the server", as a 502 from an HTTP proxy: the next route is tried. */
const socksUnreachableReplies =
  /rejected connection - (Failure|NetworkUnreachable|HostUnreachable|ConnectionRefused|TTLExpired)\b/;

/**
 * The `socks` library's errors carry only words; give them the codes the connector's fallback
 * reads (a proxy that refuses or drops the connection, times out, or cannot reach the server is
 * a failed route), and name the proxy in the others (a rule that forbids the server).
 */
export function socksFailure(error: unknown, proxy: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    /\b(E[A-Z]{3,})\b/.exec(message)?.[1] ??
    (/timed out/i.test(message)
      ? 'ETIMEDOUT'
      : /socket closed/i.test(message)
        ? 'ECONNRESET'
        : socksUnreachableReplies.test(message)
          ? 'ECONNREFUSED'
          : 'PROXY_REFUSED');
  return Object.assign(new Error(`the SOCKS proxy ${proxy}: ${message}`, { cause: error }), { code });
}

/** Failures of the network layer that must reach the user as they are, not as a generic "offline". */
const networkCodes = new Set(['certificate_untrusted', 'proxy_unreachable', 'proxy_auth_failed']);

/**
 * The network layer's own AppError somewhere in `error`'s cause chain (fetch and the SDK wrap
 * what the connection threw): the callers that turn failures into "cannot be reached" pass it on.
 */
export function networkFailureIn(error: unknown): AppError | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 8; depth++) {
    if (current instanceof AppError && networkCodes.has(current.code)) return current;
    const { code, message } = current as { code?: unknown; message?: unknown };
    // node-fetch 2 (box-node-sdk's) keeps only the code and the words: "request to … failed, reason: <message>".
    if (typeof code === 'string' && networkCodes.has(code) && typeof message === 'string') {
      const words = message.split('reason: ').at(-1) ?? message;
      return new AppError(code as AppError['code'], words, { cause: current });
    }
    // Undici wraps in `cause`; box-node-sdk's BoxSdkError keeps the failure in `error`.
    const wrapper = current as { cause?: unknown; error?: unknown };
    current = wrapper.cause ?? wrapper.error;
  }
  return undefined;
}

/** Failures that trying again cannot mend (the user must act or call IT); retries stop at them. */
export function isFinalNetworkFailure(error: unknown): boolean {
  const code = networkFailureIn(error)?.code;
  return code === 'certificate_untrusted' || code === 'proxy_auth_failed';
}
