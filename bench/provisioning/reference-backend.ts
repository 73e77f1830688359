/**
 * The provisioning benchmark's yardstick, not a product: the least work a returning login
 * needs — one RS256 signature check (node:crypto, synchronous) and one token exchange at Box
 * (undici, kept-alive connections) — with no framework, no claim checks but `iss`, no rate
 * limits, metrics or logs. Run against the same emulator and load, its latency is the floor
 * this machine allows, whatever the backend's code; `run.ts` prints it beside the backend's.
 *
 * Environment: OIDC_ISSUER, BOX_API_URL, SUBJECT_TOKEN (a Box token to exchange), SCOPES.
 */
import { createPublicKey, verify, type JsonWebKeyInput, type KeyObject } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

const setting = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const issuer = setting('OIDC_ISSUER');
const tokenUrl = `${setting('BOX_API_URL')}/oauth2/token`;
const exchangeForm = new URLSearchParams({
  grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
  subject_token: setting('SUBJECT_TOKEN'),
  subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
  scope: setting('SCOPES'),
}).toString();

const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: ({ kid: string } & JsonWebKeyInput['key'])[] };
const keys = new Map<string, KeyObject>(
  jwks.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })]),
);

const decode = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** True when the bearer token carries a valid signature by one of the issuer's keys and names the issuer. */
function genuine(token: string): boolean {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return false;
  try {
    const key = keys.get(String(decode(header)['kid']));
    if (!key || !verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')))
      return false;
    return decode(payload)['iss'] === issuer;
  } catch {
    return false; // not JSON inside: not a token
  }
}

const server = createServer((req, res) => {
  req.resume();
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (req.method !== 'POST' || !token || !genuine(token)) return answer(res, 401, { error: 'invalid_token' });
  request(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: exchangeForm,
  })
    .then(async (box) => {
      const body = (await box.body.json()) as { access_token?: string; expires_in?: number };
      if (box.statusCode !== 200 || !body.access_token) return answer(res, 503, { error: 'temporarily_unavailable' });
      answer(res, 200, { access_token: body.access_token, token_type: 'bearer', expires_in: body.expires_in });
    })
    .catch(() => answer(res, 503, { error: 'temporarily_unavailable' }));
});
server.listen(0, '127.0.0.1', () => {
  console.log(`reference backend listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
