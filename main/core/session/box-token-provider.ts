import { z } from 'zod';
import type { AppError } from '../../../common/app-error.ts';
import type { BoxAccessTokenSource } from '../box-client/box-access-token-source.ts';
import { appError } from '../errors/error-catalog.ts';

/** The backend's answer to `POST /v1/box-token` (docs/backend.md). */
const boxTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scopes: z.array(z.string()).optional(),
  box_user: z.object({ id: z.string(), name: z.string(), login: z.string().nullable().optional() }),
});

export interface BoxAccess {
  accessToken: string;
  /** Epoch milliseconds by the injected clock. */
  expiresAt: number;
  scopes: string[];
  boxUser: { id: string; name: string; login: string | null };
}

export interface BoxTokenProviderOptions {
  backendUrl: string;
  /** The session's ID token, refreshed first when expired; forceRefresh after a backend 401. */
  getIdToken: (options?: { forceRefresh?: boolean }) => Promise<string>;
  clock?: () => number;
  /** Renew this long before expiry (capped at half the token's lifetime). Default 5 minutes. */
  renewBeforeMs?: number;
  fetch?: typeof fetch;
  /**
   * The backend said the account is disabled or the IdP ended the session: the session signs
   * out (keychain entry, tokens and caches) before the error reaches the caller.
   */
  onAccountEnded?: (error: AppError) => void;
}

/** The backend's error body (docs/backend.md): which refusal a 401 or 403 is. */
const backendError = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * The Box handoff: trades the user's ID token for a short-lived, downscoped Box token at the
 * backend (`POST /v1/box-token`), keeps it in memory only, renews it before it expires, and
 * forgets a token Box refused (the Box clients then ask for a new one, once).
 *
 * It is also the Box client's token source (getToken + invalidate).
 */
export class BoxTokenProvider implements BoxAccessTokenSource {
  private readonly options: BoxTokenProviderOptions;
  private readonly clock: () => number;
  private cached: { access: BoxAccess; renewAt: number } | undefined;
  private inFlight: Promise<BoxAccess> | undefined;
  /** Bumped by clear(): an exchange that started before sign-out must not repopulate the cache. */
  private generation = 0;

  constructor(options: BoxTokenProviderOptions) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
  }

  /** A valid Box token and user, from memory unless it is due for renewal. */
  async getAccess(): Promise<BoxAccess> {
    if (this.cached && this.clock() < this.cached.renewAt) return this.cached.access;
    this.inFlight ??= this.exchange().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  async getToken(): Promise<string> {
    return (await this.getAccess()).accessToken;
  }

  /** Forget a token Box refused, so the next call fetches a new one. */
  invalidate(token: string): void {
    if (this.cached?.access.accessToken === token) this.cached = undefined;
  }

  clear(): void {
    this.generation++;
    this.cached = undefined;
    this.inFlight = undefined;
  }

  private async exchange(): Promise<BoxAccess> {
    const generation = this.generation;
    let response = await this.post(await this.options.getIdToken());
    if (response.status === 401) {
      // The ID token may have been revoked or signed with a key the backend has not seen yet.
      await response.body?.cancel();
      response = await this.post(await this.options.getIdToken({ forceRefresh: true }));
    }
    if (!response.ok) {
      const refusal = backendError.safeParse(await response.json().catch(() => undefined));
      const ended =
        refusal.success &&
        ((response.status === 403 && refusal.data.error === 'account_disabled') ||
          (response.status === 401 && refusal.data.error_description === 'session ended'));
      if (ended) {
        const error = appError('account_disabled', 'default');
        this.options.onAccountEnded?.(error);
        throw error;
      }
      throw this.httpError(response.status);
    }
    const started = this.clock();
    const parsed = boxTokenResponse.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw appError('backend_unreachable', 'default', {}, { cause: parsed.error });
    const body = parsed.data;
    const lifetimeMs = body.expires_in * 1000;
    const access: BoxAccess = {
      accessToken: body.access_token,
      expiresAt: started + lifetimeMs,
      scopes: body.scopes ?? [],
      boxUser: { id: body.box_user.id, name: body.box_user.name, login: body.box_user.login ?? null },
    };
    const renewBefore = Math.min(this.options.renewBeforeMs ?? 5 * 60 * 1000, lifetimeMs / 2);
    if (generation === this.generation) this.cached = { access, renewAt: access.expiresAt - renewBefore };
    return access;
  }

  private async post(idToken: string): Promise<Response> {
    const url = new URL('/v1/box-token', this.options.backendUrl);
    try {
      return await (this.options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${idToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw appError('backend_unreachable', 'default', {}, { cause: error });
    }
  }

  private httpError(status: number): AppError {
    if (status === 401) return appError('backend_rejected_sign_in', 'default');
    if (status === 403) return appError('backend_denied', 'default');
    if (status === 429 || status === 503) return appError('backend_busy', 'default');
    return appError('backend_unreachable', 'default');
  }
}
