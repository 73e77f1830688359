import { Redis } from 'ioredis';
import { RedisScimUserStore } from './redis-scim-user-store.ts';
import {
  orUnavailable,
  sessionEndTtlSeconds,
  type AccessKey,
  type AccessState,
  type SharedState,
} from './shared-state.ts';

export const redisKeyPrefix = 'box-sso:';
const invalidationChannel = `${redisKeyPrefix}user-invalidated`;

/**
 * A token bucket in one round trip, timed by Redis's own clock so replicas whose clocks
 * differ still share one bucket. Returns 0 when a token was taken, else seconds to wait.
 */
const takeTokenScript = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - at) / 1000 * rate)
local wait = 0
if tokens < 1 then
  wait = math.max(1, math.ceil((1 - tokens) / rate))
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return wait
`;

/** Keeps only the newer of two logout times: a delayed, older logout must not shorten a barrier. */
const raiseScript = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return 1
`;

export interface RedisStateOptions {
  /** Told when the store goes down or comes back, for logs and metrics. */
  onStatus?: (up: boolean) => void;
}

/**
 * The shared state in Redis, for several replicas. Commands are not queued while Redis is
 * down (they fail at once, and the token path answers 503: fail closed); the client
 * reconnects by itself, at most a second apart, and service resumes when Redis is back.
 */
export class RedisSharedState implements SharedState {
  readonly kind = 'redis';
  readonly scimUsers: RedisScimUserStore;
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly listeners: ((externalId: string) => void)[] = [];
  private up = false;

  constructor(url: string, options: RedisStateOptions = {}) {
    const common = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    };
    this.redis = new Redis(url, common);
    // A subscribed connection can run no other command, so invalidations get their own.
    this.subscriber = new Redis(url, { ...common, enableOfflineQueue: true, commandTimeout: undefined });
    this.scimUsers = new RedisScimUserStore(this.redis, redisKeyPrefix);
    const report = (up: boolean) => {
      if (up === this.up) return;
      this.up = up;
      options.onStatus?.(up);
    };
    this.redis.on('ready', () => report(true));
    this.redis.on('close', () => report(false));
    // Connection errors are reported through the status; without a listener ioredis prints each one.
    this.redis.on('error', () => report(this.redis.status === 'ready'));
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, externalId: string) => {
      for (const listener of this.listeners) listener(externalId);
    });
    void this.subscriber.subscribe(invalidationChannel).catch(() => undefined);
  }

  async accessState(key: AccessKey): Promise<AccessState> {
    const [disabled, subjectEnded, sessionEnded] = await orUnavailable(() =>
      this.redis.mget(
        this.disabledKey(key.externalId),
        this.endedKey('sub', key.issuer, key.subject),
        ...(key.sessionId === undefined ? [] : [this.endedKey('sid', key.issuer, key.sessionId)]),
      ),
    );
    return {
      disabled: disabled !== null && disabled !== undefined,
      subjectEndedAt: subjectEnded ? Number(subjectEnded) : undefined,
      sessionEndedAt: sessionEnded ? Number(sessionEnded) : undefined,
    };
  }

  async endSession(issuer: string, sessionId: string, atSeconds: number): Promise<void> {
    await orUnavailable(() =>
      this.redis.eval(raiseScript, 1, this.endedKey('sid', issuer, sessionId), atSeconds, sessionEndTtlSeconds),
    );
  }

  async endSubject(issuer: string, subject: string, atSeconds: number): Promise<void> {
    await orUnavailable(() =>
      this.redis.eval(raiseScript, 1, this.endedKey('sub', issuer, subject), atSeconds, sessionEndTtlSeconds),
    );
  }

  async setDisabled(externalId: string, disabled: boolean): Promise<void> {
    const key = this.disabledKey(externalId);
    if (disabled) await orUnavailable(() => this.redis.set(key, '1'));
    else await orUnavailable(() => this.redis.del(key));
  }

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    const answer = await orUnavailable(() =>
      this.redis.set(`${redisKeyPrefix}claim:${key}`, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX'),
    );
    return answer === 'OK';
  }

  async release(key: string): Promise<void> {
    await orUnavailable(() => this.redis.del(`${redisKeyPrefix}claim:${key}`));
  }

  async takeToken(key: string, capacity: number, perSecond: number): Promise<number> {
    const wait = await orUnavailable(() =>
      this.redis.eval(takeTokenScript, 1, `${redisKeyPrefix}bucket:${key}`, capacity, perSecond),
    );
    return Number(wait);
  }

  async invalidateUser(externalId: string): Promise<void> {
    await orUnavailable(() => this.redis.publish(invalidationChannel, externalId));
  }

  onUserInvalidated(listener: (externalId: string) => void): void {
    this.listeners.push(listener);
  }

  async ping(): Promise<void> {
    await orUnavailable(() => this.redis.ping());
  }

  isUp(): boolean {
    return this.up;
  }

  close(): Promise<void> {
    this.subscriber.disconnect();
    this.redis.disconnect();
    return Promise.resolve();
  }

  private disabledKey(externalId: string): string {
    return `${redisKeyPrefix}disabled:${externalId}`;
  }

  private endedKey(kind: 'sid' | 'sub', issuer: string, id: string): string {
    return `${redisKeyPrefix}ended:${kind}:${issuer} ${id}`;
  }
}
