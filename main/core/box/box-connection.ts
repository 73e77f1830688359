import { BoxClient } from 'box-node-sdk';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import type { BoxAccessTokenSource } from './box-access-token-source.ts';
import { ScopedTokenAuth } from './box-auth.ts';
import { guardCutShortResponses } from './cut-short-response-guard.ts';
import { BoxRetryStrategy, type BoxRetryLimits } from '../../../common/box-retry-strategy.ts';

/**
 * Where Box lives, in box-node-sdk's form (the SDK appends `/2.0/...`): Box's own hosts by
 * default (from the settings), the emulator's origin in tests and sandbox mode (uploads at origin + '/api').
 */
export interface BoxBaseUrls {
  apiBaseUrl: string;
  uploadBaseUrl: string;
}

/** A person is waiting: when Box asks for more than 8 s we stop and say when to try again. */
const desktopRetryLimits: BoxRetryLimits = { maxAttempts: 4, maxDelaySeconds: 8, baseDelaySeconds: 0.3 };

export interface BoxConnectionOptions {
  tokenSource: BoxAccessTokenSource;
  baseUrls: BoxBaseUrls;
  retryLimits?: Partial<BoxRetryLimits>;
  /** Per-request timeout; a stalled connection must end in an "offline" message, not a spinner forever. */
  timeoutMs?: number;
}

export interface BoxConnection {
  client: BoxClient;
  auth: ScopedTokenAuth;
  networkSession: NetworkSession;
}

/** One SDK client with our auth, our retries and the injected base URLs. */
export function createBoxConnection(options: BoxConnectionOptions): BoxConnection {
  const urls = options.baseUrls;
  const auth = new ScopedTokenAuth(options.tokenSource);
  const networkSession = new NetworkSession({
    // The desktop never calls the OAuth2 endpoints (the backend does); the SDK insists on a value.
    baseUrls: new BaseUrls({
      baseUrl: urls.apiBaseUrl,
      uploadUrl: urls.uploadBaseUrl,
      oauth2Url: `${urls.apiBaseUrl}/oauth2`,
    }),
    retryStrategy: new BoxRetryStrategy({ ...desktopRetryLimits, ...options.retryLimits }),
    timeoutConfig: { timeoutMs: options.timeoutMs ?? 30_000 },
  });
  guardCutShortResponses(networkSession.agent);
  return { client: new BoxClient({ auth, networkSession }), auth, networkSession };
}
