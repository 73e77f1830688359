/**
 * A real oidc-provider publishing discovery and a JWKS for a key the test holds, so tests
 * can sign ID tokens with any claims (wrong iss, wrong aud, expired, ...) under a key the
 * backend trusts. Valid tokens from a full login come from the sandbox IdP instead.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../../../support/http-server.ts';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type CryptoKey } from 'jose';
import Provider from 'oidc-provider';

export interface KeyedIssuer {
  issuer: string;
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Signs `claims` (merged over valid defaults) with the published key. */
  sign(claims?: JWTPayload, header?: { kid?: string; key?: CryptoKey }): Promise<string>;
  close(): Promise<void>;
}

export const keyedAudience = 'box-sso-desktop';

export async function startKeyedIssuer(): Promise<KeyedIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  // The issuer URL needs the port, so the provider is attached after listening.
  const server = createServer();
  const issuer = await listen(server);
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [],
    features: { devInteractions: { enabled: false } },
  });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void callback(req, res));

  return {
    issuer,
    kid,
    privateKey,
    publicKey,
    async sign(claims = {}, header = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: issuer,
        aud: keyedAudience,
        sub: 'keyed-user-1',
        iat: now,
        exp: now + 600,
        name: 'Keyed User',
        email: 'keyed@example.com',
        email_verified: true,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? kid })
        .sign(header.key ?? privateKey);
    },
    close: () => closeServer(server),
  };
}
