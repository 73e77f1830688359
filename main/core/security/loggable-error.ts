/** OAuth parameters whose values are secrets (`code` only in URLs and forms: in JSON it is Box's error code). */
const tokenNames =
  'access_token|refresh_token|id_token|subject_token|actor_token|code_verifier|client_secret|assertion';

/**
 * Text that may carry a secret inside an error's message or stack: bearer tokens, JWTs (ID and
 * access tokens), and OAuth parameters in URLs, form bodies or JSON answers (a token endpoint's
 * error may quote its body, and Box's access tokens are not JWTs).
 */
const secretPatterns: [RegExp, string][] = [
  [/\bBearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted token]'],
  [new RegExp(`\\b(${tokenNames}|code)=[^&\\s"']+`, 'gi'), '$1=[redacted]'],
  [
    new RegExp(`"(${tokenNames}|accessToken|refreshToken|idToken)"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'),
    '"$1"$2"[redacted]"',
  ],
];

export function redactSecrets(text: string): string {
  return secretPatterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/**
 * An unexpected error as one block of text for the main process's log: name, message and stack
 * of the error and its causes, with secrets redacted. Nothing else of the error is printed:
 * library errors carry the request they failed on (headers with the token, bodies) as properties.
 */
export function loggableError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      lines.push(
        depth === 0
          ? (current.stack ?? `${current.name}: ${current.message}`)
          : `Caused by: ${current.stack ?? current.message}`,
      );
      current = current.cause;
    } else {
      lines.push(
        `${depth === 0 ? 'Thrown' : 'Caused by'}: a value of type ${current === null ? 'null' : typeof current}`,
      );
      current = undefined;
    }
  }
  return redactSecrets(lines.join('\n'));
}
