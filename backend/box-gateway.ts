import { BoxClient } from 'box-node-sdk';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import { AuthorizationManager } from 'box-node-sdk/managers';
import { BaseUrls, NetworkSession, type FetchOptions, type FetchResponse } from 'box-node-sdk/networking';
import type { UserFull } from 'box-node-sdk/schemas';
import type { BackendConfig } from './config.ts';
import { createServiceAccountAuth, type BoxAuth } from './service-account-auth.ts';
import { BoundedCache } from './bounded-cache.ts';
import { outboundDispatcher } from './outbound-dispatcher.ts';
import { LeanNetworkClient } from './lean-network-client.ts';
import { BoxRetryStrategy, type BoxRetryLimits } from './box-retry-strategy.ts';
import { retryAfterSeconds } from '../common/retry-after.ts';
import { ExpiringTokenStorage } from './expiring-token-storage.ts';
import { BoxConflictError, BoxRejectedError, UpstreamUnavailableError } from './http-errors.ts';

export interface BoxUser {
  id: string;
  name: string;
  login: string;
}

export interface ScopedToken {
  accessToken: string;
  expiresIn: number;
}

export interface BoxGatewayOptions {
  retry?: Partial<BoxRetryLimits>;
  /** Per-attempt timeout of a Box call. */
  timeoutMs?: number;
  /** Told about every HTTP call to Box (each retry included), for metrics. */
  onCall?: (method: string, endpoint: string) => void;
}

/** `Retry-After` we send when Box failed without saying when to come back. */
const defaultRetryAfterSeconds = 5;

/**
 * The desktop waits on this service, so Box pauses are short here: at most 2 s per wait, 4
 * attempts; a longer `retry-after` becomes our own 503 with Retry-After at once.
 */
const backendRetryLimits: BoxRetryLimits = { maxAttempts: 4, maxDelaySeconds: 2, baseDelaySeconds: 0.25 };

/**
 * The backend's only door to Box: service-account auth (JWT or CCG), the custom base
 * URLs on every call (token exchange included, which the SDK would otherwise send to
 * api.box.com), our retry strategy, and error mapping that never lets an SDK error
 * object (it carries request headers and bodies, so secrets) leave this file.
 */
export class BoxGateway {
  private readonly session: NetworkSession;
  /** undici's pool of connections to Box, closed with the server. */
  private readonly dispatcher = outboundDispatcher();
  private readonly serviceAuth: BoxAuth;
  private readonly asUser: (userId: string, storage: ExpiringTokenStorage) => BoxAuth;
  private readonly client: BoxClient;
  /**
   * The token endpoint, without credentials of its own (the exchange carries the user's token).
   * One instance: the SDK's `downscopeToken` builds a new manager, and with it a new network
   * session, on every call, a cost per returning login (measured: docs/backend.md, "Talking to Box").
   */
  private readonly tokenEndpoint: AuthorizationManager;
  private serviceTokenInFlight: Promise<unknown> | undefined;
  /**
   * Each Box user's auth with its own (not downscoped) token, kept until shortly before the token
   * expires, so a returning login costs one Box call (the token exchange). The auth object is kept
   * too: building one per login showed in the benchmark's profiles (docs/backend.md). It never leaves this process.
   */
  private readonly userAuths = new BoundedCache<BoxAuth>({ maxEntries: 10_000, ttlMs: 60 * 60_000 });

  constructor(config: Pick<BackendConfig, 'box' | 'baseUrls'>, options: BoxGatewayOptions = {}) {
    const onCall = options.onCall;
    this.session = new NetworkSession({
      baseUrls: new BaseUrls({
        baseUrl: config.baseUrls.apiUrl,
        uploadUrl: config.baseUrls.uploadUrl,
        oauth2Url: config.baseUrls.oauth2Url,
      }),
      retryStrategy: new BoxRetryStrategy({ ...backendRetryLimits, ...options.retry }),
      timeoutConfig: { timeoutMs: options.timeoutMs ?? 5_000 },
      networkClient: new LeanNetworkClient(this.dispatcher),
      interceptors: onCall
        ? [
            {
              beforeRequest(fetchOptions: FetchOptions) {
                onCall(fetchOptions.method.toUpperCase(), endpointOf(fetchOptions.url));
                return fetchOptions;
              },
              afterRequest: (response: FetchResponse) => response,
            },
          ]
        : [],
    });
    const auth = createServiceAccountAuth(config.box, new ExpiringTokenStorage());
    this.serviceAuth = auth.service;
    this.asUser = auth.asUser;
    this.client = new BoxClient({ auth: this.serviceAuth, networkSession: this.session });
    this.tokenEndpoint = new AuthorizationManager({ networkSession: this.session });
  }

