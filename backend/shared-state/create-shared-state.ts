import { MemorySharedState } from './memory-state.ts';
import { RedisSharedState, type RedisStateOptions } from './redis-state.ts';
import type { SharedState } from './shared-state.ts';

/** Redis when a URL is configured (several replicas), else this process's memory (one replica). */
export function createSharedState(
  config: { redisUrl: string | undefined; scimStateFile: string | undefined },
  options: RedisStateOptions = {},
): SharedState {
  if (config.redisUrl !== undefined) return new RedisSharedState(config.redisUrl, options);
  return new MemorySharedState({ scimStateFile: config.scimStateFile });
}
