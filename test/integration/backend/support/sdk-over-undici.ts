/**
 * box-node-sdk clients over the backend's undici network client, the way the backend builds
 * them, for tests against the emulator and small real HTTP servers.
 */
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { NetworkSession } from 'box-node-sdk/networking';
import type { Dispatcher } from 'undici';
import { createServiceAccountAuth } from '../../../../backend/service-account-auth.ts';
import { loadConfig } from '../../../../backend/config.ts';
import { ExpiringTokenStorage } from '../../../../backend/expiring-token-storage.ts';
import { LeanNetworkClient } from '../../../../backend/lean-network-client.ts';
import { BoxRetryStrategy } from '../../../../backend/box-retry-strategy.ts';
import { emulatorBaseUrls } from '../../../support/box-emulator-harness.ts';

/** Short waits, so retry tests stay quick. */
export const retryLimits = { maxAttempts: 3, maxDelaySeconds: 2, baseDelaySeconds: 0.01 };

export interface SdkClientOptions {
  /** The Box app's config file (the emulator's), for the service account's JWT auth. */
  configPath: string;
  /** undici's pool (or proxy agent) the calls go through. */
  via: Dispatcher;
  timeoutMs?: number;
  /** A fixed token instead of the service account's JWT auth: no token request before the call. */
  fixedToken?: string;
  additionalHeaders?: Record<string, string>;
}

/** The service account's client, as the backend builds it, with our network client underneath. */
export function sdkClient(origin: string, options: SdkClientOptions): BoxClient {
  const session = new NetworkSession({
    baseUrls: emulatorBaseUrls(origin),
    retryStrategy: new BoxRetryStrategy(retryLimits),
    networkClient: new LeanNetworkClient(options.via),
    ...(options.timeoutMs === undefined ? {} : { timeoutConfig: { timeoutMs: options.timeoutMs } }),
    ...(options.additionalHeaders === undefined ? {} : { additionalHeaders: options.additionalHeaders }),
  });
  const config = loadConfig({
    OIDC_ISSUER: 'https://idp.example.com',
    OIDC_AUDIENCE: 'desktop',
    BOX_CONFIG_FILE: options.configPath,
  });
  const auth =
    options.fixedToken === undefined
      ? createServiceAccountAuth(config.box, new ExpiringTokenStorage()).service
      : new BoxDeveloperTokenAuth({ token: options.fixedToken });
  return new BoxClient({ auth, networkSession: session });
}
