import type { Redis } from 'ioredis';
import { orUnavailable } from './shared-state.ts';
import { UserNameTakenError, userNameKey, type ScimUserRecord, type ScimUserStore } from './scim-user-store.ts';

/**
 * Writes a record and its userName index together, refusing a userName another user holds;
 * atomic in Redis, so two replicas creating the same userName cannot both win.
 * KEYS: records, userName → id, id → userName key. ARGV: id, userName key, record JSON.
 */
const putScript = `
local holder = redis.call('HGET', KEYS[2], ARGV[2])
if holder and holder ~= ARGV[1] then return 0 end
local previous = redis.call('HGET', KEYS[3], ARGV[1])
if previous and previous ~= ARGV[2] then redis.call('HDEL', KEYS[2], previous) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
return 1
`;

const removeScript = `
local previous = redis.call('HGET', KEYS[3], ARGV[1])
if previous then redis.call('HDEL', KEYS[2], previous) end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
`;

/** SCIM attributes in Redis hashes, shared by every replica (and as durable as the Redis deployment). */
export class RedisScimUserStore implements ScimUserStore {
  private readonly redis: Redis;
  private readonly keys: [string, string, string];

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.keys = [`${prefix}scim:users`, `${prefix}scim:user-names`, `${prefix}scim:user-name-of`];
  }

  async get(id: string): Promise<ScimUserRecord | undefined> {
    const text = await orUnavailable(() => this.redis.hget(this.keys[0], id));
    return text === null ? undefined : (JSON.parse(text) as ScimUserRecord);
  }

  async findByUserName(userName: string): Promise<ScimUserRecord | undefined> {
    const id = await orUnavailable(() => this.redis.hget(this.keys[1], userNameKey(userName)));
    return id === null ? undefined : this.get(id);
  }

  async list(): Promise<ScimUserRecord[]> {
    const all = await orUnavailable(() => this.redis.hvals(this.keys[0]));
    return all.map((text) => JSON.parse(text) as ScimUserRecord);
  }

  async put(record: ScimUserRecord): Promise<void> {
    const stored = await orUnavailable(() =>
      this.redis.eval(putScript, 3, ...this.keys, record.id, userNameKey(record.userName), JSON.stringify(record)),
    );
    if (Number(stored) !== 1) throw new UserNameTakenError();
  }

  async remove(id: string): Promise<void> {
    await orUnavailable(() => this.redis.eval(removeScript, 3, ...this.keys, id));
  }
}
