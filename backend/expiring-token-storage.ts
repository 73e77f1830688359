import type { TokenStorage } from 'box-node-sdk/box';
import type { AccessToken } from 'box-node-sdk/schemas';

/**
 * Token storage that forgets a token shortly before it expires. The SDK's
 * InMemoryTokenStorage never checks expiry, so a long-running backend would keep
 * presenting a dead service-account token.
 */
export class ExpiringTokenStorage implements TokenStorage {
  private token: AccessToken | undefined;
  private expiresAtMs = 0;
  private readonly marginMs: number;
  private readonly now: () => number;

  constructor(options: { marginSeconds?: number; now?: () => number } = {}) {
    this.marginMs = (options.marginSeconds ?? 120) * 1000;
    this.now = options.now ?? Date.now;
  }

  store(token: AccessToken): Promise<undefined> {
    this.token = token;
    // Tokens shorter than twice the margin are kept for half their life instead.
    const lifetimeMs = (token.expiresIn ?? 0) * 1000;
    this.expiresAtMs = this.now() + Math.max(lifetimeMs - this.marginMs, lifetimeMs / 2);
    return Promise.resolve(undefined);
  }

  get(): Promise<AccessToken | undefined> {
    if (this.token !== undefined && this.now() >= this.expiresAtMs) this.token = undefined;
    return Promise.resolve(this.token);
  }

  clear(): Promise<undefined> {
    this.token = undefined;
    return Promise.resolve(undefined);
  }
}