  /** Closes the connections to Box (kept alive between logins). */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /** Gets (or reuses) the service-account token; concurrent callers share one request. */
  async ensureServiceToken(): Promise<void> {
    this.serviceTokenInFlight ??= this.serviceAuth
      .retrieveToken(this.session)
      .finally(() => (this.serviceTokenInFlight = undefined));
    await guard(this.serviceTokenInFlight);
  }

  /**
   * A call as the service account, for SCIM's administration of users and groups
   * (backend/scim/box-directory.ts); SDK errors are translated here like every other call's.
   */
  async asServiceAccount<T>(call: (client: BoxClient) => Promise<T>): Promise<T> {
    await this.ensureServiceToken();
    return guard(call(this.client));
  }

  async findAppUser(externalAppUserId: string): Promise<BoxUser | undefined> {
    await this.ensureServiceToken();
    const users = await guard(this.client.users.getUsers({ externalAppUserId, limit: 2 }));
    const match = users.entries?.find((user) => user.id !== undefined);
    return match && toBoxUser(match);
  }

  async createAppUser(name: string, externalAppUserId: string): Promise<BoxUser> {
    await this.ensureServiceToken();
    return toBoxUser(
      await guard(this.client.users.createUser({ name, isPlatformAccessOnly: true, externalAppUserId })),
    );
  }

  async findManagedUser(login: string): Promise<BoxUser | undefined> {
    await this.ensureServiceToken();
    const users = await guard(this.client.users.getUsers({ filterTerm: login, userType: 'managed', limit: 100 }));
    // filter_term is a prefix match on name or login; only an exact login is the same person.
    const match = users.entries?.find((user) => user.login?.toLowerCase() === login.toLowerCase());
    return match && toBoxUser(match);
  }

  async createManagedUser(name: string, login: string): Promise<BoxUser> {
    await this.ensureServiceToken();
    return toBoxUser(await guard(this.client.users.createUser({ name, login })));
  }

  /**
   * A token limited to `scopes` for the Box user: the user's own token (cached) exchanged
   * for a downscoped one, so one or two Box calls.
   */
  async issueScopedToken(userId: string, scopes: readonly string[]): Promise<ScopedToken> {
    let auth = this.userAuths.get(userId);
    if (!auth) {
      auth = this.asUser(userId, new ExpiringTokenStorage());
      this.userAuths.set(userId, auth);
    }
    try {
      const userToken = await guard(auth.retrieveToken(this.session));
      if (userToken.accessToken === undefined)
        throw new UpstreamUnavailableError('Box returned no user token', defaultRetryAfterSeconds);
      // What the SDK's downscopeToken sends: the user's token exchanged for one limited to `scopes`.
      const token = await guard(
        this.tokenEndpoint.requestAccessToken({
          grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
          subjectToken: userToken.accessToken,
          subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token',
          scope: scopes.join(' '),
        }),
      );
      if (token.accessToken === undefined)
        throw new UpstreamUnavailableError('Box returned no token', defaultRetryAfterSeconds);
      return { accessToken: token.accessToken, expiresIn: token.expiresIn ?? 3600 };
    } catch (error) {
      // The cached user token may be what Box refused (user deleted or deactivated); Box being busy is no reason to drop it.
      if (error instanceof BoxRejectedError) this.userAuths.delete(userId);
      throw error;
    }
  }
}

/** Runs a Box call and turns SDK errors into ours, dropping the request details they carry. */
async function guard<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw translate(error);
  }
}

function translate(error: unknown): Error {
  if (error instanceof BoxApiError) {
    const { statusCode, headers, code } = error.responseInfo;
    if (statusCode === 409) return new BoxConflictError();
    if (statusCode === 429 || statusCode >= 500) {
      const wait = retryAfterSeconds(headers) ?? defaultRetryAfterSeconds;
      return new UpstreamUnavailableError('Box is unavailable, try again later', Math.max(1, Math.ceil(wait)));
    }
    return new BoxRejectedError(statusCode, code);
  }
  if (error instanceof BoxSdkError) {
    return new UpstreamUnavailableError('Box cannot be reached, try again later', defaultRetryAfterSeconds);
  }
  return error instanceof Error ? error : new Error('unexpected Box failure');
}

function toBoxUser(user: UserFull): BoxUser {
  return { id: user.id, name: user.name ?? '', login: user.login ?? '' };
}

/** A bounded label for metrics: the API path with ids replaced. */
function endpointOf(url: string): string {
  // A regular expression, not `new URL`: this runs on every Box call (the SDK keeps the query apart).
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/(api\/)?(2\.0\/)?/, '');
  return path.replace(/\/\d+(?=\/|$)/g, '/:id');
}
