/**
 * What the desktop's main process writes to its log about an unexpected error: enough to debug
 * (names, messages, stacks, causes) and never a token.
 */
import { loggableError, redactSecrets } from '../../../main/core/security/loggable-error.ts';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';

test('bearer tokens, JWTs and OAuth parameters are redacted; the rest of the text stays', () => {
  const text = redactSecrets(
    `GET /2.0/folders failed: authorization: Bearer abc.DEF-123~x; id ${jwt}; ` +
      'POST /oauth2/token grant_type=authorization_code&code=SplxlOB&code_verifier=dBjftJ&client_id=desktop',
  );
  expect(text).toBe(
    'GET /2.0/folders failed: authorization: Bearer [redacted]; id [redacted token]; ' +
      'POST /oauth2/token grant_type=authorization_code&code=[redacted]&code_verifier=[redacted]&client_id=desktop',
  );
});

test('tokens quoted from a JSON answer are redacted; Box error codes stay', () => {
  const text = redactSecrets(
    'token endpoint answered {"access_token":"T9xq2KbPz1w","refresh_token": "R\\"ef","token_type":"bearer"}; ' +
      'SDK state {"accessToken":"plainBoxToken"}; Box said {"type":"error","code":"not_found"}',
  );
  expect(text).toBe(
    'token endpoint answered {"access_token":"[redacted]","refresh_token": "[redacted]","token_type":"bearer"}; ' +
      'SDK state {"accessToken":"[redacted]"}; Box said {"type":"error","code":"not_found"}',
  );
});

test('an error is logged with its message, stack and causes, and without the properties libraries attach', () => {
  const cause = new Error(`token exchange refused for subject_token=${jwt}`);
  const error = Object.assign(new TypeError('Box request failed', { cause }), {
    requestInfo: { headers: { authorization: 'Bearer very-secret-token' } },
  });
  const text = loggableError(error);
  expect(text).toMatch(/^TypeError: Box request failed\n\s+at /);
  expect(text).toContain('Caused by: Error: token exchange refused for subject_token=[redacted]');
  expect(text).not.toContain('very-secret-token');
  expect(text).not.toContain('eyJ');
});

test('values that are not errors are named, never printed', () => {
  expect(loggableError({ access_token: 'secret' })).toBe('Thrown: a value of type object');
  expect(loggableError(new Error('outer', { cause: 'refresh_token=abc' }))).toMatch(
    /Caused by: a value of type string$/,
  );
});
