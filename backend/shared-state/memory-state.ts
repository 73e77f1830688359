import { TokenBuckets } from '../rate-limiter.ts';
import { MemoryScimUserStore, type ScimUserStore } from './scim-user-store.ts';
import { sessionEndTtlSeconds, type AccessKey, type AccessState, type SharedState } from './shared-state.ts';

/** Keys that expire; swept as they are read and on every write, so memory stays bounded by live entries. */
class ExpiringSet {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();

  get(key: string): number | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: number, ttlSeconds: number): void {
    this.sweep();
    this.entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/**
 * The shared state of a single replica (no `REDIS_URL`): nothing to share it with, so plain
 * maps. Ended sessions and claims expire; deactivations last until reactivated.
 */
export class MemorySharedState implements SharedState {
  readonly kind = 'memory';
  readonly scimUsers: ScimUserStore;
  private readonly disabled = new Set<string>();
  private readonly ended = new ExpiringSet();
  private readonly claims = new ExpiringSet();
  private readonly buckets = new Map<string, TokenBuckets>();
  private readonly listeners: ((externalId: string) => void)[] = [];

  constructor(options: { scimStateFile?: string | undefined } = {}) {
    this.scimUsers = new MemoryScimUserStore(options.scimStateFile);
  }

  accessState(key: AccessKey): Promise<AccessState> {
    return Promise.resolve({
      disabled: this.disabled.has(key.externalId),
      sessionEndedAt: key.sessionId === undefined ? undefined : this.ended.get(`sid ${key.issuer} ${key.sessionId}`),
      subjectEndedAt: this.ended.get(`sub ${key.issuer} ${key.subject}`),
    });
  }

  endSession(issuer: string, sessionId: string, atSeconds: number): Promise<void> {
    this.ended.set(`sid ${issuer} ${sessionId}`, atSeconds, sessionEndTtlSeconds);
    return Promise.resolve();
  }

  endSubject(issuer: string, subject: string, atSeconds: number): Promise<void> {
    this.ended.set(`sub ${issuer} ${subject}`, atSeconds, sessionEndTtlSeconds);
    return Promise.resolve();
  }

  setDisabled(externalId: string, disabled: boolean): Promise<void> {
    if (disabled) this.disabled.add(externalId);
    else this.disabled.delete(externalId);
    return Promise.resolve();
  }

  claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.claims.get(key) !== undefined) return Promise.resolve(false);
    this.claims.set(key, 1, ttlSeconds);
    return Promise.resolve(true);
  }

  release(key: string): Promise<void> {
    this.claims.delete(key);
    return Promise.resolve();
  }

  takeToken(key: string, capacity: number, perSecond: number): Promise<number> {
    const id = `${capacity}/${perSecond}`;
    let buckets = this.buckets.get(id);
    if (!buckets) {
      buckets = new TokenBuckets({ capacity, perSecond });
      this.buckets.set(id, buckets);
    }
    return Promise.resolve(buckets.take(key));
  }

  invalidateUser(externalId: string): Promise<void> {
    for (const listener of this.listeners) listener(externalId);
    return Promise.resolve();
  }

  onUserInvalidated(listener: (externalId: string) => void): void {
    this.listeners.push(listener);
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  isUp(): boolean {
    return true;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
