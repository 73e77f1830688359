import type { Authentication } from 'box-node-sdk/networking';
import type { AccessToken } from 'box-node-sdk/schemas';
import { appError } from '../errors/error-catalog.ts';
import type { BoxAccessTokenSource } from './box-access-token-source.ts';

/**
 * box-node-sdk's Authentication over our token source. The SDK's own auth classes either hold a
 * service credential (JWT, CCG) that must never reach the desktop, or a fixed developer token
 * that cannot renew; ours renews through the backend, via the session.
 */
export class ScopedTokenAuth implements Authentication {
  readonly #source: BoxAccessTokenSource;
  #lastToken: string | null = null;

  constructor(source: BoxAccessTokenSource) {
    this.#source = source;
  }

  async retrieveToken(): Promise<AccessToken> {
    const token = await this.#source.getToken();
    this.#lastToken = token;
    return { accessToken: token, tokenType: 'bearer' };
  }

  /** Called by the SDK retry strategy after a 401: the token Box refused is dropped, a new one fetched. */
  async refreshToken(): Promise<AccessToken> {
    if (this.#lastToken !== null) this.#source.invalidate(this.#lastToken);
    return this.retrieveToken();
  }

  async retrieveAuthorizationHeader(): Promise<string> {
    const token = await this.retrieveToken();
    return `Bearer ${token.accessToken ?? ''}`;
  }

  /** Signing out is the session's job (it revokes at the IdP and forgets the Box token). */
  revokeToken(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /** The backend already hands out a downscoped token; the desktop never widens or narrows it. */
  downscopeToken(): Promise<AccessToken> {
    return Promise.reject(appError('internal', 'downscope'));
  }
}
