import type { BoxGateway, BoxUser, ScopedToken } from './box-gateway.ts';
import { BoundedCache } from './bounded-cache.ts';
import { AccessDeniedError, BoxConflictError, BoxRejectedError } from './http-errors.ts';
import type { VerifiedIdentity } from './id-token-verifier.ts';

/** Box rejects user names longer than 50 characters. */
const boxNameLimit = 50;

export type UserType = 'app' | 'managed';
export type ExternalIdFormat = 'sub' | 'issuer-sub';

export interface ProvisionerOptions {
  onCreated?: (type: UserType) => void;
  cacheTtlMs?: number;
  externalId?: ExternalIdFormat;
}

export interface ProvisionResult {
  user: BoxUser;
  /** True when this request created the Box user. */
  created: boolean;
  /** True when the mapping came from the cache (a returning login). */
  cached: boolean;
}

export interface IssuedToken extends ProvisionResult {
  token: ScopedToken;
}

/**
 * The key that links an identity to its Box app user (`external_app_user_id`): the link
 * claim's value (`sub` unless OIDC_LINK_CLAIM says otherwise), prefixed by the issuer when
 * several IdPs (whose values may collide) provision into one Box enterprise. SCIM computes
 * the same key from the SCIM attribute that holds that value.
 */
export function linkedExternalId(issuer: string, linkValue: string, format: ExternalIdFormat = 'sub'): string {
  return format === 'sub' ? linkValue : `${issuer}#${linkValue}`;
}

export function externalAppUserId(identity: VerifiedIdentity, format: ExternalIdFormat = 'sub'): string {
  return linkedExternalId(identity.issuer, identity.linkId, format);
}

/** The Box display name: the name claim, else the email, else the subject, cut to Box's limit. */
export function displayName(identity: VerifiedIdentity): string {
  const name = [identity.name, identity.email, identity.subject].find((value) => value !== undefined && value.trim());
  return Array.from((name ?? identity.subject).trim())
    .slice(0, boxNameLimit)
    .join('');
}

/**
 * Finds or creates exactly one Box user per identity. Concurrent requests for one
 * identity share a single in-flight provisioning, and a `409` on create (another replica
 * won the race) is answered by looking the user up again.
 */
export class Provisioner {
  private readonly inFlight = new Map<string, Promise<ProvisionResult>>();
  private readonly known: BoundedCache<BoxUser>;
  private readonly box: BoxGateway;
  private readonly userType: UserType;
  private readonly onCreated: (type: UserType) => void;
  private readonly externalId: ExternalIdFormat;

  constructor(box: BoxGateway, userType: UserType, options: ProvisionerOptions = {}) {
    this.box = box;
    this.userType = userType;
    this.externalId = options.externalId ?? 'sub';
    this.onCreated = options.onCreated ?? (() => undefined);
    this.known = new BoundedCache({ maxEntries: 100_000, ttlMs: options.cacheTtlMs ?? 15 * 60_000 });
  }

  provision(identity: VerifiedIdentity): Promise<ProvisionResult> {
    const key = this.keyOf(identity);
    const cached = this.known.get(key);
    if (cached) return Promise.resolve({ user: cached, created: false, cached: true });
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.findOrCreate(identity).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /**
   * The identity's Box user (found or created) and a token for it limited to `scopes`. A cached
   * mapping may point at a user deleted in Box since: when Box refuses that user, the identity is
   * looked up again, once.
   */
  async issueToken(identity: VerifiedIdentity, scopes: readonly string[]): Promise<IssuedToken> {
    const result = await this.provision(identity);
    try {
      return { ...result, token: await this.box.issueScopedToken(result.user.id, scopes) };
    } catch (error) {
      if (!(error instanceof BoxRejectedError && result.cached)) throw error;
      this.forget(identity);
      const fresh = await this.provision(identity);
      return { ...fresh, token: await this.box.issueScopedToken(fresh.user.id, scopes) };
    }
  }

  /** Drops a cached mapping, for when Box no longer knows the user (deleted in the admin console). */
  forget(identity: VerifiedIdentity): void {
    this.known.delete(this.keyOf(identity));
  }

  /** Drops the cached mapping of an App User (deleted or relinked over SCIM, on any replica). */
  forgetLinked(externalId: string): void {
    this.known.delete(`app:${externalId}`);
  }

  private keyOf(identity: VerifiedIdentity): string {
    if (this.userType === 'app') return `app:${externalAppUserId(identity, this.externalId)}`;
    return `managed:${this.managedLogin(identity)}`;
  }

  private managedLogin(identity: VerifiedIdentity): string {
    if (identity.email === undefined || !identity.emailVerified) {
      throw new AccessDeniedError('managed users need a verified email claim in the ID token');
    }
    return identity.email.toLowerCase();
  }

  private async findOrCreate(identity: VerifiedIdentity): Promise<ProvisionResult> {
    const find = () =>
      this.userType === 'app'
        ? this.box.findAppUser(externalAppUserId(identity, this.externalId))
        : this.box.findManagedUser(this.managedLogin(identity));
    const existing = await find();
    if (existing) return this.remember(identity, existing, false);
    try {
      const created =
        this.userType === 'app'
          ? await this.box.createAppUser(displayName(identity), externalAppUserId(identity, this.externalId))
          : await this.box.createManagedUser(displayName(identity), this.managedLogin(identity));
      this.onCreated(this.userType);
      return this.remember(identity, created, true);
    } catch (error) {
      if (!(error instanceof BoxConflictError)) throw error;
      const winner = await find();
      if (!winner) throw new BoxRejectedError(409, 'user_exists_but_not_found');
      return this.remember(identity, winner, false);
    }
  }

  private remember(identity: VerifiedIdentity, user: BoxUser, created: boolean): ProvisionResult {
    this.known.set(this.keyOf(identity), user);
    return { user, created, cached: false };
  }
}
