/**
 * The synchronous signature check against tokens jose signs, for every algorithm the backend
 * accepts: a genuine signature holds, a changed payload, another key or a signature of another
 * shape does not (and never throws).
 */
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { jwsSignatureValid } from '../../../backend/jws-signature.ts';

const algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

describe('JWS signatures checked with node:crypto', () => {
  it.each(algorithms)('%s: genuine holds; tampered, another key, another alg and garbage do not', async (alg) => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const stranger = await generateKeyPair(alg, { extractable: true });
    const token = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg }).sign(privateKey);
    const [header, payload, signature] = token.split('.') as [string, string, string];

    expect(jwsSignatureValid(alg, `${header}.${payload}`, signature, publicKey)).toBe(true);
    const otherPayload = Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url');
    expect(jwsSignatureValid(alg, `${header}.${otherPayload}`, signature, publicKey)).toBe(false);
    expect(jwsSignatureValid(alg, `${header}.${payload}`, signature, stranger.publicKey)).toBe(false);
    expect(jwsSignatureValid(alg, `${header}.${payload}`, 'AAAA', publicKey)).toBe(false);
    expect(jwsSignatureValid('HS256', `${header}.${payload}`, signature, publicKey)).toBe(false);
    expect(jwsSignatureValid('none', `${header}.${payload}`, signature, publicKey)).toBe(false);
  });

  it('an RSA signature does not pass as PSS, nor the other way round', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const token = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(jwsSignatureValid('PS256', `${header}.${payload}`, signature, publicKey)).toBe(false);
  });
});
