/**
 * Removes secrets from text bound for a help-desk report or the local error log: tokens (JWTs,
 * bearer and Box tokens), OAuth codes and states, passwords and client secrets, credentials in
 * URLs. It errs on the side of removing: a random-looking 32-character string is hidden even when
 * it was only an id, because the help desk never needs one and a token must never get through.
 */
const hidden = '[redacted]';

const rules: [RegExp, string][] = [
  // JWTs: ID tokens, logout tokens, signed requests (three base64url parts, the first a JSON header).
  [/eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, hidden],
  // Authorization headers of any scheme.
  [/\b(authorization\s*[:=]\s*"?)(bearer|basic|dpop)\s+[^\s",;]+/gi, `$1$2 ${hidden}`],
  [/\b(bearer)\s+[\w.~+/-]{8,}=*/gi, `$1 ${hidden}`],
  // Secret-bearing parameters and fields in URLs, forms, JSON and key=value text.
  [
    /\b(access_token|refresh_token|id_token|logout_token|code|code_verifier|state|nonce|password|passwd|pwd|client_secret|secret|token|api_key|apikey|assertion|subject_token)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    `$1$2${hidden}`,
  ],
  // user:password@ in URLs (proxies, mirrors).
  [/(\b[a-z][\w+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${hidden}@`],
];

/**
 * Box access tokens and other opaque secrets (refresh tokens, codes) that stand alone: 32 or more
 * base64url characters mixing upper case, lower case and digits. Paths, kebab-case names and UUIDs
 * (one case only) stay readable.
 */
const opaqueSecret = /[A-Za-z0-9_-]{32,}/g;
function looksRandom(candidate: string): boolean {
  return /[A-Z]/.test(candidate) && /[a-z]/.test(candidate) && /\d/.test(candidate);
}

export function redact(text: string): string {
  const ruled = rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
  return ruled.replace(opaqueSecret, (candidate) => (looksRandom(candidate) ? hidden : candidate));
}
